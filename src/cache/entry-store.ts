/**
 * Entries: one fetched table, gzipped, base64-encoded and split into pieces under Apps Script's
 * 100 KB value limit, plus a per-scope index naming each entry's pieces and the fields it covers.
 * A read returns the whole table or nothing: a missing or corrupt piece is a miss.
 */
import { isJsonObject, parseJsonObject } from '../json';
import type { CacheStore, Codec } from '../platform';
import type { ScopeKeys } from './keys';
import { MAX_CACHE_TTL_SECONDS } from './lifetimes';
import type { Table } from '../catalog';
import { loadTextPieces, PIECE_CHARACTERS, storeTextPieces } from './pieces';
import { coversFields, fieldIdsOf, parseTable, serialiseTable } from './table';

/** Largest entry kept (about 9 MB compressed); a bigger table is served but not cached. */
export const MAX_PIECES_PER_ENTRY = 100;
/** Entries remembered per scope; older ones are dropped from the index (and expire on their own). */
export const MAX_ENTRIES_PER_SCOPE = 8;

const INDEX_VERSION = 1;

export interface StoredEntry {
  readonly id: string;
  readonly fieldIds: readonly string[];
  readonly pieces: number;
  readonly characters: number;
  readonly rows: number;
  /** Our clock when the fetch began: an explicit bypass accepts only fetches begun after it. */
  readonly fetchStartedAt: number;
  readonly storedAt: number;
  readonly expiresAt: number;
  /** The largest Looker `lastRefresh` this fetch answers, or null when none was given. */
  readonly refresh: number | null;
}

export interface ScopeIndex {
  readonly entries: readonly StoredEntry[];
}

/** What a reader accepts. */
export interface Freshness {
  readonly ttlMs: number;
  readonly lastRefresh: number | null;
  /** Set by an explicit bypass: only fetches begun after this time count. */
  readonly notBefore: number | null;
}

export const EMPTY_INDEX: ScopeIndex = { entries: [] };

/** The scope's index as stored; an index that does not parse as this version wrote it is empty (a miss). */
export function readIndex(cache: CacheStore, keys: ScopeKeys): ScopeIndex {
  const parsed = parseJsonObject(cache.get(keys.index));
  if (parsed?.v !== INDEX_VERSION) return EMPTY_INDEX;
  const entries = listOf(parsed.entries, isStoredEntry);
  return entries ? { entries } : EMPTY_INDEX;
}

/** `value` when it is a list whose every item passes `guard`. */
export function listOf<T>(value: unknown, guard: (item: unknown) => item is T): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items: unknown[] = value;
  return items.every(guard) ? items : undefined;
}

/** An entry as this version writes it (read back from the index or from a lease's outcome). */
export function isStoredEntry(value: unknown): value is StoredEntry {
  if (!isJsonObject(value)) return false;
  const { id, fieldIds, pieces, characters, rows, fetchStartedAt, storedAt, expiresAt, refresh } = value;
  return (
    typeof id === 'string' &&
    id !== '' &&
    isFieldIds(fieldIds) &&
    isWhole(pieces) &&
    pieces >= 1 &&
    [characters, rows].every(isWhole) &&
    [fetchStartedAt, storedAt, expiresAt].every(isInstant) &&
    (refresh === null || isInstant(refresh))
  );
}

export function isFieldIds(value: unknown): value is string[] {
  return listOf(value, (id): id is string => typeof id === 'string') !== undefined;
}

/** A whole number of at least 0. */
function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A time in ms since the epoch. */
export function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export function writeIndex(cache: CacheStore, keys: ScopeKeys, index: ScopeIndex): void {
  let entries = index.entries;
  let text = JSON.stringify({ v: INDEX_VERSION, entries });
  while (text.length > PIECE_CHARACTERS && entries.length > 0) {
    entries = entries.slice(1);
    text = JSON.stringify({ v: INDEX_VERSION, entries });
  }
  cache.put(keys.index, text, MAX_CACHE_TTL_SECONDS);
}

/** The index with `entry` added, expired entries and older entries it supersedes dropped. */
export function withEntry(index: ScopeIndex, entry: StoredEntry, nowMs: number): ScopeIndex {
  const kept = index.entries.filter(
    (old) =>
      old.expiresAt > nowMs &&
      !(coversFields(entry.fieldIds, old.fieldIds) && (entry.refresh ?? 0) >= (old.refresh ?? 0)),
  );
  return { entries: [...kept, entry].slice(-MAX_ENTRIES_PER_SCOPE) };
}

function isUsable(entry: StoredEntry, freshness: Freshness, nowMs: number): boolean {
  return (
    isWithinTtl(entry, freshness, nowMs) &&
    answersRefresh(entry, freshness.lastRefresh) &&
    (freshness.notBefore === null || entry.fetchStartedAt > freshness.notBefore)
  );
}

function isWithinTtl(entry: StoredEntry, freshness: Freshness, nowMs: number): boolean {
  return nowMs < entry.expiresAt && nowMs < entry.storedAt + freshness.ttlMs;
}

export function answersRefresh(
  entry: { readonly refresh: number | null },
  lastRefresh: number | null,
): boolean {
  return lastRefresh === null || (entry.refresh !== null && entry.refresh >= lastRefresh);
}

/** The newest entry that covers `fieldIds` and satisfies `freshness`. */
export function findUsableEntry(
  index: ScopeIndex,
  fieldIds: readonly string[],
  freshness: Freshness,
  nowMs: number,
): StoredEntry | null {
  const usable = index.entries.filter(
    (entry) => coversFields(entry.fieldIds, fieldIds) && isUsable(entry, freshness, nowMs),
  );
  return usable.reduce<StoredEntry | null>(
    (newest, entry) => (newest === null || entry.storedAt > newest.storedAt ? entry : newest),
    null,
  );
}

/** True when an entry would have served the request but for a forced refresh or a bypass. */
export function hasEntryRefusedByRefresh(
  index: ScopeIndex,
  fieldIds: readonly string[],
  freshness: Freshness,
  nowMs: number,
): boolean {
  return index.entries.some(
    (entry) => coversFields(entry.fieldIds, fieldIds) && isWithinTtl(entry, freshness, nowMs),
  );
}

export interface EntryDraft {
  readonly id: string;
  readonly fetchStartedAt: number;
  readonly refresh: number | null;
  readonly ttlSeconds: number;
}

/** Writes the table's pieces (one putAll) and returns the entry to index, or null when too large. */
export function writePieces(
  cache: CacheStore,
  codec: Codec,
  keys: ScopeKeys,
  table: Table,
  draft: EntryDraft,
  nowMs: number,
): StoredEntry | null {
  const payload = codec.gzipToBase64(serialiseTable(table));
  const stored = storeTextPieces(cache, (position) => keys.piece(draft.id, position), payload, {
    ttlSeconds: draft.ttlSeconds,
    maxPieces: MAX_PIECES_PER_ENTRY,
  });
  if (!stored) return null;
  return {
    id: draft.id,
    fieldIds: fieldIdsOf(table),
    pieces: stored.pieces,
    characters: stored.characters,
    rows: table.rowCount,
    fetchStartedAt: draft.fetchStartedAt,
    storedAt: nowMs,
    expiresAt: nowMs + draft.ttlSeconds * 1000,
    refresh: draft.refresh,
  };
}

/** The entry's table, or null when any piece is missing or the whole does not decode. */
export function readPieces(
  cache: CacheStore,
  codec: Codec,
  keys: ScopeKeys,
  entry: StoredEntry,
): Table | null {
  const payload = loadTextPieces(cache, (position) => keys.piece(entry.id, position), entry);
  if (payload === null) return null;
  let table: Table | null;
  try {
    table = parseTable(codec.gunzipFromBase64(payload));
  } catch {
    return null;
  }
  if (table === null || table.rowCount !== entry.rows) return null;
  return sameFields(fieldIdsOf(table), entry.fieldIds) ? table : null;
}

function sameFields(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((id, index) => id === right[index]);
}

/**
 * Cache keys. Apps Script caches cannot list their keys and limit them to 250 characters, so every
 * key is a short prefix built from a per-user generation (bumped by `clear()`) and the sha256 of
 * the report scope. The user is implicit: only the user cache is ever used.
 */
import type { Codec, PropertyStore } from '../platform';

/**
 * Everything that decides which rows Jobber returns, except the field set (entries cover field
 * sets): the Jobber account, the object, and whatever else the caller's fetch depends on (date
 * field and range, pushed-down filters, options that change values), as plain JSON data. Two
 * requests with equal scopes must get the same rows. The whole object is hashed into the key, so
 * two accounts never share an entry.
 */
export interface CacheScope {
  readonly accountId: string;
  readonly object: string;
}

/** User property holding this user's cache generation; a new value orphans every older entry. */
export const CACHE_GENERATION_PROPERTY = 'reportCache.generation';

const KEY_VERSION = 'jrc1';

export interface ScopeKeys {
  /** Lists the stored entries of the scope. */
  readonly index: string;
  /** Leases: who is fetching which fields for the scope. */
  readonly flight: string;
  /** How a lease ended: announced without the lock, read by its followers. */
  outcome(leaseId: string): string;
  piece(entryId: string, position: number): string;
}

export function scopeKeys(codec: Codec, generation: string, scope: CacheScope): ScopeKeys {
  const prefix = `${KEY_VERSION}:${generation}:${codec.sha256Hex(canonicalJson(scope))}`;
  return {
    index: `${prefix}:i`,
    flight: `${prefix}:f`,
    outcome: (leaseId) => `${prefix}:o:${leaseId}`,
    piece: (entryId, position) => `${prefix}:${entryId}:${position}`,
  };
}

/** JSON with object keys sorted at every level, so equal scopes give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) sorted[key] = sortKeys(source[key]);
  return sorted;
}

export function readGeneration(properties: PropertyStore): string | null {
  return properties.getProperty(CACHE_GENERATION_PROPERTY);
}

/** Stores and returns a generation that no earlier entry can carry (time-based, so a wipe of the
 * user properties cannot bring an old generation back). */
export function writeNewGeneration(properties: PropertyStore, nowMs: number): string {
  const generation = uniqueId(nowMs);
  properties.setProperty(CACHE_GENERATION_PROPERTY, generation);
  return generation;
}

/** A short id unique across executions: the time plus random characters. */
export function uniqueId(nowMs: number): string {
  return `${Math.floor(nowMs).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The replica's fast tier: the state as base64 gzip in user-cache pieces (as the report cache stores
 * tables), plus a small head written last that says which write is current. The keys carry the
 * user's cache generation, so resetAuth's clear() orphans them with the report entries. A missing
 * piece, a head that does not parse, or a state that does not parse is a miss: the cold tier (or
 * Jobber) answers then. Pieces live the cache's maximum, 6 hours.
 */
import { loadTextPieces, storeTextPieces, uniqueId } from '../cache';
import type { CacheStore, Codec, Logger } from '../platform';
import { emptyState, parseState, type ReplicaState } from './state';

const TTL_SECONDS = 21_600;
/** About 27 MB of base64: far from the cache's 1,000 items, leaving room for the report cache. */
const MAX_PIECES = 300;

export interface HotTierServices {
  readonly userCache: CacheStore;
  readonly codec: Codec;
  readonly logger: Logger;
  readonly now: () => number;
  /** The user's cache generation (cache/: currentGeneration). */
  readonly generation: () => string;
}

/**
 * Which write is current, and the state's progress marks: a sync that changed no record rewrites
 * only the head (one small put), whatever the size of the records.
 */
export interface Head {
  readonly entryId: string;
  readonly pieces: number;
  readonly characters: number;
  readonly marks: Marks;
  /** When the sync that wrote this head began (a chart arriving just after may use it as is). */
  readonly syncStartedAt: number;
  /** SHA-256 of the state without its marks: an unchanged state rewrites only the head. */
  readonly hash: string;
  /** When the cold tier last took this replica (null: never, in this hot copy's knowledge). */
  readonly coldSavedAt: number | null;
}

export type Marks = Pick<ReplicaState, 'watermark' | 'clockSyncedAt' | 'reconciled' | 'verifiedAt'>;

const NO_MARKS: Marks = { watermark: null, clockSyncedAt: null, reconciled: null, verifiedAt: null };

export class HotTier {
  constructor(private readonly services: HotTierServices) {}

  /** The head of the current write, without reading the records. */
  head(key: string): Head | null {
    return parseHead(this.services.userCache.get(this.headKey(key)));
  }

  load(key: string): ReplicaState | null {
    const { userCache, codec } = this.services;
    const head = this.head(key);
    if (!head) return null;
    const text = loadTextPieces(userCache, (position) => this.pieceKey(key, head.entryId, position), head);
    if (text === null) return null;
    try {
      const state = parseState(JSON.parse(codec.gunzipFromBase64(text)) as unknown);
      return state ? { ...state, ...head.marks } : null;
    } catch {
      return null;
    }
  }

  /**
   * Stores the state; false when it is too large for the cache (the cold tier still keeps it). When
   * only the marks moved (a sync that found no change) only the head is written.
   */
  save(key: string, state: ReplicaState, write: Pick<Head, 'syncStartedAt' | 'coldSavedAt'>): boolean {
    const { userCache, codec, logger, now } = this.services;
    try {
      const body = JSON.stringify({ ...state, ...NO_MARKS });
      const hash = codec.sha256Hex(body);
      const previous = this.head(key);
      const marks = marksOf(state);
      if (previous && previous.hash === hash) {
        this.putHead(key, { ...previous, ...write, marks });
        return true;
      }
      const entryId = uniqueId(now());
      const text = codec.gzipToBase64(body);
      const stored = storeTextPieces(userCache, (position) => this.pieceKey(key, entryId, position), text, {
        ttlSeconds: TTL_SECONDS,
        maxPieces: MAX_PIECES,
      });
      if (!stored) {
        logger.log('warn', 'replica_hot_too_large', { characters: text.length });
        userCache.remove(this.headKey(key));
        return false;
      }
      this.putHead(key, { entryId, ...stored, marks, hash, ...write });
      return true;
    } catch (error) {
      logger.log('warn', 'replica_hot_failed', {
        problem: error instanceof Error ? error.name : typeof error,
      });
      return false;
    }
  }

  private putHead(key: string, head: Head): void {
    this.services.userCache.put(this.headKey(key), JSON.stringify(head), TTL_SECONDS);
  }

  private headKey(key: string): string {
    return `jrr1:${this.services.generation()}:${key}:h`;
  }

  private pieceKey(key: string, entryId: string, position: number): string {
    return `jrr1:${this.services.generation()}:${key}:${entryId}:${position}`;
  }
}

function marksOf(state: ReplicaState): Marks {
  const { watermark, clockSyncedAt, reconciled, verifiedAt } = state;
  return { watermark, clockSyncedAt, reconciled, verifiedAt };
}

function parseHead(text: string | null): Head | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<Head>;
    const { entryId, pieces, characters, syncStartedAt, hash, coldSavedAt } = value;
    if (typeof entryId !== 'string' || !Number.isInteger(pieces) || !Number.isInteger(characters))
      return null;
    if (typeof syncStartedAt !== 'number' || typeof hash !== 'string') return null;
    if (coldSavedAt !== null && typeof coldSavedAt !== 'number') return null;
    // The marks are checked by parsing them as part of a state.
    const marks = parseState({ ...emptyState('', '', {}), ...(value.marks ?? {}) });
    if (!marks) return null;
    return {
      entryId,
      pieces: pieces as number,
      characters: characters as number,
      marks: marksOf(marks),
      syncStartedAt,
      hash,
      coldSavedAt: coldSavedAt ?? null,
    };
  } catch {
    return null;
  }
}

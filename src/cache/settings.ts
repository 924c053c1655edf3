import type { Platform } from '../platform';
import { DEFAULT_CACHE_TTL_SECONDS, MAX_CACHE_TTL_SECONDS, MIN_CACHE_TTL_SECONDS } from './lifetimes';
import type { Freshness } from './entry-store';
import type { FlightRequest } from './flight';
import type { ScopeKeys } from './keys';

/** The Apps Script services the cache uses, all from the Platform. */
export type CacheServices = Pick<
  Platform,
  'userCache' | 'userProperties' | 'userLock' | 'codec' | 'clock' | 'logger'
>;

export interface CacheSettings {
  /** How long a leader waits, after opening its lease or after a chart joins it, before it fetches. */
  readonly gatherMs: number;
  /** The longest a leader gathers, however many charts keep joining. */
  readonly gatherMaxMs: number;
  /** A follower's first pause between polls; pauses grow by half up to `pollMaxMs`. */
  readonly pollMinMs: number;
  readonly pollMaxMs: number;
  /** How long a lease stays valid after gathering: Apps Script's 6-minute execution limit, so a
   * leader killed by the limit is presumed dead once no execution could still be running. */
  readonly leaseMs: number;
  /** The longest wait for the user lock around one short read-modify-write. */
  readonly lockWaitMs: number;
  /** How long a follower waits when the caller gives no deadline. */
  readonly defaultWaitMs: number;
}

export const DEFAULT_CACHE_SETTINGS: CacheSettings = {
  gatherMs: 1_000,
  gatherMaxMs: 5_000,
  pollMinMs: 250,
  pollMaxMs: 2_000,
  leaseMs: 360_000,
  lockWaitMs: 10_000,
  defaultWaitMs: 300_000,
};

/**
 * A TTL in whole seconds within what Apps Script keeps: the default when missing or not a number,
 * 0 (caching off) for zero or less.
 */
export function clampTtlSeconds(seconds: number | undefined): number {
  if (seconds === undefined || !Number.isFinite(seconds)) return DEFAULT_CACHE_TTL_SECONDS;
  if (seconds <= 0) return 0;
  return Math.min(MAX_CACHE_TTL_SECONDS, Math.max(MIN_CACHE_TTL_SECONDS, Math.floor(seconds)));
}

/** Looker's `scriptParams.lastRefresh` (ms epoch, sent as a string) as a number, or null. */
export function parseLastRefresh(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const parsed = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** Everything one getOrFetch call needs, fixed when it starts. */
export interface CacheCall {
  readonly services: CacheServices;
  readonly settings: CacheSettings;
  readonly keys: ScopeKeys;
  readonly object: string;
  readonly fieldIds: readonly string[];
  readonly ttlSeconds: number;
  readonly freshness: Freshness;
  readonly request: FlightRequest;
  /** A follower stops waiting at this time (ms epoch). */
  readonly deadline: number;
  /** A refresh or bypass turned away an entry that would otherwise have served the call. */
  readonly forced: boolean;
}

/**
 * Who syncs a replica now (docs/replica.md, "Coordination"). Looker Studio runs one getData per
 * chart, at once: the first becomes the leader of a sync and keeps a short gathering window open,
 * so the charts arriving with it add what they need (columns, windows) to the same sync; the others
 * follow, and answer from the hot tier when it ends. The lease lives in the user cache and is only
 * read and written under the user lock, never held while Jobber or Drive is called.
 */
import type { CacheStore } from '../platform';
import type { Interval } from './coverage';
import type { Need } from './plan';

/** How long the leader waits for sibling charts before its sync starts. */
export const GATHER_MS = 1_000;
/**
 * A lease ends by itself this long after its leader last showed life (it renews the lease as its
 * reads progress), so the charts after a leader that Apps Script killed take over within half a minute (a read waits at most about 20 s for the bucket between pages).
 */
export const LEASE_MS = 30_000;
/** The leader renews its lease at most this often. */
export const RENEW_EVERY_MS = 5_000;

export interface Lease {
  readonly id: string;
  readonly state: 'gathering' | 'syncing';
  readonly gatherUntil: number;
  readonly expiresAt: number;
  readonly needs: readonly Need[];
}

export function readLease(cache: CacheStore, key: string, nowMs: number): Lease | null {
  const lease = parseLease(cache.get(key));
  return lease && lease.expiresAt > nowMs ? lease : null;
}

export function writeLease(cache: CacheStore, key: string, lease: Lease): void {
  cache.put(key, JSON.stringify(lease), Math.ceil(LEASE_MS / 1000) + 60);
}

export function openLease(id: string, nowMs: number, need: Need): Lease {
  return {
    id,
    state: 'gathering',
    gatherUntil: nowMs + GATHER_MS,
    expiresAt: nowMs + LEASE_MS,
    needs: [need],
  };
}

export function renewedLease(lease: Lease, nowMs: number): Lease {
  return { ...lease, expiresAt: nowMs + LEASE_MS };
}

export function joinLease(lease: Lease, need: Need): Lease {
  return { ...lease, needs: [...lease.needs, need] };
}

function parseLease(text: string | null): Lease | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<Lease>;
    const { id, state, gatherUntil, expiresAt, needs } = value;
    if (typeof id !== 'string' || (state !== 'gathering' && state !== 'syncing')) return null;
    if (typeof gatherUntil !== 'number' || typeof expiresAt !== 'number' || !Array.isArray(needs))
      return null;
    if (!needs.every(isNeed)) return null;
    return { id, state, gatherUntil, expiresAt, needs };
  } catch {
    return null;
  }
}

function isNeed(value: unknown): value is Need {
  if (typeof value !== 'object' || value === null) return false;
  const { selection, coverage } = value as { selection?: unknown; coverage?: unknown };
  if (typeof selection !== 'object' || selection === null) return false;
  const paths = Object.values(selection as Record<string, unknown>);
  if (!paths.every((list) => Array.isArray(list) && list.every((path) => typeof path === 'string')))
    return false;
  if (typeof coverage !== 'object' || coverage === null) return false;
  const { key, interval } = coverage as { key?: unknown; interval?: Partial<Interval> };
  return typeof key === 'string' && typeof interval?.start === 'number' && typeof interval.end === 'number';
}

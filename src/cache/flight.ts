/**
 * Single flight across concurrent executions of one user. Leases live in one small cache entry per
 * scope (the "flight"), changed only under the user lock and only for an instant; the fetch itself
 * runs without the lock. A lease says who fetches which fields for the scope and until when:
 *
 * - `gathering`: the leader waits; concurrent requests add their fields to it, and each addition
 *   keeps the window open a little longer (up to a cap), so a burst of charts is gathered whole.
 * - `fetching`: the field set is fixed; requests it covers wait for its outcome.
 *
 * Completion is announced in a per-lease outcome entry, written without the lock (its key is
 * unique), so followers poll one small key and a leader never needs the lock to let them go.
 */
import type { CacheStore } from '../platform';
import { isJsonObject, parseJsonObject } from '../json';
import {
  answersRefresh,
  isFieldIds,
  isInstant,
  isStoredEntry,
  listOf,
  type StoredEntry,
} from './entry-store';
import { coversFields, unionFields } from './table';

export interface Lease {
  readonly id: string;
  readonly fieldIds: readonly string[];
  /** The largest `lastRefresh` among the requests this lease serves. */
  readonly refresh: number | null;
  readonly state: 'gathering' | 'fetching';
  /** The leader fetches once this time has passed with nobody joining. */
  readonly gatherUntil: number;
  /** Gathering never lasts past this, however many join. */
  readonly gatherCap: number;
  /** Set when gathering ends; an explicit bypass only follows fetches begun after it arrived. */
  readonly fetchStartedAt: number | null;
  /** After this the leader is presumed dead (it cannot outlive an Apps Script execution). */
  readonly expiresAt: number;
}

export interface Flight {
  readonly leases: readonly Lease[];
}

export type Outcome =
  | { readonly kind: 'stored'; readonly entry: StoredEntry }
  | { readonly kind: 'unstored' } // served, but too large to cache: followers fetch for themselves
  | { readonly kind: 'failed' }; // the leader's fetch threw: a follower takes over

export interface FlightRequest {
  readonly fieldIds: readonly string[];
  readonly lastRefresh: number | null;
  /** Explicit bypass: only a lease whose fetch has not begun before this time may serve it. */
  readonly notBefore: number | null;
}

export interface LeaseTiming {
  /** Quiet time after the lease opens or a request joins, before the leader fetches. */
  readonly gatherMs: number;
  /** The longest gathering, from the lease's opening. */
  readonly gatherMaxMs: number;
  readonly leaseMs: number;
}

export interface Arbitration {
  readonly role: 'follow' | 'lead';
  readonly lease: Lease;
  /** The flight to write back, or null when it is unchanged. */
  readonly flight: Flight | null;
}

const FLIGHT_VERSION = 1;

/**
 * Decides the role of a request that found no usable entry: follow a lease that serves it, join a
 * lease still gathering, or lead a new one. Expired leases and leases whose leader failed are
 * dropped. A lease that already has another outcome is still followed: its follower reads the
 * outcome on its first poll.
 */
export function arbitrate(
  flight: Flight,
  outcomes: ReadonlyMap<string, Outcome>,
  request: FlightRequest,
  newLease: { readonly id: string; readonly nowMs: number; readonly timing: LeaseTiming },
): Arbitration {
  const live = flight.leases.filter(
    (lease) => lease.expiresAt > newLease.nowMs && outcomes.get(lease.id)?.kind !== 'failed',
  );
  const serving = live.find((lease) => canServe(lease, request));
  if (serving) return { role: 'follow', lease: serving, flight: pruned(flight, live) };
  const gathering = live.find((lease) => lease.state === 'gathering' && !outcomes.has(lease.id));
  if (gathering) {
    const joined = joinLease(gathering, request, newLease.nowMs + newLease.timing.gatherMs);
    return { role: 'follow', lease: joined, flight: { leases: replaceLease(live, joined) } };
  }
  const lease = openLease(request, newLease.id, newLease.nowMs, newLease.timing);
  return { role: 'lead', lease, flight: { leases: [...live, lease] } };
}

function canServe(lease: Lease, request: FlightRequest): boolean {
  if (!coversFields(lease.fieldIds, request.fieldIds) || !answersRefresh(lease, request.lastRefresh))
    return false;
  if (request.notBefore === null || lease.state === 'gathering') return true;
  return lease.fetchStartedAt !== null && lease.fetchStartedAt > request.notBefore;
}

function pruned(flight: Flight, live: readonly Lease[]): Flight | null {
  return live.length === flight.leases.length ? null : { leases: live };
}

function joinLease(lease: Lease, request: FlightRequest, quietUntil: number): Lease {
  return {
    ...lease,
    gatherUntil: Math.min(lease.gatherCap, Math.max(lease.gatherUntil, quietUntil)),
    fieldIds: unionFields(lease.fieldIds, request.fieldIds),
    refresh: maxRefresh(lease.refresh, request.lastRefresh),
  };
}

function maxRefresh(left: number | null, right: number | null): number | null {
  if (left === null) return right;
  if (right === null) return left;
  return Math.max(left, right);
}

function openLease(request: FlightRequest, id: string, nowMs: number, timing: LeaseTiming): Lease {
  return {
    id,
    fieldIds: [...request.fieldIds],
    refresh: request.lastRefresh,
    state: 'gathering',
    gatherUntil: nowMs + timing.gatherMs,
    gatherCap: nowMs + timing.gatherMaxMs,
    fetchStartedAt: null,
    expiresAt: nowMs + timing.gatherMaxMs + timing.leaseMs,
  };
}

function replaceLease(leases: readonly Lease[], replacement: Lease): Lease[] {
  return leases.map((lease) => (lease.id === replacement.id ? replacement : lease));
}

/**
 * Ends the gathering of `leaseId` when its quiet time has passed: its field set is fixed from now
 * on. A lease still gathering (someone joined meanwhile) is returned unchanged.
 */
export function closeGathering(flight: Flight, leaseId: string, nowMs: number): Lease | null {
  const lease = flight.leases.find((candidate) => candidate.id === leaseId);
  if (!lease) return null;
  if (lease.state === 'gathering' && nowMs < lease.gatherUntil) return lease;
  return { ...lease, state: 'fetching', fetchStartedAt: nowMs };
}

export function withLease(flight: Flight, lease: Lease): Flight {
  const others = flight.leases.filter((candidate) => candidate.id !== lease.id);
  return { leases: [...others, lease] };
}

export function withoutLease(flight: Flight, leaseId: string): Flight {
  return { leases: flight.leases.filter((lease) => lease.id !== leaseId) };
}

/** The scope's leases as stored; leases that do not parse as this version wrote them are none (a miss). */
export function readFlight(cache: CacheStore, key: string): Flight {
  return parseFlight(cache.get(key));
}

/** The leases in a flight entry's text (read with getAll), none when it is missing or does not parse. */
export function parseFlight(text: unknown): Flight {
  const parsed = parseJsonObject(text);
  if (parsed?.v !== FLIGHT_VERSION) return { leases: [] };
  return { leases: listOf(parsed.leases, isLease) ?? [] };
}

function isLease(value: unknown): value is Lease {
  if (!isJsonObject(value)) return false;
  const { id, fieldIds, refresh, state, gatherUntil, gatherCap, fetchStartedAt, expiresAt } = value;
  return (
    typeof id === 'string' &&
    id !== '' &&
    isFieldIds(fieldIds) &&
    (refresh === null || isInstant(refresh)) &&
    (state === 'gathering' || state === 'fetching') &&
    [gatherUntil, gatherCap, expiresAt].every(isInstant) &&
    (fetchStartedAt === null || isInstant(fetchStartedAt))
  );
}

export function writeFlight(cache: CacheStore, key: string, flight: Flight, ttlSeconds: number): void {
  if (flight.leases.length === 0) cache.remove(key);
  else cache.put(key, JSON.stringify({ v: FLIGHT_VERSION, leases: flight.leases }), ttlSeconds);
}

export function readOutcomes(
  cache: CacheStore,
  leases: readonly Lease[],
  outcomeKey: (leaseId: string) => string,
): Map<string, Outcome> {
  const outcomes = new Map<string, Outcome>();
  if (leases.length === 0) return outcomes;
  const found = cache.getAll(leases.map((lease) => outcomeKey(lease.id))) as Record<string, unknown>;
  for (const lease of leases) {
    const outcome = parseOutcome(found[outcomeKey(lease.id)]);
    if (outcome) outcomes.set(lease.id, outcome);
  }
  return outcomes;
}

/**
 * How a lease ended, or null while nothing is stored. An outcome that does not parse as this version
 * wrote it counts as `failed`: its lease can serve nobody, so a follower takes over.
 */
export function parseOutcome(text: unknown): Outcome | null {
  if (typeof text !== 'string') return null;
  const { kind, entry } = parseJsonObject(text) ?? {};
  if (kind === 'stored' && isStoredEntry(entry)) return { kind, entry };
  return kind === 'unstored' ? { kind } : { kind: 'failed' };
}

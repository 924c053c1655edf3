/**
 * What happens after the lock-free read missed: arbitrate under the user lock (for an instant),
 * then lead (gather, fetch, store, announce) or follow (poll the lease's outcome with short sleeps).
 * The user lock is never held while fetching: the OAuth2 library and token refresh need it too.
 */
import type { Table } from '../catalog';
import { describeError, redact, waitedForSharedFetch } from '../errors';
import {
  findUsableEntry,
  readIndex,
  readPieces,
  withEntry,
  writeIndex,
  writePieces,
  type EntryDraft,
  type ScopeIndex,
  type StoredEntry,
} from './entry-store';
import {
  arbitrate,
  closeGathering,
  parseFlight,
  parseOutcome,
  readFlight,
  readOutcomes,
  withLease,
  withoutLease,
  writeFlight,
  type Arbitration,
  type Lease,
  type Outcome,
} from './flight';
import { uniqueId } from './keys';
import type { CacheCall } from './settings';
import { assertTable, coversFields, fieldIdsOf, projectTable } from './table';
import { LOCK_BUSY, withUserLock } from './user-lock';

/**
 * hit: from an entry; shared: from another execution's fetch, after waiting for it; miss: this
 * execution fetched; bypass: this execution fetched because it was not allowed to use what was
 * cached (a newer Looker refresh than the entries, `bypass`, or a TTL of 0).
 */
export type CacheSource = 'hit' | 'miss' | 'shared' | 'bypass';

export interface CacheResult {
  /** Exactly the requested fields, in the requested order. */
  readonly table: Table;
  readonly source: CacheSource;
}

/** Fetches the given fields (possibly more than the caller asked, when charts share the fetch). */
export type FetchTable = (fieldIds: readonly string[]) => Table;

type Decision = Arbitration | { readonly role: 'entry'; readonly entry: StoredEntry };
type FollowResult = Table | 'retry' | 'alone';

export function settle(call: CacheCall, fetch: FetchTable): CacheResult {
  const unusable = new Set<string>();
  let waited = false;
  for (;;) {
    const decision = withUserLock(call.services.userLock, call.settings.lockWaitMs, () =>
      arbitrateLocked(call, unusable),
    );
    if (decision === LOCK_BUSY) {
      call.services.logger.log('warn', 'cache_lock_busy', { object: call.object });
      return fetchAlone(call, fetch);
    }
    if (decision.role === 'lead') return lead(call, decision.lease, fetch);
    if (decision.role === 'entry') {
      const table = readPieces(call.services.userCache, call.services.codec, call.keys, decision.entry);
      if (table) return finish(call, waited ? 'shared' : 'hit', table);
      unusable.add(decision.entry.id);
      continue;
    }
    const followed = follow(call, decision.lease);
    waited = true;
    if (followed === 'alone') return fetchAlone(call, fetch);
    if (followed !== 'retry') return finish(call, 'shared', followed);
  }
}

function arbitrateLocked(call: CacheCall, unusable: ReadonlySet<string>): Decision {
  const { userCache, clock } = call.services;
  const nowMs = clock.now();
  const index = readIndex(userCache, call.keys);
  const usable = { entries: index.entries.filter((entry) => !unusable.has(entry.id)) };
  const entry = findUsableEntry(usable, call.fieldIds, call.freshness, nowMs);
  if (entry) return { role: 'entry', entry };
  const flight = readFlight(userCache, call.keys.flight);
  const outcomes = readOutcomes(userCache, flight.leases, call.keys.outcome);
  const { gatherMs, gatherMaxMs, leaseMs } = call.settings;
  const timing = { gatherMs, gatherMaxMs, leaseMs };
  const decision = arbitrate(flight, outcomes, call.request, { id: uniqueId(nowMs), nowMs, timing });
  if (decision.flight) writeFlight(userCache, call.keys.flight, decision.flight, flightTtlSeconds(call));
  return decision;
}

function flightTtlSeconds(call: CacheCall): number {
  return Math.ceil((call.settings.gatherMaxMs + call.settings.leaseMs) / 1000) + 60;
}

function lead(call: CacheCall, opened: Lease, fetch: FetchTable): CacheResult {
  const { clock } = call.services;
  const lease = gather(call, opened);
  let table: Table;
  try {
    table = fetchChecked(fetch, lease.fieldIds);
  } catch (error) {
    abandonLease(call, lease.id);
    throw error;
  }
  const draft = { id: lease.id, fetchStartedAt: lease.fetchStartedAt ?? clock.now(), refresh: lease.refresh };
  const entry = store(call, table, draft, lease.id);
  announce(call, lease.id, entry ? { kind: 'stored', entry } : { kind: 'unstored' });
  return finish(call, call.forced ? 'bypass' : 'miss', table);
}

/** Sleeps until the lease has been quiet for its gather time, then fixes its field set. */
function gather(call: CacheCall, opened: Lease): Lease {
  const { clock } = call.services;
  let lease = opened;
  while (lease.state === 'gathering') {
    const quietLeftMs = lease.gatherUntil - clock.now();
    if (quietLeftMs > 0) clock.sleep(quietLeftMs);
    lease = closeLease(call, lease);
  }
  return lease;
}

/** Fixes the lease's field set (what the siblings asked for until now) unless one just joined. */
function closeLease(call: CacheCall, gathering: Lease): Lease {
  const { userCache, clock, userLock } = call.services;
  const fetching = (lease: Lease): Lease => ({ ...lease, state: 'fetching', fetchStartedAt: clock.now() });
  const closed = withUserLock(userLock, call.settings.lockWaitMs, () => {
    const flight = readFlight(userCache, call.keys.flight);
    // Gone (evicted): put it back as it was, fetching, so later charts can still follow it.
    const lease = closeGathering(flight, gathering.id, clock.now()) ?? fetching(gathering);
    if (lease.state === 'fetching')
      writeFlight(userCache, call.keys.flight, withLease(flight, lease), flightTtlSeconds(call));
    return lease;
  });
  // Lock busy: fetch what we know; siblings that joined meanwhile take over after its outcome if
  // it does not cover them.
  return closed === LOCK_BUSY ? fetching(gathering) : closed;
}

export function fetchChecked(fetch: FetchTable, fieldIds: readonly string[]): Table {
  const table = fetch(fieldIds);
  assertTable(table);
  if (!coversFields(fieldIdsOf(table), fieldIds))
    throw new Error('The report fetch returned a table without every field it was asked for.');
  return table;
}

/**
 * Writes the pieces, then (under the lock) indexes the entry and drops the lease. Never throws: the
 * table is already fetched, and a cache that cannot store it must not fail the report.
 */
function store(
  call: CacheCall,
  table: Table,
  draft: Omit<EntryDraft, 'ttlSeconds'>,
  leaseId: string | null,
): StoredEntry | null {
  const { userCache, codec, clock, logger } = call.services;
  try {
    const fullDraft = { ...draft, ttlSeconds: call.ttlSeconds };
    const entry = writePieces(userCache, codec, call.keys, table, fullDraft, clock.now());
    if (!entry) logger.log('warn', 'cache_entry_too_large', { object: call.object, rows: table.rowCount });
    publish(call, entry, leaseId);
    return entry;
  } catch (error) {
    logger.log('warn', 'cache_store_failed', { object: call.object, error: redact(describeError(error)) });
    return null;
  }
}

function publish(call: CacheCall, entry: StoredEntry | null, leaseId: string | null): void {
  const indexed = withUserLock(call.services.userLock, call.settings.lockWaitMs, () => {
    if (entry) addToIndex(call, entry);
    if (leaseId) dropLease(call, leaseId);
  });
  // A lost update of the index only costs a later miss; the lease then ends by its outcome.
  if (indexed === LOCK_BUSY && entry) addToIndex(call, entry);
}

function addToIndex(call: CacheCall, entry: StoredEntry): void {
  const { userCache, clock } = call.services;
  const index: ScopeIndex = readIndex(userCache, call.keys);
  writeIndex(userCache, call.keys, withEntry(index, entry, clock.now()));
}

function dropLease(call: CacheCall, leaseId: string): void {
  const flight = readFlight(call.services.userCache, call.keys.flight);
  writeFlight(
    call.services.userCache,
    call.keys.flight,
    withoutLease(flight, leaseId),
    flightTtlSeconds(call),
  );
}

/** After a failed fetch: the lease goes, and its followers learn at once that one of them leads. */
function abandonLease(call: CacheCall, leaseId: string): void {
  try {
    withUserLock(call.services.userLock, call.settings.lockWaitMs, () => dropLease(call, leaseId));
  } catch (error) {
    call.services.logger.log('warn', 'cache_lease_release_failed', { error: redact(describeError(error)) });
  }
  announce(call, leaseId, { kind: 'failed' });
}

/** The outcome key is unique to the lease, so it is written without the lock. */
function announce(call: CacheCall, leaseId: string, outcome: Outcome): void {
  try {
    call.services.userCache.put(call.keys.outcome(leaseId), JSON.stringify(outcome), flightTtlSeconds(call));
  } catch (error) {
    // Followers then wait for the lease to expire; nothing else is lost.
    call.services.logger.log('warn', 'cache_announce_failed', { error: redact(describeError(error)) });
  }
}

/**
 * Polls the lease's outcome with growing pauses until it ends, expires, or the deadline passes. A
 * lease that is gone from the flight without an outcome counts as no leader at all: the cache
 * evicted them (it drops the items nearest expiry when a user's cache is full, and leases and
 * outcomes expire before the pieces), or the leader dropped its lease and its outcome is on the
 * way. Either way the caller re-checks at once (an entry, another lease) and else takes over,
 * instead of waiting for an outcome that may never come.
 */
function follow(call: CacheCall, lease: Lease): FollowResult {
  const { clock, userCache, codec } = call.services;
  let pauseMs = call.settings.pollMinMs;
  for (;;) {
    const nowMs = clock.now();
    if (nowMs >= call.deadline) throw waitedForSharedFetch(call.object);
    if (nowMs >= lease.expiresAt) return 'retry';
    clock.sleep(Math.max(1, Math.min(pauseMs, call.deadline - nowMs, lease.expiresAt - nowMs)));
    pauseMs = Math.min(call.settings.pollMaxMs, Math.ceil(pauseMs * 1.5));
    const { outcome, leaseGone } = pollLease(call, lease.id);
    if (outcome === null) {
      if (leaseGone) return 'retry';
      continue;
    }
    if (outcome.kind === 'unstored') return 'alone';
    if (outcome.kind === 'failed' || !coversFields(outcome.entry.fieldIds, call.fieldIds)) return 'retry';
    return readPieces(userCache, codec, call.keys, outcome.entry) ?? 'retry';
  }
}

/** The lease's outcome, and whether the lease is gone from the flight: one read of both keys. */
function pollLease(call: CacheCall, leaseId: string): { outcome: Outcome | null; leaseGone: boolean } {
  const outcomeKey = call.keys.outcome(leaseId);
  const found = call.services.userCache.getAll([outcomeKey, call.keys.flight]) as Record<string, unknown>;
  const leases = parseFlight(found[call.keys.flight]).leases;
  return {
    outcome: parseOutcome(found[outcomeKey]),
    leaseGone: !leases.some((candidate) => candidate.id === leaseId),
  };
}

/** Without single flight: when the lock stays busy or the shared result was too large to cache. */
function fetchAlone(call: CacheCall, fetch: FetchTable): CacheResult {
  const fetchStartedAt = call.services.clock.now();
  const table = fetchChecked(fetch, call.fieldIds);
  const draft = { id: uniqueId(fetchStartedAt), fetchStartedAt, refresh: call.request.lastRefresh };
  store(call, table, draft, null);
  return finish(call, call.forced ? 'bypass' : 'miss', table);
}

export function finish(call: CacheCall, source: CacheSource, table: Table): CacheResult {
  call.services.logger.log('info', 'report_cache', {
    source,
    object: call.object,
    fields: call.fieldIds.length,
    rows: table.rowCount,
  });
  return { table: projectTable(table, call.fieldIds), source };
}

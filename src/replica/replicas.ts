/**
 * The replica's public entry: answer a report from the user's private copy after bringing it up to
 * date (docs/replica.md). One sync serves the charts that arrive together (lease.ts); the state is
 * kept in the hot tier after every sync and in the cold tier when due; a report whose data is not
 * complete yet gets a progress error, never partial rows.
 */
import { LOCK_BUSY, uniqueId, withUserLock } from '../cache';
import type { CatalogObject, DateOption, FieldDef, RowContext, Table } from '../catalog';
import { copyInProgress, waitedForSharedFetch } from '../errors';
import type { Clock, Codec, Lock, Logger } from '../platform';
import { answerTable, type AnswerWindow } from './answer';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from './changes';
import type { ColdTier } from './cold-tier';
import type { HotTier } from './hot-tier';
import {
  joinLease,
  openLease,
  readLease,
  RENEW_EVERY_MS,
  renewedLease,
  writeLease,
  type Lease,
} from './lease';
import { countedRecords, replicatedObject, type Need, type ReplicatedObject } from './plan';
import type { JobberPort, RecordRead } from './port';
import { emptyState, type ReplicaState } from './state';
import { preparedFor, syncReplica, waitingFor } from './sync';
import { CopyUnavailable } from './unavailable';

export { CopyUnavailable };

/** A sync that began at most this long before a chart arrived answers it (the same dashboard view). */
export const FRESH_MS = 5_000;
const LOCK_WAIT_MS = 10_000;
const POLL_MS = [250, 500, 1_000, 2_000];

export interface ReplicaServices {
  readonly hot: HotTier;
  readonly cold: ColdTier;
  readonly userLock: Lock;
  readonly userCache: Parameters<typeof readLease>[0];
  readonly codec: Codec;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Settings for every sync (tests shorten them); a query may override some. */
  readonly settings?: Partial<SyncSettings>;
}

export interface ReplicaQuery {
  readonly object: CatalogObject;
  readonly accountId: string;
  readonly fields: readonly FieldDef[];
  /** The date option the report's range applies to; undefined for all time. */
  readonly dateOption: DateOption | undefined;
  readonly window: AnswerWindow | undefined;
  readonly lastRefresh: number | null;
  readonly rowContext: RowContext;
  readonly port: JobberPort;
  /** Epoch ms after which a chart waiting for another one's sync gives up. */
  readonly deadline: number;
  /** The data source's own settings (its reconciliation interval). */
  readonly settings?: Partial<SyncSettings>;
}

type Decision =
  | { readonly role: 'lead'; readonly lease: Lease | null }
  | { readonly role: 'follow'; readonly lease: Lease }
  | { readonly role: 'fresh' };

export function answerFromReplica(services: ReplicaServices, query: ReplicaQuery): Table {
  const { object } = query;
  if (!object.replication) throw new Error(`${object.id} has no replication`);
  const replicated = replicatedObject(object, object.replication);
  const coverage = replicated.coverageFor(query.dateOption, query.window?.range);
  const need: Need = { selection: replicated.selectionFor(query.fields, coverage.key), coverage };
  const run: Run = {
    services,
    query,
    replicated,
    need,
    key: replicaKey(services.codec, query.accountId, object.id),
    arrival: services.clock.now(),
  };
  let freshAllowed = true;
  for (;;) {
    const decision = withUserLock(services.userLock, LOCK_WAIT_MS, () => arbitrate(run, freshAllowed));
    if (decision === LOCK_BUSY) return lead(run, null);
    if (decision.role === 'lead') return lead(run, decision.lease);
    if (decision.role === 'fresh') {
      // A sync that just ended answers only what it took on: another window or column syncs.
      const state = services.hot.load(run.key);
      if (state && preparedFor(state, run.need, run.arrival)) return answer(run, state);
      freshAllowed = false;
      continue;
    }
    follow(run, decision.lease);
  }
}

/**
 * The replica's storage key: the Jobber account and the object (the Google user is implicit). It
 * starts with the account's own hash (accountPrefix), so one account's copies can be told apart.
 */
export function replicaKey(codec: Codec, accountId: string, objectId: string): string {
  return `${accountPrefix(codec, accountId)}-${codec.sha256Hex(`${accountId}\u0000${objectId}`).slice(0, 20)}`;
}

export function accountPrefix(codec: Codec, accountId: string): string {
  return codec.sha256Hex(accountId).slice(0, 12);
}

interface Run {
  readonly services: ReplicaServices;
  readonly query: ReplicaQuery;
  readonly replicated: ReplicatedObject;
  readonly need: Need;
  readonly key: string;
  readonly arrival: number;
}

function leaseKey(run: Run): string {
  return `jrr1:lease:${run.key}`;
}

function arbitrate(run: Run, freshAllowed: boolean): Decision {
  const { userCache, clock, hot } = run.services;
  const now = clock.now();
  const lease = readLease(userCache, leaseKey(run), now);
  if (lease) {
    if (lease.state === 'gathering' && lease.gatherUntil > now)
      writeLease(userCache, leaseKey(run), joinLease(lease, run.need));
    return { role: 'follow', lease };
  }
  const syncStartedAt = hot.head(run.key)?.syncStartedAt;
  if (freshAllowed && syncStartedAt !== undefined && syncStartedAt >= run.arrival - FRESH_MS)
    return { role: 'fresh' };
  const opened = openLease(uniqueId(now), now, run.need);
  writeLease(userCache, leaseKey(run), opened);
  return { role: 'lead', lease: opened };
}

/** Waits for the leader's sync to end (or its lease to expire), then the caller arbitrates again. */
function follow(run: Run, lease: Lease): void {
  const { clock, userCache } = run.services;
  for (let poll = 0; ; poll++) {
    const now = clock.now();
    if (now >= run.query.deadline) throw waitedForSharedFetch(run.query.object.id);
    const current = readLease(userCache, leaseKey(run), now);
    if (!current || current.id !== lease.id) return;
    clock.sleep(
      Math.min(POLL_MS[Math.min(poll, POLL_MS.length - 1)] ?? 2_000, Math.max(1, run.query.deadline - now)),
    );
  }
}

function lead(run: Run, opened: Lease | null): Table {
  const { services } = run;
  const lease = opened ? gather(run, opened) : null;
  const needs = lease?.needs ?? [run.need];
  const syncStartedAt = services.clock.now();
  const loaded = load(run);
  const saver = checkpoints(run, loaded, syncStartedAt);
  const heartbeat = lease ? renewing(run, lease) : () => undefined;
  try {
    const synced = syncReplica(
      loaded.state,
      { needs, lastRefresh: run.query.lastRefresh },
      syncContext(run, heartbeat),
      (state) => {
        heartbeat();
        saver.checkpoint(state);
      },
    );
    const kept = saver.finish(synced);
    if (!kept && waitingFor(synced, run.need)) throw new CopyUnavailable('not_kept');
    return answer(run, synced);
  } finally {
    if (lease) release(run, lease);
  }
}

/** Sleeps through the gathering window, then fixes the lease's needs (under the lock). */
function gather(run: Run, opened: Lease): Lease {
  const { clock, userLock, userCache } = run.services;
  const wait = opened.gatherUntil - clock.now();
  if (wait > 0) clock.sleep(wait);
  const closed = withUserLock(userLock, LOCK_WAIT_MS, () => {
    const current = readLease(userCache, leaseKey(run), clock.now());
    const lease: Lease = { ...(current && current.id === opened.id ? current : opened), state: 'syncing' };
    writeLease(userCache, leaseKey(run), lease);
    return lease;
  });
  return closed === LOCK_BUSY ? { ...opened, state: 'syncing' } : closed;
}

/** Renews the lease as the sync progresses (at most every RENEW_EVERY_MS), only while it is ours. */
function renewing(run: Run, lease: Lease): () => void {
  const { clock, userLock, userCache } = run.services;
  let renewedAt = clock.now();
  return () => {
    const now = clock.now();
    if (now - renewedAt < RENEW_EVERY_MS) return;
    renewedAt = now;
    withUserLock(userLock, LOCK_WAIT_MS, () => {
      const current = readLease(userCache, leaseKey(run), now);
      if (current?.id === lease.id) writeLease(userCache, leaseKey(run), renewedLease(current, now));
    });
  };
}

function release(run: Run, lease: Lease): void {
  const { userLock, userCache, clock, logger } = run.services;
  const released = withUserLock(userLock, LOCK_WAIT_MS, () => {
    const current = readLease(userCache, leaseKey(run), clock.now());
    if (current?.id === lease.id) userCache.remove(leaseKey(run));
  });
  if (released === LOCK_BUSY) logger.log('warn', 'replica_lease_release_busy', {});
}

interface Loaded {
  readonly state: ReplicaState;
  readonly from: 'hot' | 'cold' | 'new';
}

function load(run: Run): Loaded {
  const { hot, cold, logger } = run.services;
  const { accountId, object } = run.query;
  const fits = (state: ReplicaState | null): state is ReplicaState =>
    state !== null && state.accountId === accountId && state.object === object.id;
  const fromHot = hot.load(run.key);
  if (fits(fromHot)) return { state: fromHot, from: 'hot' };
  const fromCold = cold.load(run.key);
  const loaded: Loaded = fits(fromCold)
    ? { state: fromCold, from: 'cold' }
    : { state: emptyState(accountId, object.id, {}), from: 'new' };
  logger.log('info', 'replica_loaded', {
    object: object.id,
    from: loaded.from,
    records: loaded.state.records.ids.length,
  });
  return loaded;
}

function syncContext(run: Run, heartbeat: () => void) {
  const { port } = run.query;
  return {
    object: run.replicated,
    port: { ...port, read: (request: RecordRead) => port.read({ ...request, onPage: heartbeat }) },
    now: () => run.services.clock.now(),
    rowContext: run.query.rowContext,
    settings: { ...DEFAULT_SYNC_SETTINGS, ...run.services.settings, ...run.query.settings },
  };
}

/** The cold tier takes a replica at most this often unless its shape changed (docs/replica.md). */
const COLD_EVERY_MS = 10 * 60_000;
/** During a long backfill the hot tier is written at most this often (a kill loses no more). */
const HOT_EVERY_MS = 15_000;

/** When the tiers are written: the hot one after every sync, the cold one when due (under the lock). */
function checkpoints(run: Run, loaded: Loaded, syncStartedAt: number) {
  const { hot, cold, clock, userLock } = run.services;
  let coldSavedAt = loaded.from === 'cold' ? syncStartedAt : (hot.head(run.key)?.coldSavedAt ?? null);
  let hotSavedAt = clock.now();
  let shape = shapeOf(loaded.state);
  const saveCold = (state: ReplicaState): boolean => {
    const saved = withUserLock(userLock, LOCK_WAIT_MS, () => cold.save(run.key, state));
    if (saved !== true) return false;
    coldSavedAt = clock.now();
    shape = shapeOf(state);
    return true;
  };
  const coldDue = (state: ReplicaState): boolean =>
    coldSavedAt === null || shapeOf(state) !== shape || clock.now() - coldSavedAt >= COLD_EVERY_MS;
  return {
    checkpoint: (state: ReplicaState): void => {
      if (clock.now() - hotSavedAt < HOT_EVERY_MS) return;
      if (coldDue(state) && clock.now() - (coldSavedAt ?? 0) >= 60_000) saveCold(state);
      hot.save(run.key, state, { syncStartedAt, coldSavedAt });
      hotSavedAt = clock.now();
      logProgress(run, 'replica_checkpoint', state);
    },
    /** True when at least one tier holds the state now. */
    finish: (state: ReplicaState): boolean => {
      const coldTook = coldDue(state) ? saveCold(state) : coldSavedAt !== null;
      logProgress(run, 'replica_synced', state);
      return hot.save(run.key, state, { syncStartedAt, coldSavedAt }) || coldTook;
    },
  };
}

/** One log line of how far a copy has come (no record content). */
function logProgress(run: Run, event: string, state: ReplicaState): void {
  const pending = state.tasks.filter((task) => task.kind !== 'verify');
  run.services.logger.log('info', event, {
    object: run.query.object.id,
    records: state.records.ids.length,
    pendingSlices: pending.reduce((sum, task) => sum + task.slices.length, 0),
    done: pending.reduce((sum, task) => sum + task.done, 0),
  });
}

/** What the cold tier must not lag behind: which records are covered, how many, which columns. */
function shapeOf(state: ReplicaState): string {
  return JSON.stringify([
    state.coverage,
    state.records.selection,
    state.tasks.length,
    state.records.ids.length,
  ]);
}

function answer(run: Run, state: ReplicaState): Table {
  const waiting = waitingFor(state, run.need);
  if (waiting) {
    const records = countedRecords(run.query.object);
    throw copyInProgress({ records, firstTime: state.builtAt === null }, waiting.done, waiting.total);
  }
  return answerTable(
    run.query.object,
    state.records,
    run.query.fields,
    run.query.window,
    run.query.rowContext,
  );
}

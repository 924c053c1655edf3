/**
 * One sync of a replica for one request (docs/replica.md, "Answering a request"): add what the
 * request needs, read what changed, re-read clock-derived values, reconcile deletions when due,
 * work on the tasks, and spend a little on the daily re-verification. The result says whether the
 * request can be answered or how far the work that blocks it has come.
 */
import { missingColumns } from './columns';
import { covers } from './coverage';
import { readChanges, readClockWindows, reconcile, reconcileDue, type SyncContext } from './changes';
import type { Need } from './plan';
import type { ReplicaState, Task } from './state';
import { addNeeds, lifetimeSlices, runTask } from './tasks';

export interface Progress {
  readonly done: number;
  /** Null until Jobber counted the records. */
  readonly total: number | null;
}

/**
 * Brings the replica up to date for these needs (every chart gathered into this sync) as far as
 * this execution allows; `save` is called with a consistent state after each step (a checkpoint).
 * `waitingFor` then says, per need, whether it can be answered.
 */
export function syncReplica(
  state: ReplicaState,
  request: { readonly needs: readonly Need[]; readonly lastRefresh: number | null },
  sync: SyncContext,
  save: (state: ReplicaState) => void,
): ReplicaState {
  const startedAt = sync.now();
  const fresh = state.watermark === null;
  let next = request.needs.reduce((current, need) => addNeeds(current, need, startedAt), state);
  if (fresh)
    next = {
      ...next,
      watermark: startedAt,
      clockSyncedAt: startedAt,
      verifiedAt: startedAt,
      reconciled: { at: startedAt, lastRefresh: request.lastRefresh },
    };
  else {
    next = readClockWindows(readChanges(next, sync), sync);
    if (reconcileDue(next, request.lastRefresh, sync)) next = reconcile(next, request.lastRefresh, sync);
  }
  save(next);
  next = runBlockingTasks(next, sync, save);
  if (next.builtAt === null && !next.tasks.some((task) => task.kind !== 'verify'))
    next = { ...next, builtAt: sync.now() };
  return verifyIfDue(next, sync, save);
}

function runBlockingTasks(
  state: ReplicaState,
  sync: SyncContext,
  save: (state: ReplicaState) => void,
): ReplicaState {
  let next = state;
  for (const task of state.tasks.filter((candidate) => candidate.kind !== 'verify')) {
    const run = runTask(next, task, sync, { checkpoint: save });
    next = run.state;
    save(next);
    if (!run.finished) break;
  }
  return next;
}

/** Starts the re-verification when due and spends this sync's allowance on it. */
function verifyIfDue(
  state: ReplicaState,
  sync: SyncContext,
  save: (state: ReplicaState) => void,
): ReplicaState {
  if (state.tasks.some((task) => task.kind !== 'verify')) return state;
  const now = sync.now();
  let next = state;
  const due = state.verifiedAt !== null && now - state.verifiedAt >= sync.settings.verifyMs;
  if (state.tasks.length === 0 && !due) return state;
  if (state.tasks.length === 0)
    next = { ...next, tasks: Object.keys(next.coverage).map((key) => verifyTask(key, next, now)) };
  const startedAt = earliestStart(next.tasks);
  for (const task of next.tasks) {
    const run = runTask(next, task, sync, {
      allowance: sync.settings.verifyAllowancePoints,
      checkpoint: save,
    });
    next = run.state;
    if (!run.finished) break;
  }
  if (next.tasks.length === 0) next = { ...next, verifiedAt: startedAt };
  save(next);
  return next;
}

function verifyTask(key: string, state: ReplicaState, now: number): Task {
  const slices = lifetimeSlices(state.coverage[key] ?? [], now);
  return { kind: 'verify', dateField: key, slices, columns: [], total: null, done: 0, startedAt: now };
}

function earliestStart(tasks: readonly Task[]): number {
  return tasks.reduce((earliest, task) => Math.min(earliest, task.startedAt), Number.POSITIVE_INFINITY);
}

/**
 * Whether a sync has taken this need on: its columns are held and its window is covered or being
 * read (a backfill that did not fit may still be filling it: `waitingFor` says how far it came).
 */
export function preparedFor(state: ReplicaState, need: Need, now: number): boolean {
  if (missingColumns(state.records.selection, need.selection).length > 0) return false;
  return addNeeds(state, need, now).tasks.length === state.tasks.length;
}

/**
 * What keeps a request from being answered: missing coverage, or columns still being filled or not
 * asked for yet (a state no sync prepared for this need: it must not answer with empty columns).
 */
export function waitingFor(state: ReplicaState, need: Need): Progress | null {
  if (missingColumns(state.records.selection, need.selection).length > 0) return { done: 0, total: null };
  const neededColumns = new Set(Object.keys(need.selection));
  const blocking = state.tasks.filter(
    (task) =>
      (task.kind === 'coverage' && task.dateField === need.coverage.key) ||
      (task.kind === 'columns' && task.columns.some((column) => neededColumns.has(column))),
  );
  if (blocking.length === 0 && covers(state.coverage[need.coverage.key] ?? [], need.coverage.interval))
    return null;
  let done = 0;
  let total: number | null = 0;
  for (const task of blocking) {
    done += task.done;
    total = total === null || task.total === null ? null : total + task.total;
  }
  return { done, total };
}

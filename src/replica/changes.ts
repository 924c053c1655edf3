/**
 * Reading what changed since the last sync: the object's change signal, the records whose
 * clock-derived values may have moved, and (when due) the deletions pass. Each step leaves the state
 * consistent, so a failure later in the sync loses nothing already merged.
 */
import type { RowContext } from '../catalog';
import { isJsonObject, type JsonObject } from '../json';
import { patchColumn, pathsOf } from './columns';
import { EVERYTHING } from './coverage';
import { mergeChanged, removeUnlisted } from './merge';
import { WHOLE, type ReplicatedObject } from './plan';
import { isoSeconds } from '../catalog';
import type { JobberPort } from './port';
import type { ReplicaState } from './state';

export interface SyncSettings {
  /** The next delta reads from this long before the watermark (clock skew, slow transactions). */
  readonly overlapMs: number;
  /** The deletions pass runs at most this often (and on Looker's "Refresh data"). */
  readonly reconcileMs: number;
  /** Every covered record is re-read in full at least this often. */
  readonly verifyMs: number;
  /** The most one sync spends on re-verification. */
  readonly verifyAllowancePoints: number;
  /** How far around the clock's progress records with clock-derived values are re-read. */
  readonly clockMarginMs: number;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  overlapMs: 5 * 60_000,
  reconcileMs: 60 * 60_000,
  verifyMs: 24 * 3_600_000,
  verifyAllowancePoints: 2_000,
  clockMarginMs: 24 * 3_600_000,
};

export interface SyncContext {
  readonly object: ReplicatedObject;
  readonly port: JobberPort;
  readonly now: () => number;
  readonly rowContext: RowContext;
  readonly settings: SyncSettings;
}

/** Records changed since the watermark, by the object's signal; the watermark moves to now. */
export function readChanges(state: ReplicaState, sync: SyncContext): ReplicaState {
  if (state.watermark === null) return state;
  const startedAt = sync.now();
  const since = state.watermark - sync.settings.overlapMs;
  const paths = pathsOf(state.records.selection);
  const { changes } = sync.object.replication;
  let next = state;
  if (changes.kind === 'since') {
    for (const argument of changes.arguments) {
      const nodes = sync.port.read({ paths, filter: { [argument]: { after: isoSeconds(since) } } });
      next = mergeChanged(next, nodes, sync.object, sync.rowContext);
    }
  } else if (changes.kind === 'newestFirst') {
    const dateField = changes.dateField;
    const isOlder = (node: JsonObject): boolean => {
      const date = sync.object.dateOf(dateField, node, sync.rowContext);
      return date !== null && date < since;
    };
    const nodes = sync.port.read({
      paths,
      newestFirst: { sort: changes.sort, stopAfter: (page) => page.some(isOlder) },
    });
    next = mergeChanged(next, nodes, sync.object, sync.rowContext);
  } else if (changes.kind === 'newestFirstUntilKnown') {
    const known = heldUnchanged(next);
    const nodes = sync.port.read({
      paths,
      newestFirst: { sort: changes.sort, stopAfter: (page) => page.every(known) },
    });
    next = mergeChanged(next, nodes, sync.object, sync.rowContext);
  } else {
    next = readEverything(next, sync);
  }
  next = readRelatedChanges(next, since, sync);
  return { ...next, watermark: startedAt };
}

/** Whether a node is a record the replica holds with exactly these values in every column. */
function heldUnchanged(state: ReplicaState): (node: JsonObject) => boolean {
  const position = new Map(state.records.ids.map((id, index) => [id, index]));
  const keys = Object.keys(state.records.columns);
  return (node) => {
    const index = position.get(String(node['id']));
    if (index === undefined) return false;
    return keys.every(
      (key) =>
        JSON.stringify(node[key] ?? null) === JSON.stringify(state.records.columns[key]?.[index] ?? null),
    );
  };
}

/** Objects without a change signal are few: read whole, they replace the replica's records. */
function readEverything(state: ReplicaState, sync: SyncContext): ReplicaState {
  const nodes = sync.port.read({ paths: pathsOf(state.records.selection) });
  const ids = new Set(nodes.map((node) => String(node['id'])));
  const coverage = { ...state.coverage, [WHOLE]: [EVERYTHING] };
  const pruned = removeUnlisted(
    { ...state, coverage },
    { key: WHOLE, interval: EVERYTHING, ids },
    sync.object,
    sync.rowContext,
  );
  return mergeChanged(pruned, nodes, sync.object, sync.rowContext);
}

/**
 * Related records that changed since the watermark (a renamed client), read with the paths the copy
 * holds under them, patched into every record that shows them. Their change does not move the
 * record's own signal, so without this a client's new name would wait for the daily re-read.
 */
export function readRelatedChanges(state: ReplicaState, since: number, sync: SyncContext): ReplicaState {
  let records = state.records;
  for (const related of sync.object.replication.related ?? []) {
    const paths = (records.selection[related.field] ?? []).map((path) =>
      path.slice(related.field.length + 1),
    );
    if (paths.length === 0 || records.ids.length === 0) continue;
    const filter = { [related.argument]: { after: isoSeconds(since) } };
    const changed = new Map<string, JsonObject>();
    for (const node of sync.port.readRelated(related.object, paths, filter))
      if (typeof node['id'] === 'string') changed.set(node['id'], node);
    if (changed.size === 0) continue;
    records = patchColumn(records, related.field, (value) => {
      const id = isJsonObject(value) ? value['id'] : undefined;
      return typeof id === 'string' ? changed.get(id) : undefined;
    });
  }
  return records === state.records ? state : { ...state, records };
}

/** Re-reads records whose clock-derived values (Today, Late, Past due) may have changed. */
export function readClockWindows(state: ReplicaState, sync: SyncContext): ReplicaState {
  const filters = sync.object.replication.clockFilters ?? [];
  if (state.clockSyncedAt === null || filters.length === 0) return state;
  const startedAt = sync.now();
  const margin = sync.settings.clockMarginMs;
  const range = { after: isoSeconds(state.clockSyncedAt - margin), before: isoSeconds(startedAt + margin) };
  const paths = pathsOf(state.records.selection);
  let next = state;
  for (const argument of filters) {
    const nodes = sync.port.read({ paths, filter: { [argument]: range } });
    next = mergeChanged(next, nodes, sync.object, sync.rowContext);
  }
  return { ...next, clockSyncedAt: startedAt };
}

export function reconcileDue(state: ReplicaState, lastRefresh: number | null, sync: SyncContext): boolean {
  if (sync.object.replication.changes.kind === 'everything' || state.reconciled === null) return false;
  if (lastRefresh !== null && lastRefresh > (state.reconciled.lastRefresh ?? Number.NEGATIVE_INFINITY))
    return true;
  return sync.now() - state.reconciled.at >= sync.settings.reconcileMs;
}

/**
 * The deletions pass. A replica holding everything compares counts first (after a delta it holds at
 * least every record Jobber does, so equal counts mean nothing was deleted); otherwise, and for
 * replicas of date ranges, it reads the ids of each covered interval and drops what Jobber no longer
 * lists there.
 */
export function reconcile(state: ReplicaState, lastRefresh: number | null, sync: SyncContext): ReplicaState {
  const startedAt = sync.now();
  let next = state;
  for (const key of Object.keys(state.coverage)) {
    for (const interval of state.coverage[key] ?? []) {
      const filter = sync.object.filterFor(key, interval);
      if (filter === undefined && sync.port.count(undefined) === next.records.ids.length) continue;
      const nodes = sync.port.read({ paths: ['id'], ...(filter ? { filter } : {}) });
      const ids = new Set(nodes.map((node) => String(node['id'])));
      next = removeUnlisted(next, { key, interval, ids }, sync.object, sync.rowContext);
    }
  }
  const refresh = Math.max(
    lastRefresh ?? Number.NEGATIVE_INFINITY,
    state.reconciled?.lastRefresh ?? Number.NEGATIVE_INFINITY,
  );
  return { ...next, reconciled: { at: startedAt, lastRefresh: Number.isFinite(refresh) ? refresh : null } };
}

/**
 * Applying what Jobber answered to a replica's state, keeping its invariant (docs/replica.md): the
 * records are exactly those whose date at some covered key lies in that key's coverage.
 */
import type { RowContext } from '../catalog';
import type { JsonObject } from '../json';
import { nodeAt, retain, upsert } from './columns';
import { contains, union, type Interval } from './coverage';
import type { ReplicatedObject } from './plan';
import type { ReplicaState } from './state';

/** Every column the replica holds: what a read that may add records must carry. */
export function allColumns(state: ReplicaState): string[] {
  return Object.keys(state.records.selection);
}

/** Merges records read with every column (a change, a clock window): known ones are replaced. */
export function mergeChanged(
  state: ReplicaState,
  nodes: readonly JsonObject[],
  object: ReplicatedObject,
  context: RowContext,
): ReplicaState {
  const records = upsert(state.records, nodes, { keys: allColumns(state), insert: true });
  return keepCovered({ ...state, records }, object, context);
}

/**
 * Merges a read that saw every record Jobber holds at `key` within `slice`: records the replica has
 * there that Jobber did not list are gone, and the slice joins the coverage.
 */
export function mergeSlice(
  state: ReplicaState,
  read: { readonly key: string; readonly slice: Interval; readonly nodes: readonly JsonObject[] },
  object: ReplicatedObject,
  context: RowContext,
): ReplicaState {
  const listed = new Set(read.nodes.map((node) => String(node['id'])));
  const present = removeUnlisted(
    state,
    { key: read.key, interval: read.slice, ids: listed },
    object,
    context,
  );
  const records = upsert(present.records, read.nodes, { keys: allColumns(state), insert: true });
  const coverage = { ...state.coverage, [read.key]: union(state.coverage[read.key] ?? [], read.slice) };
  return keepCovered({ ...state, records, coverage }, object, context);
}

/** Merges a column backfill: only the carried columns of records the replica already has. */
export function mergeColumns(
  state: ReplicaState,
  nodes: readonly JsonObject[],
  columns: readonly string[],
): ReplicaState {
  return { ...state, records: upsert(state.records, nodes, { keys: columns, insert: false }) };
}

/** Drops records whose date at `key` lies in `interval` and whose id Jobber no longer lists. */
export function removeUnlisted(
  state: ReplicaState,
  read: { readonly key: string; readonly interval: Interval; readonly ids: ReadonlySet<string> },
  object: ReplicatedObject,
  context: RowContext,
): ReplicaState {
  const records = retain(state.records, (index) => {
    const id = state.records.ids[index] ?? '';
    if (read.ids.has(id)) return true;
    const date = object.dateOf(read.key, nodeAt(state.records, index), context);
    return date === null || date < read.interval.start || date >= read.interval.end;
  });
  return records === state.records ? state : { ...state, records };
}

/** The invariant: a record stays only while its date at some covered key lies in that coverage. */
export function keepCovered(
  state: ReplicaState,
  object: ReplicatedObject,
  context: RowContext,
): ReplicaState {
  const keys = Object.keys(state.coverage);
  const records = retain(state.records, (index) => {
    const node = nodeAt(state.records, index);
    return keys.some((key) => {
      const date = object.dateOf(key, node, context);
      return date !== null && contains(state.coverage[key] ?? [], date);
    });
  });
  return records === state.records ? state : { ...state, records };
}

/**
 * The replica's records, column by column. A column is one top-level field of the record's node
 * (`amounts`, `client`, `lineItems`, `id`) holding, per record, the JSON Jobber answered for the
 * paths selected under it; `selection` says which paths those are. A record's node is rebuilt by
 * putting its columns side by side, so the catalog's readers and row builder work unchanged.
 */
import type { JsonObject, JsonValue } from '../json';

/** Column key → the selection paths (dot-separated, from the record) its values answer, sorted. */
export type ColumnSelection = Readonly<Record<string, readonly string[]>>;

export interface Records {
  readonly ids: readonly string[];
  /** Column key → one value per record, aligned with `ids` (never the id itself). */
  readonly columns: Readonly<Record<string, readonly JsonValue[]>>;
  readonly selection: ColumnSelection;
}

/** The record id: part of every selection, held in `ids` rather than as a column. */
export const ID_COLUMN = 'id';

export function emptyRecords(): Records {
  return { ids: [], columns: {}, selection: {} };
}

/** Groups selection paths by the column (top-level field) they belong to. */
export function selectionOf(paths: Iterable<string>): ColumnSelection {
  const grouped: Record<string, Set<string>> = {};
  for (const path of paths) {
    const key = columnKeyOf(path);
    (grouped[key] ??= new Set()).add(path);
  }
  const selection: Record<string, string[]> = {};
  for (const key of Object.keys(grouped).sort()) selection[key] = [...(grouped[key] ?? [])].sort();
  return selection;
}

export function columnKeyOf(path: string): string {
  const dot = path.indexOf('.');
  return dot === -1 ? path : path.slice(0, dot);
}

/** The columns of `wanted` that `held` lacks or holds with fewer paths. */
export function missingColumns(held: ColumnSelection, wanted: ColumnSelection): string[] {
  return Object.keys(wanted).filter((key) => {
    const have = held[key];
    if (!have) return true;
    const haveSet = new Set(have);
    return (wanted[key] ?? []).some((path) => !haveSet.has(path));
  });
}

/** Both selections together: each column answers the paths of either. */
export function mergeSelections(first: ColumnSelection, second: ColumnSelection): ColumnSelection {
  const paths = new Set<string>();
  for (const selection of [first, second])
    for (const key of Object.keys(selection)) for (const path of selection[key] ?? []) paths.add(path);
  return selectionOf(paths);
}

/** Every path of a selection, for building the GraphQL query that reads those columns. */
export function pathsOf(
  selection: ColumnSelection,
  keys: Iterable<string> = Object.keys(selection),
): string[] {
  const paths: string[] = [];
  for (const key of keys) paths.push(...(selection[key] ?? []));
  return paths;
}

/** The node of record `index`, with its id and every column the replica holds. */
export function nodeAt(records: Records, index: number): JsonObject {
  const node: JsonObject = { [ID_COLUMN]: records.ids[index] ?? null };
  for (const key of Object.keys(records.columns)) node[key] = records.columns[key]?.[index] ?? null;
  return node;
}

export interface Upsert {
  /** The columns the nodes carry (a column backfill carries only those it re-reads). */
  readonly keys: readonly string[];
  /** Whether nodes of unknown records are added; only reads carrying every column may add. */
  readonly insert: boolean;
}

/** The records with `nodes` merged in by id: known records get the carried columns replaced. */
export function upsert(records: Records, nodes: readonly JsonObject[], how: Upsert): Records {
  const ids = [...records.ids];
  const columns: Record<string, JsonValue[]> = {};
  for (const key of Object.keys(records.columns)) columns[key] = [...(records.columns[key] ?? [])];
  const carried = how.keys.filter((key) => key !== ID_COLUMN);
  for (const key of carried) columns[key] ??= new Array<JsonValue>(ids.length).fill(null);
  const position = new Map(ids.map((id, index) => [id, index]));
  for (const node of nodes) {
    const id = node[ID_COLUMN];
    if (typeof id !== 'string') throw new Error('A record without an id cannot join the replica.');
    const index = position.get(id);
    if (index !== undefined) {
      for (const key of carried) setCell(columns, key, index, node[key]);
    } else if (how.insert) {
      position.set(id, ids.length);
      ids.push(id);
      for (const key of Object.keys(columns)) columns[key]?.push(node[key] ?? null);
    }
  }
  return { ids, columns, selection: records.selection };
}

/** The records for which `keep(index)` is true, in their order. */
export function retain(records: Records, keep: (index: number) => boolean): Records {
  const kept: number[] = [];
  for (let index = 0; index < records.ids.length; index++) if (keep(index)) kept.push(index);
  if (kept.length === records.ids.length) return records;
  const columns: Record<string, JsonValue[]> = {};
  for (const key of Object.keys(records.columns)) {
    const column = records.columns[key] ?? [];
    columns[key] = kept.map((index) => column[index] ?? null);
  }
  return { ids: kept.map((index) => records.ids[index] ?? ''), columns, selection: records.selection };
}

/**
 * The records with column `key` changed where `replace` returns a value (a related record that
 * changed: the client a record shows); other values stay as they are.
 */
export function patchColumn(
  records: Records,
  key: string,
  replace: (value: JsonValue) => JsonValue | undefined,
): Records {
  const column = records.columns[key];
  if (!column) return records;
  let patched: JsonValue[] | null = null;
  column.forEach((value, index) => {
    const next = value === null ? undefined : replace(value);
    if (next === undefined) return;
    patched ??= [...column];
    patched[index] = next;
  });
  return patched ? { ...records, columns: { ...records.columns, [key]: patched } } : records;
}

export function withSelection(records: Records, selection: ColumnSelection): Records {
  return { ...records, selection };
}

function setCell(
  columns: Record<string, JsonValue[]>,
  key: string,
  index: number,
  value: JsonValue | undefined,
): void {
  const column = columns[key];
  if (column) column[index] = value ?? null;
}

/**
 * Everything a replica knows, as one value that is saved whole (docs/replica.md): its records, what
 * they cover, how far changes have been read, and the checkpoint of work that did not fit one
 * execution. What is read back is parsed, never cast: anything else is "no replica".
 */
import { isJsonObject, type JsonValue } from '../json';
import { type ColumnSelection, type Records } from './columns';
import { parseIntervalSet, type Interval, type IntervalSet } from './coverage';

/** Bumped whenever the stored shape changes; a replica of another format is rebuilt from Jobber. */
export const REPLICA_FORMAT = 1;

/** Work that reads slices of a date field: growing coverage, new columns, or the daily re-read. */
export interface Task {
  readonly kind: 'coverage' | 'columns' | 'verify';
  /** The date field (a date option's field id) whose filter slices the work. */
  readonly dateField: string;
  /** Slices still to read, in order. */
  readonly slices: readonly Interval[];
  /** The columns the task's reads carry (all of them for coverage and verify). */
  readonly columns: readonly string[];
  /** Records Jobber counted in the task's slices when it was planned; null until counted. */
  readonly total: number | null;
  /** Records read so far. */
  readonly done: number;
  readonly startedAt: number;
}

export interface ReplicaState {
  readonly format: typeof REPLICA_FORMAT;
  readonly accountId: string;
  readonly object: string;
  readonly records: Records;
  /** Date field id → the intervals the replica holds completely. */
  readonly coverage: Readonly<Record<string, IntervalSet>>;
  /** Changes from this instant on are not in yet (null: nothing read yet). */
  readonly watermark: number | null;
  /** The end of the last re-read of records whose clock-derived values may have changed. */
  readonly clockSyncedAt: number | null;
  readonly reconciled: { readonly at: number; readonly lastRefresh: number | null } | null;
  /** When every covered record was last re-read with every column (null: since it was built). */
  readonly verifiedAt: number | null;
  readonly tasks: readonly Task[];
  /** When the copy first had no blocking work left (null: its first read is still going on). */
  readonly builtAt: number | null;
}

export function emptyState(accountId: string, object: string, selection: ColumnSelection): ReplicaState {
  return {
    format: REPLICA_FORMAT,
    accountId,
    object,
    records: { ids: [], columns: {}, selection },
    coverage: {},
    watermark: null,
    clockSyncedAt: null,
    reconciled: null,
    verifiedAt: null,
    tasks: [],
    builtAt: null,
  };
}

/** The state read back from storage, or null when it is not a valid state of this format. */
export function parseState(value: unknown): ReplicaState | null {
  if (!isJsonObject(value) || value['format'] !== REPLICA_FORMAT) return null;
  const { accountId, object } = value;
  if (typeof accountId !== 'string' || typeof object !== 'string') return null;
  const records = parseRecords(value['records']);
  const coverage = parseCoverage(value['coverage']);
  const tasks = parseList(value['tasks'], parseTask);
  const reconciled = parseReconciled(value['reconciled']);
  if (!records || !coverage || !tasks || reconciled === undefined) return null;
  const watermark = optionalNumber(value['watermark']);
  const clockSyncedAt = optionalNumber(value['clockSyncedAt']);
  const verifiedAt = optionalNumber(value['verifiedAt']);
  const builtAt = optionalNumber(value['builtAt']);
  if (watermark === undefined || clockSyncedAt === undefined || verifiedAt === undefined) return null;
  if (builtAt === undefined) return null;
  return {
    format: REPLICA_FORMAT,
    accountId,
    object,
    records,
    coverage,
    watermark,
    clockSyncedAt,
    reconciled,
    verifiedAt,
    tasks,
    builtAt,
  };
}

function parseRecords(value: unknown): Records | null {
  if (!isJsonObject(value)) return null;
  const { ids, columns, selection } = value;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return null;
  if (!isJsonObject(columns) || !isJsonObject(selection)) return null;
  const parsedSelection: Record<string, string[]> = {};
  for (const key of Object.keys(selection)) {
    const paths = selection[key];
    if (!Array.isArray(paths) || !paths.every((path) => typeof path === 'string')) return null;
    parsedSelection[key] = paths as string[];
  }
  const parsedColumns: Record<string, JsonValue[]> = {};
  for (const key of Object.keys(columns)) {
    const column = columns[key];
    if (!Array.isArray(column) || column.length !== ids.length || !(key in parsedSelection)) return null;
    parsedColumns[key] = column as JsonValue[];
  }
  return { ids: ids as string[], columns: parsedColumns, selection: parsedSelection };
}

function parseCoverage(value: unknown): Record<string, IntervalSet> | null {
  if (!isJsonObject(value)) return null;
  const coverage: Record<string, IntervalSet> = {};
  for (const key of Object.keys(value)) {
    const set = parseIntervalSet(value[key]);
    if (!set) return null;
    coverage[key] = set;
  }
  return coverage;
}

function parseTask(value: unknown): Task | null {
  if (!isJsonObject(value)) return null;
  const { kind, dateField, columns, total, done, startedAt } = value;
  if (kind !== 'coverage' && kind !== 'columns' && kind !== 'verify') return null;
  const slices = parseIntervalSet(value['slices'], { touching: true });
  if (typeof dateField !== 'string' || !slices) return null;
  if (!Array.isArray(columns) || !columns.every((column) => typeof column === 'string')) return null;
  const counted = optionalNumber(total);
  if (counted === undefined || typeof done !== 'number' || typeof startedAt !== 'number') return null;
  return { kind, dateField, slices, columns: columns as string[], total: counted, done, startedAt };
}

function parseReconciled(value: unknown): ReplicaState['reconciled'] | undefined {
  if (value === null) return null;
  if (!isJsonObject(value) || typeof value['at'] !== 'number') return undefined;
  const lastRefresh = optionalNumber(value['lastRefresh']);
  return lastRefresh === undefined ? undefined : { at: value['at'], lastRefresh };
}

function parseList<T>(value: unknown, parse: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(value)) return null;
  const items: T[] = [];
  for (const item of value as unknown[]) {
    const parsed = parse(item);
    if (parsed === null) return null;
    items.push(parsed);
  }
  return items;
}

/** A finite number or null; undefined when it is neither. */
function optionalNumber(value: unknown): number | null | undefined {
  if (value === null) return null;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

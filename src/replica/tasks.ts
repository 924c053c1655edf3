/**
 * Work that reads slices of a date field and may not fit one execution: growing the coverage to a
 * report's window, filling new columns, the daily re-verification. A slice is read whole or not at
 * all; before reading it the sync asks Jobber how many records it holds, and halves a slice that the
 * execution cannot pay for. Each finished slice is merged at once, so stopping anywhere is safe.
 */
import { mergeSelections, missingColumns, nodeAt, pathsOf, type ColumnSelection } from './columns';
import { EVERYTHING, gaps, halve, subtract, type Interval } from './coverage';
import type { SyncContext } from './changes';
import { allColumns, mergeColumns, mergeSlice } from './merge';
import type { Need } from './plan';
import { isConnectorError } from '../errors';
import type { JsonObject } from '../json';
import type { RecordRead } from './port';
import type { ReplicaState, Task } from './state';
import { CopyUnavailable } from './unavailable';

/** Adds what a request needs that the replica lacks: columns for its records, coverage of its window. */
export function addNeeds(state: ReplicaState, need: Need, startedAt: number): ReplicaState {
  const held = state.records.selection;
  const newColumns = missingColumns(held, need.selection);
  const selection: ColumnSelection = mergeSelections(held, need.selection);
  let tasks = [...state.tasks];
  if (newColumns.length > 0)
    for (const key of Object.keys(state.coverage)) {
      const slices = state.coverage[key] ?? [];
      if (slices.length > 0)
        tasks.push({
          kind: 'columns',
          dateField: key,
          slices: lifetimeSlices(slices, startedAt),
          columns: newColumns,
          total: null,
          done: 0,
          startedAt,
        });
    }
  tasks = withCoverageTask(tasks, state, need.coverage, startedAt);
  return { ...state, records: { ...state.records, selection }, tasks };
}

function withCoverageTask(
  tasks: Task[],
  state: ReplicaState,
  wanted: Need['coverage'],
  startedAt: number,
): Task[] {
  let missing = gaps(state.coverage[wanted.key] ?? [], wanted.interval);
  for (const task of tasks)
    if (task.kind === 'coverage' && task.dateField === wanted.key)
      for (const slice of task.slices) missing = missing.flatMap((gap) => subtract([gap], slice));
  if (missing.length === 0) return tasks;
  const slices = lifetimeSlices(missing, startedAt);
  return [
    ...tasks,
    { kind: 'coverage', dateField: wanted.key, slices, columns: [], total: null, done: 0, startedAt },
  ];
}

/** Jobber records cannot be older than this: slicing "all time" starts from Jobber's lifetime. */
const EARLIEST = Date.UTC(2000, 0, 1);

/**
 * Intervals cut where the records are (since 2000, until tomorrow) and where they cannot be, so
 * halving a slice too large for one execution starts from years, not from the whole timeline.
 */
export function lifetimeSlices(intervals: readonly Interval[], now: number): Interval[] {
  const cuts = [EARLIEST, now + 86_400_000];
  return intervals.flatMap((interval) => {
    if (interval.start > EVERYTHING.start && interval.end < EVERYTHING.end) return [interval];
    const points = [
      interval.start,
      ...cuts.filter((cut) => cut > interval.start && cut < interval.end),
      interval.end,
    ];
    return points.slice(1).map((end, index) => ({ start: points[index] ?? interval.start, end }));
  });
}

export interface TaskRun {
  readonly state: ReplicaState;
  /** False when a slice could not be paid for within this execution: the task waits for the next. */
  readonly finished: boolean;
}

/**
 * Reads the task's slices in order while the execution can pay for them, spending at most
 * `allowance` points when given. The task's progress is kept in the returned state.
 */
export function runTask(
  state: ReplicaState,
  task: Task,
  sync: SyncContext,
  options: { readonly allowance?: number; readonly checkpoint?: (state: ReplicaState) => void } = {},
): TaskRun {
  const { allowance } = options;
  const known = new Map<string, number>();
  const countOf = (slice: Interval): number => {
    const id = `${slice.start}/${slice.end}`;
    const cached = known.get(id);
    if (cached !== undefined) return cached;
    const records = sync.port.count(sync.object.filterFor(task.dateField, slice));
    known.set(id, records);
    return records;
  };
  let current = counted(task, countOf);
  let next = replaceTask(state, task, current);
  let spent = 0;
  while (current.slices.length > 0) {
    const [slice, ...rest] = current.slices as [Interval, ...Interval[]];
    const paths = taskPaths(next, current);
    const records = countOf(slice);
    const cost = sync.port.costOf(paths, records);
    const left = allowance === undefined ? Infinity : allowance - spent;
    const step = stepFor(
      sync,
      { paths, records, slice, cost, narrowest: sync.object.narrowestSliceMs(current.dateField) },
      { left, untouched: spent === 0 && allowance === undefined },
    );
    if (step.kind === 'wait') return { state: next, finished: false };
    if (step.kind === 'halve') {
      current = { ...current, slices: [...step.halves, ...rest] };
      next = replaceTask(next, task, current);
      continue;
    }
    // Jobber counted nothing there: the empty answer is known without asking again.
    const nodes =
      records === 0 ? [] : readWithinBudget(sync, { paths, ...filterOf(sync, current.dateField, slice) });
    if (nodes === null) return { state: next, finished: false };
    next =
      current.kind === 'columns'
        ? mergeColumns(next, nodes, current.columns)
        : mergeSlice(next, { key: current.dateField, slice, nodes }, sync.object, sync.rowContext);
    spent += cost;
    const done = current.done + recordsWithin(sync, { key: current.dateField, slice, nodes }, next.records);
    current = { ...current, slices: rest, done };
    next = replaceTask(next, task, current);
    options.checkpoint?.(next);
  }
  return { state: withoutTask(next, current), finished: true };
}

/** A slice smaller than this many records is not worth its count request near the budget's end. */
const MIN_SLICE_RECORDS = 20;
/**
 * The most one slice may cost: a full bucket, about 20 s of Jobber's refill. Smaller slices commit
 * more often, so an execution stopped or killed mid-read loses little.
 */
export const MAX_SLICE_POINTS = 10_000;

type Step =
  | { readonly kind: 'read' }
  | { readonly kind: 'wait' }
  | { readonly kind: 'halve'; readonly halves: [Interval, Interval] };

/** Whether to read a slice now, cut it in two first, or leave it for the next execution. */
function stepFor(
  sync: SyncContext,
  slice: {
    readonly paths: readonly string[];
    readonly records: number;
    readonly slice: Interval;
    readonly cost: number;
    readonly narrowest: number;
  },
  budget: { readonly left: number; readonly untouched: boolean },
): Step {
  const affordable = Math.min(sync.port.reachablePoints(), budget.left);
  if (slice.records === 0 || slice.cost <= Math.min(affordable, MAX_SLICE_POINTS)) return { kind: 'read' };
  const halves = slice.records > 1 ? halve(slice.slice, slice.narrowest) : null;
  // Halving costs a count each: below about twenty records' worth, wait for the next execution.
  if (halves)
    return affordable >= sync.port.costOf(slice.paths, MIN_SLICE_RECORDS)
      ? { kind: 'halve', halves }
      : { kind: 'wait' };
  if (slice.cost <= affordable) return { kind: 'read' };
  // Records packed into one second beyond what an execution can read: the copy cannot hold them
  // whole; this request takes the live path (which says plainly what it cannot read).
  if (budget.untouched) throw new CopyUnavailable('too_dense');
  return { kind: 'wait' };
}

/**
 * A slice's read, or null when the execution's budget ran out during it (Jobber's pacing can take
 * longer than the estimate): the slice is read again next time; everything before it is kept.
 */
function readWithinBudget(sync: SyncContext, request: RecordRead): readonly JsonObject[] | null {
  try {
    return sync.port.read(request);
  } catch (error) {
    if (isConnectorError(error) && error.code === 'TIME_BUDGET_EXCEEDED') return null;
    throw error;
  }
}

/**
 * The records a slice's read adds to the progress: those held whose date lies in the slice (a
 * columns read carries no dates). Reads' filters are widened (a day for dates), so neighbouring
 * slices' reads overlap and their lengths would count records twice.
 */
function recordsWithin(
  sync: SyncContext,
  read: { readonly key: string; readonly slice: Interval; readonly nodes: readonly JsonObject[] },
  records: ReplicaState['records'],
): number {
  const ids = new Set(read.nodes.map((node) => node['id']));
  let within = 0;
  records.ids.forEach((id, index) => {
    if (!ids.has(id)) return;
    const date = sync.object.dateOf(read.key, nodeAt(records, index), sync.rowContext);
    if (date !== null && date >= read.slice.start && date < read.slice.end) within++;
  });
  return within;
}

/**
 * Counts the task's records once, for progress ("12,400 of 50,162"); the counts are remembered, so
 * a slice read at once is not counted twice.
 */
function counted(task: Task, countOf: (slice: Interval) => number): Task {
  if (task.total !== null) return task;
  let total = 0;
  for (const slice of task.slices) total += countOf(slice);
  return { ...task, total: total + task.done };
}

function taskPaths(state: ReplicaState, task: Task): string[] {
  const columns = task.kind === 'columns' ? ['id', ...task.columns] : allColumns(state);
  return pathsOf(state.records.selection, new Set(columns));
}

function filterOf(
  sync: SyncContext,
  key: string,
  slice: Interval,
): { filter?: ReturnType<SyncContext['object']['filterFor']> } {
  const filter = sync.object.filterFor(key, slice);
  return filter ? { filter } : {};
}

function replaceTask(state: ReplicaState, previous: Task, task: Task): ReplicaState {
  const tasks = state.tasks.map((candidate) => (sameTask(candidate, previous) ? task : candidate));
  return { ...state, tasks };
}

function withoutTask(state: ReplicaState, task: Task): ReplicaState {
  return { ...state, tasks: state.tasks.filter((candidate) => !sameTask(candidate, task)) };
}

/** Tasks are identified by what they do and when they began (slices and counts change as they run). */
function sameTask(first: Task, second: Task): boolean {
  return (
    first.kind === second.kind &&
    first.dateField === second.dateField &&
    first.startedAt === second.startedAt &&
    first.columns.join() === second.columns.join()
  );
}

/**
 * Interval sets over epoch milliseconds: what part of a date field's timeline a replica holds
 * completely. Intervals include their start and exclude their end; a set is kept sorted, disjoint
 * and without touching neighbours, so two sets with the same points are equal as data.
 */

export interface Interval {
  readonly start: number;
  readonly end: number;
}

export type IntervalSet = readonly Interval[];

/** The whole timeline: what "all time" covers. */
export const EVERYTHING: Interval = { start: -8.64e15, end: 8.64e15 };

export function isEmpty(interval: Interval): boolean {
  return !(interval.start < interval.end);
}

/** The set with `added` merged in. */
export function union(set: IntervalSet, added: Interval): IntervalSet {
  if (isEmpty(added)) return set;
  const sorted = [...set, added].sort((a, b) => a.start - b.start);
  return normalise(sorted);
}

/** The parts of `wanted` that the set does not hold, in order. */
export function gaps(set: IntervalSet, wanted: Interval): Interval[] {
  if (isEmpty(wanted)) return [];
  const missing: Interval[] = [];
  let cursor = wanted.start;
  for (const interval of set) {
    if (interval.end <= cursor) continue;
    if (interval.start >= wanted.end) break;
    if (interval.start > cursor) missing.push({ start: cursor, end: interval.start });
    cursor = Math.max(cursor, interval.end);
    if (cursor >= wanted.end) return missing;
  }
  if (cursor < wanted.end) missing.push({ start: cursor, end: wanted.end });
  return missing;
}

export function covers(set: IntervalSet, wanted: Interval): boolean {
  return gaps(set, wanted).length === 0;
}

export function contains(set: IntervalSet, point: number): boolean {
  for (const interval of set) {
    if (point < interval.start) return false;
    if (point < interval.end) return true;
  }
  return false;
}

/** The set without `removed`. */
export function subtract(set: IntervalSet, removed: Interval): IntervalSet {
  if (isEmpty(removed)) return set;
  const result: Interval[] = [];
  for (const interval of set) {
    if (interval.end <= removed.start || interval.start >= removed.end) result.push(interval);
    else {
      if (interval.start < removed.start) result.push({ start: interval.start, end: removed.start });
      if (interval.end > removed.end) result.push({ start: removed.end, end: interval.end });
    }
  }
  return result;
}

/** Jobber's timestamps have whole seconds: a slice narrower than two seconds is not cut further. */
export const NARROWEST_SLICE_MS = 2_000;

/**
 * `interval` cut in two at a whole second near its middle; null when it is narrower than
 * `narrowest` (at least two seconds): a date field's filter cannot tell finer slices apart.
 */
export function halve(interval: Interval, narrowest = NARROWEST_SLICE_MS): [Interval, Interval] | null {
  if (interval.end - interval.start < Math.max(narrowest, NARROWEST_SLICE_MS)) return null;
  const middle = Math.floor((interval.start / 2 + interval.end / 2) / 1000) * 1000;
  if (middle <= interval.start || middle >= interval.end) return null;
  return [
    { start: interval.start, end: middle },
    { start: middle, end: interval.end },
  ];
}

/**
 * Parses stored data back into a set, or null when it is not a valid set. A coverage never has
 * touching neighbours (they merge); a task's slices do (`touching`: halves share their cut).
 */
export function parseIntervalSet(value: unknown, options: { touching?: boolean } = {}): IntervalSet | null {
  if (!Array.isArray(value)) return null;
  const set: Interval[] = [];
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { start, end } = item as { start?: unknown; end?: unknown };
    if (typeof start !== 'number' || typeof end !== 'number') return null;
    const overlaps = options.touching === true ? start < previousEnd : start <= previousEnd;
    if (!Number.isFinite(start) || !Number.isFinite(end) || start >= end || overlaps) return null;
    set.push({ start, end });
    previousEnd = end;
  }
  return set;
}

function normalise(sorted: Interval[]): IntervalSet {
  const result: Interval[] = [];
  for (const interval of sorted) {
    const last = result[result.length - 1];
    if (last && interval.start <= last.end)
      result[result.length - 1] = { start: last.start, end: Math.max(last.end, interval.end) };
    else result.push(interval);
  }
  return result;
}

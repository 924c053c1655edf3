import { GraphQLError } from 'graphql';
import { idOfKind } from '../core/ids';
import { parseDateTime } from './scalars';

export type Predicate<T> = (record: T) => boolean;

interface RangeInput {
  readonly after?: unknown;
  readonly before?: unknown;
  readonly eq?: unknown;
}

interface NumberRangeInput {
  readonly min?: number | null;
  readonly max?: number | null;
  readonly eq?: number | null;
}

/** Builds one predicate from many; `undefined` parts (absent filter fields) are skipped. */
export function allOf<T>(parts: readonly (Predicate<T> | undefined)[]): Predicate<T> {
  const active = parts.filter((part): part is Predicate<T> => part !== undefined);
  return (record) => active.every((part) => part(record));
}

/**
 * A date range with exclusive bounds: `after` < value < `before`, or value == `eq`. Jobber says
 * to use either `eq` or the bounds; both at once is an error here. Records without the date never match.
 */
export function dateRange<T>(input: unknown, value: (record: T) => number | null): Predicate<T> | undefined {
  if (input === undefined || input === null) return undefined;
  const range = input as RangeInput;
  const after = range.after === undefined || range.after === null ? undefined : asInstant(range.after);
  const before = range.before === undefined || range.before === null ? undefined : asInstant(range.before);
  const eq = range.eq === undefined || range.eq === null ? undefined : asInstant(range.eq);
  if (eq !== undefined && (after !== undefined || before !== undefined)) {
    throw new GraphQLError('Use either eq or after/before in a date range, not both');
  }
  return (record) => {
    const instant = value(record);
    if (instant === null) return false;
    if (eq !== undefined) return instant === eq;
    return (after === undefined || instant > after) && (before === undefined || instant < before);
  };
}

/** Scalars arrive parsed (epoch ms); values from variables of a custom input may still be strings. */
function asInstant(value: unknown): number {
  return typeof value === 'number' ? value : parseDateTime(value);
}

/** A numeric range with inclusive `min`/`max`, or `eq`. */
export function numberRange<T>(input: unknown, value: (record: T) => number): Predicate<T> | undefined {
  if (input === undefined || input === null) return undefined;
  const { min, max, eq } = input as NumberRangeInput;
  if (
    eq !== undefined &&
    eq !== null &&
    ((min !== undefined && min !== null) || (max !== undefined && max !== null))
  ) {
    throw new GraphQLError('Use either eq or min/max in a range, not both');
  }
  return (record) => {
    const number = value(record);
    if (eq !== undefined && eq !== null) return number === eq;
    return (
      (min === undefined || min === null || number >= min) &&
      (max === undefined || max === null || number <= max)
    );
  };
}

export function equals<T, V>(input: V | null | undefined, value: (record: T) => V): Predicate<T> | undefined {
  if (input === undefined || input === null) return undefined;
  return (record) => value(record) === input;
}

/** The numeric id inside an EncodedId of the expected kind; a malformed or foreign id is an error. */
export function decodeFilterId(input: unknown, kind: string, argument: string): number | undefined {
  if (input === undefined || input === null) return undefined;
  const id = typeof input === 'string' ? idOfKind(input, kind) : undefined;
  if (id === undefined)
    throw new GraphQLError(`${argument}: ${JSON.stringify(input)} is not a valid ${kind} id`);
  return id;
}

export function idEquals<T>(
  input: unknown,
  kind: string,
  argument: string,
  value: (record: T) => number | null,
): Predicate<T> | undefined {
  const id = decodeFilterId(input, kind, argument);
  if (id === undefined) return undefined;
  return (record) => value(record) === id;
}

export function idIn<T>(
  input: unknown,
  kind: string,
  argument: string,
  value: (record: T) => number,
): Predicate<T> | undefined {
  if (input === undefined || input === null) return undefined;
  const ids = new Set((input as unknown[]).map((item) => decodeFilterId(item, kind, argument)));
  return (record) => ids.has(value(record));
}

/** Case-insensitive substring match of a search term over a few text fields. */
export function search<T>(
  term: unknown,
  texts: (record: T) => readonly (string | null | undefined)[],
): Predicate<T> | undefined {
  if (typeof term !== 'string' || term.trim() === '') return undefined;
  const needle = term.trim().toLowerCase();
  return (record) =>
    texts(record).some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}

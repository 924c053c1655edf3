export type SortValue = number | string | boolean | null;
export type Comparator<T> = (a: T, b: T) => number;

export interface SortInput {
  readonly key?: string;
  readonly field?: string;
  readonly direction: 'ASCENDING' | 'DESCENDING';
}

/** How each sort key reads a record. */
export type SortKeys<T> = Record<string, (record: T) => SortValue>;

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1; // nulls last, whatever the direction
  if (b === null) return -1;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b);
  return a < b ? -1 : 1;
}

/**
 * A comparator from Jobber sort inputs (applied in order), ending with the id so every order is
 * total and pages never overlap. Nulls sort last in both directions.
 */
export function comparatorFor<T extends { id: number }>(
  inputs: readonly SortInput[] | null | undefined,
  keys: SortKeys<T>,
  fallback: readonly SortInput[],
): Comparator<T> {
  const chosen = inputs && inputs.length > 0 ? inputs : fallback;
  const parts = chosen.map((input) => {
    const read = keys[input.key ?? input.field ?? ''];
    if (!read) throw new Error(`No sort key ${input.key ?? input.field}`);
    const sign = input.direction === 'DESCENDING' ? -1 : 1;
    return { read, sign };
  });
  const idSign = chosen[0]?.direction === 'DESCENDING' ? -1 : 1;
  return (a, b) => {
    for (const { read, sign } of parts) {
      const va = read(a);
      const vb = read(b);
      const order = compareValues(va, vb);
      if (order !== 0) return va === null || vb === null ? order : order * sign;
    }
    return (a.id - b.id) * idSign;
  };
}

export const ascending = (key: string): SortInput => ({ key, direction: 'ASCENDING' });
export const descending = (key: string): SortInput => ({ key, direction: 'DESCENDING' });

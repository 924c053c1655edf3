import type { CellValue, DimensionsFilter } from './types';

/**
 * Whether a row passes Looker Studio's dimension filters: every outer group (AND) needs one of its
 * filters (OR) to hold. Filters on fields the row does not carry are not evaluated (undefined).
 */
export function rowPasses(
  filters: ReadonlyArray<readonly DimensionsFilter[]>,
  valueOf: (fieldName: string) => CellValue | undefined,
): boolean | undefined {
  let verdict: boolean | undefined = true;
  for (const group of filters) {
    const results = group.map((filter) => {
      const value = valueOf(filter.fieldName);
      return value === undefined ? undefined : filterHolds(filter, value);
    });
    if (results.some((result) => result === true)) continue;
    if (results.some((result) => result === undefined)) verdict = undefined;
    else return false;
  }
  return verdict;
}

function filterHolds(filter: DimensionsFilter, value: CellValue): boolean {
  const matched = operatorHolds(filter, value);
  return filter.type === 'INCLUDE' ? matched : !matched;
}

function operatorHolds(filter: DimensionsFilter, value: CellValue): boolean {
  const text = value === null ? '' : String(value);
  const [first = '', second = ''] = filter.values;
  switch (filter.operator) {
    case 'EQUALS':
      return text === first;
    case 'CONTAINS':
      return text.includes(first);
    case 'REGEXP_PARTIAL_MATCH':
      return new RegExp(first).test(text);
    case 'REGEXP_EXACT_MATCH':
      return new RegExp(`^(?:${first})$`).test(text);
    case 'IN_LIST':
      return filter.values.includes(text);
    case 'IS_NULL':
      return value === null || text === '';
    case 'BETWEEN':
      return compare(text, first) >= 0 && compare(text, second) <= 0;
    case 'NUMERIC_GREATER_THAN':
      return Number(text) > Number(first);
    case 'NUMERIC_GREATER_THAN_OR_EQUAL':
      return Number(text) >= Number(first);
    case 'NUMERIC_LESS_THAN':
      return Number(text) < Number(first);
    case 'NUMERIC_LESS_THAN_OR_EQUAL':
      return Number(text) <= Number(first);
  }
}

/** Numbers compare as numbers, anything else (dates as YYYYMMDD) as text. */
function compare(left: string, right: string): number {
  const leftNumber = Number(left);
  const rightNumber = Number(right);
  if (left !== '' && right !== '' && Number.isFinite(leftNumber) && Number.isFinite(rightNumber))
    return leftNumber - rightNumber;
  return left < right ? -1 : left > right ? 1 : 0;
}

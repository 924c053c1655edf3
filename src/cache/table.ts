/**
 * The cache's unit of data: the catalog's Table (report rows column by column, one value per Jobber
 * record in every column). Serialised as compact JSON, gzipped and base64-encoded by the store.
 */
import type { CellValue, Table } from '../catalog';

const FORMAT_VERSION = 2;

export function fieldIdsOf(table: Table): string[] {
  return Object.keys(table.columns);
}

/** True when every id in `wanted` is among `held`. */
export function coversFields(held: readonly string[], wanted: readonly string[]): boolean {
  const heldSet = new Set(held);
  return wanted.every((id) => heldSet.has(id));
}

/** Field ids of `first` in order, then those of `more` not yet present (no duplicates). */
export function unionFields(first: readonly string[], ...more: (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const list of [first, ...more]) {
    for (const id of list) {
      if (!seen.has(id)) {
        seen.add(id);
        result.push(id);
      }
    }
  }
  return result;
}

/**
 * Only the columns `fieldIds`. Non-finite numbers become null, as they would after a JSON round
 * trip, so a hit and a miss return the same values.
 */
export function projectTable(table: Table, fieldIds: readonly string[]): Table {
  const columns: Record<string, readonly CellValue[]> = {};
  for (const id of fieldIds) {
    const column = table.columns[id];
    if (!column) throw new Error(`Table has no column "${id}".`);
    columns[id] = column.some(isNonFinite)
      ? column.map((value) => (isNonFinite(value) ? null : value))
      : column;
  }
  return { rowCount: table.rowCount, columns };
}

function isNonFinite(value: CellValue): boolean {
  return typeof value === 'number' && !Number.isFinite(value);
}

/** Throws when a table is not rectangular or holds values JSON cannot keep. */
export function assertTable(table: Table): void {
  if (!Number.isInteger(table.rowCount) || table.rowCount < 0)
    throw new Error('Table rowCount must be a whole number.');
  if (typeof table.columns !== 'object' || table.columns === null)
    throw new Error('Table columns must be an object.');
  for (const [id, column] of Object.entries(table.columns)) {
    if (!Array.isArray(column) || column.length !== table.rowCount || !column.every(isCellValue))
      throw new Error(
        `Table column "${id}" is not ${table.rowCount} values of string, number, boolean or null.`,
      );
  }
}

function isCellValue(value: unknown): value is CellValue {
  const type = typeof value;
  return value === null || type === 'string' || type === 'number' || type === 'boolean';
}

export function serialiseTable(table: Table): string {
  const fieldIds = fieldIdsOf(table);
  return JSON.stringify({
    v: FORMAT_VERSION,
    n: table.rowCount,
    f: fieldIds,
    c: fieldIds.map((id) => table.columns[id]),
  });
}

/** The table in `text`, or null when it is not a table this version wrote. */
export function parseTable(text: string): Table | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { v, n, f, c } = parsed as { v?: unknown; n?: unknown; f?: unknown; c?: unknown };
  if (v !== FORMAT_VERSION || typeof n !== 'number' || !Array.isArray(f) || !Array.isArray(c)) return null;
  if (f.length !== c.length || !f.every((id) => typeof id === 'string')) return null;
  const columns: Record<string, CellValue[]> = {};
  f.forEach((id: string, position) => (columns[id] = c[position] as CellValue[]));
  const table: Table = { rowCount: n, columns };
  try {
    assertTable(table);
  } catch {
    return null;
  }
  return table;
}

/**
 * The cache's unit of data: one row per Jobber record, one column per field id. Serialised as
 * compact JSON, then gzipped and base64-encoded by the store.
 */

export type CellValue = string | number | boolean | null;

export interface Table {
  readonly fieldIds: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
}

const FORMAT_VERSION = 1;

/** True when every id in `wanted` is a column of a table holding `held`. */
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
 * The columns `fieldIds` of `table`, in that order. Non-finite numbers become null, as they would
 * after a JSON round trip, so a hit and a miss return the same values.
 */
export function projectTable(table: Table, fieldIds: readonly string[]): Table {
  const columns = fieldIds.map((id) => {
    const column = table.fieldIds.indexOf(id);
    if (column < 0) throw new Error(`Table has no column "${id}".`);
    return column;
  });
  const rows = table.rows.map((row) => columns.map((column) => normaliseCell(row[column] ?? null)));
  return { fieldIds: [...fieldIds], rows };
}

function normaliseCell(value: CellValue): CellValue {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** Throws when a table a fetch returned is not rectangular or holds values JSON cannot keep. */
export function assertTable(table: Table): void {
  if (!Array.isArray(table.fieldIds) || !table.fieldIds.every((id) => typeof id === 'string'))
    throw new Error('Table fieldIds must be strings.');
  if (!Array.isArray(table.rows)) throw new Error('Table rows must be an array.');
  const width = table.fieldIds.length;
  table.rows.forEach((row, index) => {
    if (!Array.isArray(row) || row.length !== width || !row.every(isCellValue))
      throw new Error(`Table row ${index} is not ${width} cells of string, number, boolean or null.`);
  });
}

function isCellValue(value: unknown): value is CellValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

export function serialiseTable(table: Table): string {
  return JSON.stringify({ v: FORMAT_VERSION, f: table.fieldIds, r: table.rows });
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
  const { v, f, r } = parsed as { v?: unknown; f?: unknown; r?: unknown };
  if (v !== FORMAT_VERSION || !Array.isArray(f) || !Array.isArray(r)) return null;
  const table: Table = { fieldIds: f as string[], rows: r as CellValue[][] };
  try {
    assertTable(table);
  } catch {
    return null;
  }
  return table;
}

/** `text` cut into pieces of at most `pieceLength` characters (at least one piece). */
export function splitIntoPieces(text: string, pieceLength: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += pieceLength) {
    pieces.push(text.slice(start, start + pieceLength));
  }
  return pieces.length > 0 ? pieces : [''];
}

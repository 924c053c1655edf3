/**
 * Jobber nodes → report columns. Each field reads its value once per row and the value is put in
 * the form Looker Studio expects for the field's type: YYYYMMDD / YYYYMMDDHHmmss strings in the
 * account's zone, numbers as numbers, booleans as booleans, null when missing.
 */
import type { JsonObject } from '../jobber/api';
import { nodesOf } from './read';
import type { CatalogObject, CellValue, FieldDef, FieldType, RawValue, RowContext } from './types';

/** Formatted values by field id, one entry per row, rows in the same order in every column. */
export interface ReportTable {
  readonly rowCount: number;
  readonly columns: Readonly<Record<string, readonly CellValue[]>>;
}

type Formatter = (raw: RawValue, context: RowContext) => CellValue;

const asDay: Formatter = (raw, context) => (typeof raw === 'number' ? context.time.ymd(raw) : null);
const asMoment: Formatter = (raw, context) => (typeof raw === 'number' ? context.time.ymdhms(raw) : null);
const asNumeric: Formatter = (raw) => (typeof raw === 'number' && Number.isFinite(raw) ? raw : null);
const asFlag: Formatter = (raw) => (typeof raw === 'boolean' ? raw : null);
const asString: Formatter = (raw) => (raw === null ? null : typeof raw === 'string' ? raw : String(raw));

const FORMATTERS: Readonly<Record<FieldType, Formatter>> = {
  YEAR_MONTH_DAY: asDay,
  YEAR_MONTH_DAY_SECOND: asMoment,
  NUMBER: asNumeric,
  PERCENT: asNumeric,
  DURATION: asNumeric,
  CURRENCY: asNumeric,
  BOOLEAN: asFlag,
  TEXT: asString,
  URL: asString,
  CITY: asString,
  REGION: asString,
  COUNTRY: asString,
  LATITUDE_LONGITUDE: asString,
};

export function formatValue(field: FieldDef, raw: RawValue, context: RowContext): CellValue {
  return FORMATTERS[field.type](raw, context);
}

/** A row of a report: the node its own fields read, and the parent record for line items. */
export interface RowSource {
  readonly node: JsonObject;
  readonly parent: JsonObject;
}

/** Expands root nodes into rows: themselves, or their child items for line-item objects. */
export function rowSources(object: CatalogObject, rootNodes: readonly JsonObject[]): RowSource[] {
  const rows: RowSource[] = [];
  const childField = object.rowsFrom;
  for (const parent of rootNodes) {
    if (childField === undefined) rows.push({ node: parent, parent });
    else for (const node of nodesOf(parent[childField])) rows.push({ node, parent });
  }
  return rows;
}

export function buildTable(
  fields: readonly FieldDef[],
  rows: readonly RowSource[],
  context: RowContext,
): ReportTable {
  const columns: Record<string, CellValue[]> = {};
  for (const field of fields) {
    const format = FORMATTERS[field.type];
    const { read } = field;
    const fromParent = field.scope === 'parent';
    const column = new Array<CellValue>(rows.length);
    let index = 0;
    for (const row of rows)
      column[index++] = format(read(fromParent ? row.parent : row.node, context), context);
    columns[field.id] = column;
  }
  return { rowCount: rows.length, columns };
}

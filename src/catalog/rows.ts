/**
 * Jobber nodes → report columns. Each field reads its value once per row and the value is put in
 * the form Looker Studio expects for the field's type: YYYYMMDD / YYYYMMDDHHmmss strings in the
 * account's zone, numbers as numbers, booleans as booleans, null when missing.
 */
import type { JsonObject } from '../json';
import { nodesOf } from './read';
import type { CatalogObject, CellValue, FieldDef, FieldType, RawValue, RowContext, Table } from './types';

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

/**
 * The rows of a report: row i reads its own fields from `nodes[i]` and, for line items, its
 * parent record's fields from `parents[i]`. For other objects both are the same array, so building
 * rows allocates nothing per record.
 */
export interface RowSources {
  readonly nodes: readonly JsonObject[];
  readonly parents: readonly JsonObject[];
}

/** Expands root nodes into rows: themselves, or their child items for line-item objects. */
export function rowSources(object: CatalogObject, rootNodes: readonly JsonObject[]): RowSources {
  const childField = object.rowsFrom;
  if (childField === undefined) return { nodes: rootNodes, parents: rootNodes };
  const nodes: JsonObject[] = [];
  const parents: JsonObject[] = [];
  for (const parent of rootNodes)
    for (const node of nodesOf(parent[childField])) {
      nodes.push(node);
      parents.push(parent);
    }
  return { nodes, parents };
}

export function buildTable(fields: readonly FieldDef[], rows: RowSources, context: RowContext): Table {
  const columns: Record<string, CellValue[]> = {};
  const rowCount = rows.nodes.length;
  for (const field of fields) {
    const format = FORMATTERS[field.type];
    const { read } = field;
    const sources = field.scope === 'parent' ? rows.parents : rows.nodes;
    const column = new Array<CellValue>(rowCount);
    for (let index = 0; index < rowCount; index++) {
      const source = sources[index];
      column[index] = source === undefined ? null : format(read(source, context), context);
    }
    columns[field.id] = column;
  }
  return { rowCount, columns };
}

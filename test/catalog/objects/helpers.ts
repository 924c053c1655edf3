/** Helpers for the per-object specifications: rows from sample nodes, as getData would format them. */
import { findField } from '../../../src/catalog/catalog';
import { buildObjectQuery } from '../../../src/catalog/query';
import { buildTable, rowSources } from '../../../src/catalog/rows';
import type { CatalogObject, CellValue, FieldDef, RowContext } from '../../../src/catalog/types';
import { ZonedTime } from '../../../src/catalog/zoned-time';
import type { JsonObject } from '../../../src/jobber/api';
import { countingFormatDate } from '../../support/format-date';

export const TIME_ZONE = 'America/Denver';

/** A row context in Denver whose "today" is the given local date. */
export function contextOn(today: string): RowContext {
  const time = new ZonedTime(countingFormatDate(), TIME_ZONE);
  const [year, month, day] = today.split('-').map(Number);
  return { time, today: time.localDay(time.startOfLocalDate(year ?? 0, month ?? 0, day ?? 0)) };
}

export function fieldsOf(object: CatalogObject, ids: readonly string[]): FieldDef[] {
  return ids.map((id) => {
    const field = findField(object, id);
    if (!field) throw new Error(`${object.id} has no field ${id}`);
    return field;
  });
}

/** Every row the nodes yield, as objects keyed by field id. */
export function rowsOf(
  object: CatalogObject,
  nodes: readonly object[],
  context: RowContext = contextOn('2024-06-15'),
  ids: readonly string[] = object.fields.map((field) => field.id),
): Array<Record<string, CellValue>> {
  // Fixtures are plain JSON literals; their inferred types are narrower than JsonObject.
  const table = buildTable(fieldsOf(object, ids), rowSources(object, nodes as JsonObject[]), context);
  return Array.from({ length: table.rowCount }, (_, index) =>
    Object.fromEntries(ids.map((id) => [id, table.columns[id]?.[index] ?? null])),
  );
}

export function onlyRow(
  object: CatalogObject,
  node: object,
  context?: RowContext,
): Record<string, CellValue> {
  const [row, ...rest] = rowsOf(object, [node], context);
  if (!row || rest.length > 0) throw new Error('expected exactly one row');
  return row;
}

/** The root query's document for some fields, without a filter. */
export function documentFor(object: CatalogObject, ids: readonly string[]): string {
  return buildObjectQuery(object, fieldsOf(object, ids), undefined).root.document;
}

/** Values for fields whose node carries nothing: what a sparse record looks like in a report. */
export function emptyRow(object: CatalogObject): Record<string, CellValue> {
  return onlyRow(object, { id: 'MQ==' });
}

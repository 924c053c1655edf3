/** The catalog's public surface: what the rest of the connector may use. */
export { CATALOG, findField, findObject } from './catalog';
export { filterValueOfLabel } from './enums';
export {
  buildObjectQuery,
  buildPathQuery,
  pathsCost,
  selectionPaths,
  type NestedConnection,
  type ObjectQuery,
} from './query';
export { buildTable, rowSources } from './rows';
export type {
  CatalogObject,
  CellValue,
  DateOption,
  FieldDef,
  Pushdown,
  Replication,
  RowContext,
  Table,
} from './types';
export { DAY_MS, daysFromCivil } from './iso-dates';
export { ZonedTime } from './zoned-time';
export { dateFilter, dateMarginMs, isoSeconds, type TimeWindow } from './date-filter';

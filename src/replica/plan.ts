/**
 * What a replica of one catalog object is made of: how Jobber shows that its records changed, which
 * date fields its coverage is kept on, and how a part of a date field's timeline is asked for.
 * Built from the object's catalog entry, so a new object needs no code here.
 */
import { dateFilter, dateMarginMs, findField, selectionPaths } from '../catalog';
import type { CatalogObject, DateOption, FieldDef, Replication, RowContext } from '../catalog';
import type { JsonObject } from '../json';
import { selectionOf, type ColumnSelection } from './columns';
import { EVERYTHING, NARROWEST_SLICE_MS, type Interval } from './coverage';

/** The coverage key of objects read whole: they have no date to slice on. */
export const WHOLE = 'whole';

export interface ReplicatedObject {
  readonly object: CatalogObject;
  readonly replication: Replication;
  /** The date value (epoch ms) of a record's root node for a coverage key; null when it has none. */
  dateOf(key: string, node: JsonObject, context: RowContext): number | null;
  /** The root filter that reads at least every record whose date at `key` lies in `interval`. */
  filterFor(key: string, interval: Interval): JsonObject | undefined;
  /**
   * The narrowest slice of `key` worth cutting in two: the filter is widened by a margin on each
   * side (a day for dates, a minute for timestamps), so halves narrower than it read the same records.
   */
  narrowestSliceMs(key: string): number;
  /** The coverage key and interval that hold every record a report window needs. */
  coverageFor(dateOption: DateOption | undefined, window: Interval | undefined): Need['coverage'];
  /**
   * The columns that answer these fields over a coverage key: their paths, the record id, the key's
   * date and the date the object's change signal compares.
   */
  selectionFor(fields: readonly FieldDef[], key: string): ColumnSelection;
}

export interface Need {
  readonly selection: ColumnSelection;
  readonly coverage: { readonly key: string; readonly interval: Interval };
}

export function replicatedObject(object: CatalogObject, replication: Replication): ReplicatedObject {
  const optionOf = (key: string): DateOption => {
    const option = object.dateOptions.find((candidate) => candidate.fieldId === key);
    if (!option || option.filterArgument === undefined)
      throw new Error(`${object.id}: ${key} is not a date Jobber can filter on`);
    return option;
  };
  const fieldOf = (key: string): FieldDef => {
    const field = findField(object, key);
    if (!field) throw new Error(`${object.id} has no field ${key}`);
    return field;
  };
  const slicingKey = replication.sliceBy ?? WHOLE;
  const coverageKeys = (option: DateOption | undefined): string =>
    option === undefined || option.filterArgument === undefined ? slicingKey : option.fieldId;
  return {
    object,
    replication,
    dateOf: (key, node, context) => {
      if (key === WHOLE) return 0;
      const value = fieldOf(key).read(node, context);
      return typeof value === 'number' ? value : null;
    },
    filterFor: (key, interval) => {
      if (key === WHOLE) return undefined;
      const filter = dateFilter(optionOf(key), interval);
      return Object.keys(filter).length > 0 ? filter : undefined;
    },
    narrowestSliceMs: (key) => (key === WHOLE ? NARROWEST_SLICE_MS : 2 * dateMarginMs(optionOf(key))),
    coverageFor: (dateOption, window) => {
      const key = coverageKeys(dateOption);
      if (key === WHOLE || dateOption === undefined || window === undefined || key !== dateOption.fieldId)
        return { key, interval: EVERYTHING };
      const margin = dateMarginMs(dateOption);
      return { key, interval: { start: window.start - margin, end: window.end + margin } };
    },
    selectionFor: (fields, key) => {
      const dates = [
        ...(key === WHOLE ? [] : [key]),
        ...(replication.changes.kind === 'newestFirst' ? [replication.changes.dateField] : []),
      ];
      const paths = selectionPaths(object, [...fields, ...dates.map(fieldOf)]).filter(
        (path) => path !== '__typename',
      );
      // A related record the copy follows must carry its id, to know which values to patch.
      const relatedIds = (replication.related ?? [])
        .filter((related) => paths.some((path) => path.startsWith(`${related.field}.`)))
        .map((related) => `${related.field}.id`);
      return selectionOf(['id', ...paths, ...relatedIds]);
    },
  };
}

/**
 * What a backfill's progress counts, in words: the object's records, or for line items the parent
 * records they are read with ("invoices with their line items"), which are what Jobber counts.
 */
export function countedRecords(object: CatalogObject): string {
  if (object.rowsFrom === undefined) return object.label.toLowerCase();
  const rows = object.rowsFrom.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
  return `${object.root.connection} with their ${rows}`;
}

/**
 * The shape of the catalog: what a report field and a reportable Jobber object are. Every object
 * module in `objects/` is plain data built from these types, so one entry yields the schema field,
 * the GraphQL selection it needs and the value it puts in a row.
 */
import type { JsonObject, JsonValue } from '../json';
import type { EnumName } from './enums';
import type { ZonedTime } from './zoned-time';

/** The Looker Studio field types this connector uses. CURRENCY becomes CURRENCY_<code> per report. */
export type FieldType =
  | 'TEXT'
  | 'NUMBER'
  | 'BOOLEAN'
  | 'PERCENT'
  | 'DURATION'
  | 'CURRENCY'
  | 'URL'
  | 'CITY'
  | 'REGION'
  | 'COUNTRY'
  | 'LATITUDE_LONGITUDE'
  | 'YEAR_MONTH_DAY'
  | 'YEAR_MONTH_DAY_SECOND';

export type Concept = 'DIMENSION' | 'METRIC';

export type Aggregation = 'SUM' | 'AVG' | 'MIN' | 'MAX' | 'COUNT_DISTINCT';

/** A value as it leaves in a getData row (and as the cache stores it). */
export type CellValue = string | number | boolean | null;

/** A value as a field reads it, before formatting: dates as epoch milliseconds, the rest as Looker wants it. */
export type RawValue = CellValue;

/**
 * Report rows column by column (what the row builder produces, the cache stores and getData
 * projects): field id → one value per row, rows in the same order in every column.
 */
export interface Table {
  readonly rowCount: number;
  readonly columns: Readonly<Record<string, readonly CellValue[]>>;
}

/** What a field may need besides its node while reading a value. */
export interface RowContext {
  readonly time: ZonedTime;
  /** Today in the account's time zone, as a local day number (see ZonedTime.localDay). */
  readonly today: number;
}

/** Which node a field reads: the row's own node, or (for line items) the parent record. */
export type Scope = 'node' | 'parent';

/** An exact-match filter Jobber can apply for this field. */
export type Pushdown =
  | { readonly kind: 'enum'; readonly argument: string; readonly enumName: EnumName }
  /** `idType`: the Jobber type the id names (Client, User, Property), as in `gid://Jobber/Client/1`. */
  | { readonly kind: 'id'; readonly argument: string; readonly idType: string }
  | { readonly kind: 'boolean'; readonly argument: string };

export interface FieldDef {
  /** Public contract: reports store it. Never rename once released. */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly group: string;
  readonly type: FieldType;
  readonly concept: Concept;
  readonly aggregation?: Aggregation;
  readonly scope: Scope;
  /** GraphQL paths (dot-separated, relative to the scope's node) the value needs. */
  readonly select: readonly string[];
  readonly read: (node: JsonObject, context: RowContext) => RawValue;
  readonly pushdown?: Pushdown;
  /** For fields showing a Jobber enum by its label: which enum (for documentation). */
  readonly enumName?: EnumName;
}

/** A date the report's date range can apply to. */
export interface DateOption {
  /** The id of the date field it applies to; also the `dateField` config value. */
  readonly fieldId: string;
  readonly label: string;
  /**
   * How Jobber narrows the read to the window: the root filter's argument that takes an
   * Iso8601DateTimeRangeInput or, when Jobber has no such filter for this date, the root query's
   * sort that lists records newest first (read until the records are older than the window).
   * Exactly one is set.
   */
  readonly filterArgument?: string;
  readonly newestFirst?: JsonValue;
  /** Date-like values (issued, due, entry dates) are widened by a day; timestamps by a minute. */
  readonly precision: 'date' | 'timestamp';
}

/** The root query an object is read from. */
export interface RootQuery {
  /** The connection on Query, e.g. `invoices`. */
  readonly connection: string;
  /** The singular query that re-reads one record's nested lists, e.g. `invoice(id:)`; needed only
   * by objects whose fields select a nested connection. */
  readonly singular?: string;
  /** The GraphQL type of the connection's `filter` argument, when it has one. */
  readonly filterType?: string;
  /** The GraphQL type of its `sort` argument, when a date option reads newest first. */
  readonly sortType?: string;
}

export interface CatalogObject {
  /** Public contract: the `object` config value. */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly root: RootQuery;
  /** For line items: the connection on each root node whose nodes are the rows. */
  readonly rowsFrom?: string;
  /** Empty when the object has no date Jobber can filter on. */
  readonly dateOptions: readonly DateOption[];
  /** Whether "all time" (no date range) is offered. */
  readonly allTime: boolean;
  readonly fields: readonly FieldDef[];
  readonly defaultDimension: string;
  readonly defaultMetric: string;
  /** How the private copy keeps this object current (docs/replica.md); absent: live reads only. */
  readonly replication?: Replication;
}

/** How Jobber shows that a record changed (docs/replica.md, "Reading only what changed"). */
export type ChangeSignal =
  /** Records whose date at one of these root filter arguments is after the watermark. */
  | { readonly kind: 'since'; readonly arguments: readonly string[] }
  /** The root query sorted by last update, newest first, read until older than the watermark. */
  | { readonly kind: 'newestFirst'; readonly sort: JsonValue; readonly dateField: string }
  /**
   * Sorted by last update, newest first, but without a date to compare (payment records have no
   * updatedAt): read until a whole page holds only records the replica has, unchanged.
   */
  | { readonly kind: 'newestFirstUntilKnown'; readonly sort: JsonValue }
  /** No signal and few records: everything is read again on every sync. */
  | { readonly kind: 'everything' };

export interface Replication {
  readonly changes: ChangeSignal;
  /**
   * The date option (never null, filterable) an all-time read is sliced on; absent for objects read
   * whole (the `everything` signal).
   */
  readonly sliceBy?: string;
  /**
   * Root filter arguments (date ranges) whose passing changes values Jobber derives from the clock
   * (Today, Late, Past due): records in the window the clock moved through are read again.
   */
  readonly clockFilters?: readonly string[];
  /**
   * Records read through this one (a client's name on an invoice) whose changes do not move this
   * record's own signal: the copy reads them when they change and patches the values it holds.
   */
  readonly related?: readonly RelatedChanges[];
}

/** A related record kept current by its own change signal (docs/replica.md). */
export interface RelatedChanges {
  /** The field on this object's record that holds the related one, e.g. `client`. */
  readonly field: string;
  /** The catalog object whose root connection lists the related records, e.g. `clients`. */
  readonly object: string;
  /** The related object's root filter argument that finds changed records, e.g. `updatedAt`. */
  readonly argument: string;
}

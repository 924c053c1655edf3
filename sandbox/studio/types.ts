/** The JSON Looker Studio exchanges with a community connector (looker-studio.md §2–§5). */

export type ConfigType = 'TEXTINPUT' | 'TEXTAREA' | 'SELECT_SINGLE' | 'SELECT_MULTIPLE' | 'CHECKBOX' | 'INFO';

export interface ConfigEntry {
  readonly type: ConfigType;
  readonly name: string;
  readonly displayName?: string;
  readonly helpText?: string;
  readonly placeholder?: string;
  readonly text?: string;
  readonly isDynamic?: boolean;
  readonly parameterControl?: { readonly allowOverride?: boolean };
  readonly options?: ReadonlyArray<{ readonly label: string; readonly value: string }>;
}

export interface ConfigResponse {
  readonly configParams: readonly ConfigEntry[];
  readonly dateRangeRequired?: boolean;
  readonly isSteppedConfig?: boolean;
}

/** Values as Looker Studio sends them: strings, checkboxes as booleans. */
export type ConfigParams = Readonly<Record<string, string | boolean>>;

export interface SchemaField {
  readonly name: string;
  readonly label: string;
  readonly dataType: 'STRING' | 'NUMBER' | 'BOOLEAN';
  readonly description?: string;
  readonly group?: string;
  readonly formula?: string;
  readonly isDefault?: boolean;
  readonly isHidden?: boolean;
  readonly defaultAggregationType?: string;
  readonly semantics: {
    readonly conceptType: 'DIMENSION' | 'METRIC';
    readonly semanticType: string;
    readonly semanticGroup?: string;
    readonly isReaggregatable?: boolean;
  };
}

export interface SchemaResponse {
  readonly schema: readonly SchemaField[];
}

export type FilterOperator =
  | 'EQUALS'
  | 'CONTAINS'
  | 'REGEXP_PARTIAL_MATCH'
  | 'REGEXP_EXACT_MATCH'
  | 'IN_LIST'
  | 'IS_NULL'
  | 'BETWEEN'
  | 'NUMERIC_GREATER_THAN'
  | 'NUMERIC_GREATER_THAN_OR_EQUAL'
  | 'NUMERIC_LESS_THAN'
  | 'NUMERIC_LESS_THAN_OR_EQUAL';

export interface DimensionsFilter {
  readonly fieldName: string;
  readonly values: readonly string[];
  readonly type: 'INCLUDE' | 'EXCLUDE';
  readonly operator: FilterOperator;
}

export interface DateRange {
  readonly startDate: string;
  readonly endDate: string;
}

export interface GetDataRequest {
  readonly configParams: ConfigParams;
  readonly scriptParams: { readonly lastRefresh: string; readonly sampleExtraction?: boolean };
  readonly dateRange?: DateRange;
  readonly fields: ReadonlyArray<{ readonly name: string; readonly forFilterOnly?: boolean }>;
  /** Outer entries are ANDed, inner ones ORed. */
  readonly dimensionsFilters?: ReadonlyArray<readonly DimensionsFilter[]>;
}

export type CellValue = string | number | boolean | null;

export interface GetDataResponse {
  readonly schema: readonly SchemaField[];
  readonly rows: ReadonlyArray<{ readonly values: readonly CellValue[] }>;
  readonly filtersApplied?: boolean;
}

/** What a chart asks for; the driver turns it into the request Looker Studio would send. */
export interface ChartSpec {
  /** For reports: a name to tell charts apart. */
  readonly name?: string;
  /** The chart's fields in chart order (dimensions, then metrics, as Looker Studio lists them). */
  readonly fields: readonly string[];
  /** Fields used only by a filter on the chart or report (sent with forFilterOnly: true). */
  readonly filterOnly?: readonly string[];
  readonly filters?: ReadonlyArray<readonly DimensionsFilter[]>;
  /** Default: the last 28 days, today excluded (only sent when the config requires a date range). */
  readonly dateRange?: DateRange;
  /** Semantic type detection call: one day, today − 2. */
  readonly sampleExtraction?: boolean;
  /** ms epoch; changes when the user forces a refresh. Default: the runtime's now. */
  readonly lastRefresh?: number;
}

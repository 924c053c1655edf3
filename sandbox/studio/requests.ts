import type {
  ChartSpec,
  ConfigParams,
  ConfigResponse,
  DateRange,
  GetDataRequest,
  SchemaField,
} from './types';

const DAY_MS = 86_400_000;

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function dateIn(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(epochMs));
}

export function addDays(date: string, days: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Looker Studio's default: the last 28 days, today excluded. */
export function defaultDateRange(today: string): DateRange {
  return { startDate: addDays(today, -28), endDate: addDays(today, -1) };
}

/** Semantic type detection asks for one day: today − 2. */
export function sampleDateRange(today: string): DateRange {
  const day = addDays(today, -2);
  return { startDate: day, endDate: day };
}

export interface RequestContext {
  readonly configParams: ConfigParams;
  readonly config: ConfigResponse;
  readonly schema: readonly SchemaField[];
  /** The data source's current lastRefresh stamp (ms epoch); a chart may override it. */
  readonly lastRefresh: number;
  readonly today: string;
}

/** The getData request Looker Studio sends for a chart. */
export function chartRequest(chart: ChartSpec, context: RequestContext): GetDataRequest {
  checkFields(chart, context.schema);
  const filterOnly = (chart.filterOnly ?? []).map((name) => ({ name, forFilterOnly: true }));
  const dateRange = chart.sampleExtraction
    ? sampleDateRange(context.today)
    : (chart.dateRange ?? defaultDateRange(context.today));
  return {
    configParams: context.configParams,
    scriptParams: {
      lastRefresh: String(chart.lastRefresh ?? context.lastRefresh),
      ...(chart.sampleExtraction ? { sampleExtraction: true } : {}),
    },
    ...(context.config.dateRangeRequired ? { dateRange } : {}),
    fields: [...chart.fields.map((name) => ({ name })), ...filterOnly],
    ...(chart.filters && chart.filters.length > 0 ? { dimensionsFilters: chart.filters } : {}),
  };
}

/** A chart can only use fields of the data source, each once. */
function checkFields(chart: ChartSpec, schema: readonly SchemaField[]): void {
  const names = [...chart.fields, ...(chart.filterOnly ?? [])];
  const which = chart.name ? `Chart "${chart.name}"` : 'The chart';
  const unknown = names.filter((name) => !schema.some((field) => field.name === name));
  if (unknown.length > 0) throw new Error(`${which} uses fields the schema lacks: ${unknown.join(', ')}`);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) throw new Error(`${which} lists the field ${repeated} twice`);
  if (chart.fields.length === 0) throw new Error(`${which} has no fields`);
}

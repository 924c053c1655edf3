/**
 * The chart the playground draws for a getData answer, aggregated here so the page only draws:
 * a time series when a date dimension and a metric are picked, a bar chart otherwise (metric by
 * the first dimension, record counts when no metric, one bar per metric when no dimension).
 * Metrics aggregate with their default aggregation, as Looker Studio re-aggregates returned rows.
 */
import type { CellValue, GetDataResponse, SchemaField } from '../studio';
import { displayValue, isDateField } from './format';

export interface ChartPoint {
  readonly label: string;
  readonly value: number;
}

export type ChartModel =
  | {
      readonly kind: 'timeseries';
      readonly title: string;
      readonly granularity: 'day' | 'month';
      readonly points: readonly ChartPoint[];
    }
  | {
      readonly kind: 'bar';
      readonly title: string;
      readonly bars: readonly ChartPoint[];
      readonly others: number;
    }
  | { readonly kind: 'none'; readonly title: string };

const MAX_BARS = 15;
/** Longer periods are drawn by month, as a daily line over a year is only noise. */
const MAX_DAILY_SPAN = 92;

interface Column {
  readonly field: SchemaField;
  readonly index: number;
}

export function chartFor(response: GetDataResponse): ChartModel {
  const columns = response.schema.map((field, index) => ({ field, index }));
  const metric = columns.find(({ field }) => field.semantics.conceptType === 'METRIC');
  const dimensions = columns.filter(({ field }) => field.semantics.conceptType === 'DIMENSION');
  const date = dimensions.find(({ field }) => isDateField(field));
  if (response.rows.length === 0) return { kind: 'none', title: 'No rows in this date range' };
  if (date && metric) return timeSeries(response, date, metric);
  const category = dimensions.find((column) => column !== date) ?? date;
  if (category) return categoryBars(response, category, metric);
  return metricBars(response, columns);
}

function timeSeries(response: GetDataResponse, date: Column, metric: Column): ChartModel {
  const days = groupBy(response, (values) => dayOf(values[date.index]), metric);
  const granularity = spanInDays([...days.keys()]) > MAX_DAILY_SPAN ? 'month' : 'day';
  const groups =
    granularity === 'day'
      ? days
      : groupBy(response, (values) => dayOf(values[date.index])?.slice(0, 7), metric);
  const points = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, values]) => ({ label, value: aggregate(values, metric.field) }));
  return { kind: 'timeseries', title: `${metric.field.label} by ${date.field.label}`, granularity, points };
}

function categoryBars(response: GetDataResponse, category: Column, metric: Column | undefined): ChartModel {
  const groups = groupBy(
    response,
    (values) => displayValue(values[category.index] ?? null, category.field) || '(blank)',
    metric,
  );
  const bars = [...groups.entries()]
    .map(([label, values]) => ({ label, value: metric ? aggregate(values, metric.field) : values.length }))
    .sort((a, b) => b.value - a.value);
  const what = metric ? metric.field.label : 'Records';
  return {
    kind: 'bar',
    title: `${what} by ${category.field.label}`,
    bars: bars.slice(0, MAX_BARS),
    others: Math.max(0, bars.length - MAX_BARS),
  };
}

function metricBars(response: GetDataResponse, columns: readonly Column[]): ChartModel {
  const bars = columns.map(({ field, index }) => ({
    label: field.label,
    value: aggregate(
      response.rows.map((row) => row.values[index] ?? null),
      field,
    ),
  }));
  return {
    kind: 'bar',
    title: 'Totals',
    bars: bars.slice(0, MAX_BARS),
    others: Math.max(0, bars.length - MAX_BARS),
  };
}

/** Rows grouped by key; each group holds the metric's values (or one null per row without a metric). */
function groupBy(
  response: GetDataResponse,
  keyOf: (values: readonly CellValue[]) => string | undefined,
  metric: Column | undefined,
): Map<string, CellValue[]> {
  const groups = new Map<string, CellValue[]>();
  for (const row of response.rows) {
    const key = keyOf(row.values);
    if (key === undefined) continue;
    const group = groups.get(key) ?? [];
    group.push(metric ? (row.values[metric.index] ?? null) : null);
    groups.set(key, group);
  }
  return groups;
}

function spanInDays(days: readonly string[]): number {
  const times = days.map((day) => Date.parse(day));
  if (times.length === 0) return 0;
  const first = times.reduce((least, time) => Math.min(least, time));
  const last = times.reduce((most, time) => Math.max(most, time));
  return (last - first) / 86_400_000;
}

/** YYYY-MM-DD of a compact date value (YYYYMMDD…), or undefined for blanks. */
function dayOf(value: CellValue | undefined): string | undefined {
  if (typeof value !== 'string' || !/^\d{8}/.test(value)) return undefined;
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}

export function aggregate(values: readonly CellValue[], field: SchemaField): number {
  const present = values.filter((value) => value !== null && value !== '');
  const numbers = present.map(Number).filter((value) => Number.isFinite(value));
  switch (field.defaultAggregationType) {
    case 'COUNT':
      return present.length;
    case 'COUNT_DISTINCT':
      return new Set(present.map(String)).size;
    case 'AVG':
      return numbers.length === 0
        ? 0
        : round(numbers.reduce((sum, value) => sum + value, 0) / numbers.length);
    case 'MIN':
      return numbers.reduce((least, value) => Math.min(least, value), numbers[0] ?? 0);
    case 'MAX':
      return numbers.reduce((most, value) => Math.max(most, value), numbers[0] ?? 0);
    default:
      return round(numbers.reduce((sum, value) => sum + value, 0));
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

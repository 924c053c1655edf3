/** getData's request, checked at the edge: anything malformed becomes a user error saying what to fix. */
import { DAY_MS, daysFromCivil, findField } from '../catalog';
import type { FieldDef } from '../catalog';
import { invertedDateRange, missingDateRange, noFields, notADate, unknownField } from '../errors';
import { isJsonObject } from '../json';
import { configParamsOf, parseReportConfig, type ReportConfig } from './config-params';

export interface RequestedField {
  readonly field: FieldDef;
  readonly forFilterOnly: boolean;
}

/** A calendar date range in the account's time zone, both ends included. */
export interface CalendarRange {
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
}

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface DataRequest {
  readonly config: ReportConfig;
  readonly fields: readonly RequestedField[];
  /** Present exactly when the configuration applies a date range. */
  readonly range: CalendarRange | undefined;
  /** Looker Studio's dimensionsFilters, unchecked: filters.ts decides what can be pushed down. */
  readonly dimensionsFilters: unknown;
  readonly sampleExtraction: boolean;
  /** Changes when the user refreshes the report's data (scriptParams.lastRefresh). */
  readonly lastRefresh: string | undefined;
}

export function parseDataRequest(request: unknown): DataRequest {
  const body = isJsonObject(request) ? request : {};
  const config = parseReportConfig(configParamsOf(request));
  const scriptParams = isJsonObject(body['scriptParams']) ? body['scriptParams'] : {};
  const lastRefresh = scriptParams['lastRefresh'];
  return {
    config,
    fields: parseFields(config, body['fields']),
    range: config.dateOption ? parseRange(body['dateRange']) : undefined,
    dimensionsFilters: body['dimensionsFilters'],
    sampleExtraction: scriptParams['sampleExtraction'] === true,
    lastRefresh:
      typeof lastRefresh === 'string' || typeof lastRefresh === 'number' ? String(lastRefresh) : undefined,
  };
}

function parseFields(config: ReportConfig, value: unknown): RequestedField[] {
  if (!Array.isArray(value) || value.length === 0) throw noFields();
  return value.map((entry) => {
    const name = isJsonObject(entry) ? entry['name'] : undefined;
    const field = typeof name === 'string' ? findField(config.object, name) : undefined;
    if (!field) throw unknownField(name, config.object);
    return { field, forFilterOnly: isJsonObject(entry) && entry['forFilterOnly'] === true };
  });
}

function parseRange(value: unknown): CalendarRange {
  if (!isJsonObject(value) || value['startDate'] === undefined || value['endDate'] === undefined)
    throw missingDateRange();
  const startDate = parseCalendarDate(value['startDate']);
  const endDate = parseCalendarDate(value['endDate']);
  if (compareDates(startDate, endDate) > 0) throw invertedDateRange(value['startDate'], value['endDate']);
  return { startDate, endDate };
}

function parseCalendarDate(value: unknown): CalendarDate {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  const [, year, month, day] = match ?? [];
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  if (!match || !isRealDate(date)) throw notADate(value);
  return date;
}

/** A Gregorian date of years 1 to 9999 (not Date.UTC, which reads years 0-99 as 1900-1999). */
function isRealDate({ year, month, day }: CalendarDate): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(daysFromCivil(year, month, day) * DAY_MS);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function compareDates(left: CalendarDate, right: CalendarDate): number {
  return daysFromCivil(left.year, left.month, left.day) - daysFromCivil(right.year, right.month, right.day);
}

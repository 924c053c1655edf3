/**
 * The report's date range → the instants it covers in the account's time zone, and the Jobber
 * filter that reads them.
 *
 * Jobber does not say whether `after`/`before` are inclusive, nor in which zone it compares
 * date-like fields (issued, due, entry dates), and the sandbox treats the bounds as exclusive. So the
 * filter is widened (a day for date-like fields, a minute for timestamps) and rows are cut exactly
 * to [start of the first day, start of the day after the last) on our side.
 */
import type { JsonObject } from '../json';
import type { DateOption } from '../catalog';
import { DAY_MS, daysFromCivil, type ZonedTime } from '../catalog';
import type { CalendarRange } from './data-request';

export const DATE_MARGIN_MS = DAY_MS;
export const TIMESTAMP_MARGIN_MS = 60_000;
/** The instants an ISO 8601 datetime with a four-digit year can name, all Jobber's filters accept. */
export const FIRST_FILTERABLE_MS = Date.parse('0001-01-01T00:00:00Z');
export const LAST_FILTERABLE_MS = Date.parse('9999-12-31T23:59:59Z');

/** Epoch ms: `start` included, `end` excluded. */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

export function timeWindow(range: CalendarRange, time: ZonedTime): TimeWindow {
  const { startDate, endDate } = range;
  const dayAfterEnd = new Date((daysFromCivil(endDate.year, endDate.month, endDate.day) + 1) * DAY_MS);
  return {
    start: time.startOfLocalDate(startDate.year, startDate.month, startDate.day),
    end: time.startOfLocalDate(
      dayAfterEnd.getUTCFullYear(),
      dayAfterEnd.getUTCMonth() + 1,
      dayAfterEnd.getUTCDate(),
    ),
  };
}

/**
 * `{ issuedDate: { after, before } }`: the root filter that reads at least the window, or nothing
 * when Jobber cannot filter on this date (the read then goes newest first, see fetch-table.ts).
 */
export function dateFilter(option: DateOption, window: TimeWindow): JsonObject {
  if (option.filterArgument === undefined) return {};
  const margin = option.precision === 'date' ? DATE_MARGIN_MS : TIMESTAMP_MARGIN_MS;
  const after = window.start - margin;
  const before = window.end + margin;
  // A bound Jobber's ISO8601DateTime cannot carry (a range from year 1, or to 9999-12-30 or -31) is
  // left out: Jobber then reads everything on that side, and the rows are still cut to the window.
  const range = {
    ...(after >= FIRST_FILTERABLE_MS ? { after: isoSeconds(after) } : {}),
    ...(before <= LAST_FILTERABLE_MS ? { before: isoSeconds(before) } : {}),
  };
  return Object.keys(range).length > 0 ? { [option.filterArgument]: range } : {};
}

export function inWindow(epochMs: number | null, window: TimeWindow): boolean {
  return epochMs !== null && epochMs >= window.start && epochMs < window.end;
}

function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The report's date range → the instants it covers in the account's time zone,
 * [start of the first day, start of the day after the last), and the Jobber filter that reads them
 * (catalog/date-filter.ts).
 */
import { DAY_MS, daysFromCivil, type TimeWindow, type ZonedTime } from '../catalog';
import type { CalendarRange } from './data-request';

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

export function inWindow(epochMs: number | null, window: TimeWindow): boolean {
  return epochMs !== null && epochMs >= window.start && epochMs < window.end;
}

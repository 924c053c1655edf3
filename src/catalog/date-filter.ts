/**
 * The Jobber root filter that reads at least a window of a date option: one source for the live
 * path (connector/date-window.ts) and the private copy (replica/plan.ts).
 *
 * Jobber does not say whether `after`/`before` are inclusive, nor in which zone it compares
 * date-like fields (issued, due, entry dates), and the sandbox treats the bounds as exclusive. So the
 * filter is widened (a day for date-like fields, a minute for timestamps) and rows are cut exactly
 * to the window on the connector's side.
 */
import type { JsonObject } from '../json';
import { DAY_MS } from './iso-dates';
import type { DateOption } from './types';

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

/** How far a filter on this date option is widened around the window. */
export function dateMarginMs(option: DateOption): number {
  return option.precision === 'date' ? DATE_MARGIN_MS : TIMESTAMP_MARGIN_MS;
}

/**
 * `{ issuedDate: { after, before } }`: the root filter that reads at least the window, or nothing
 * when Jobber cannot filter on this date. A bound Jobber's ISO8601DateTime cannot carry (a range
 * from year 1, or to 9999-12-30 or -31, or the copy's whole timeline) is left out: Jobber then reads
 * everything on that side, and the rows are still cut to the window.
 */
export function dateFilter(option: DateOption, window: TimeWindow): JsonObject {
  if (option.filterArgument === undefined) return {};
  const margin = dateMarginMs(option);
  const after = window.start - margin;
  const before = window.end + margin;
  const range = {
    ...(after >= FIRST_FILTERABLE_MS ? { after: isoSeconds(after) } : {}),
    ...(before <= LAST_FILTERABLE_MS ? { before: isoSeconds(before) } : {}),
  };
  return Object.keys(range).length > 0 ? { [option.filterArgument]: range } : {};
}

/** An instant as Jobber's filters take it: whole seconds, UTC. */
export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

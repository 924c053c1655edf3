import { ZonedTime } from '../../src/catalog/zoned-time';
import { timeWindow } from '../../src/connector/date-window';
import { countingFormatDate } from '../support/format-date';

/**
 * Every zone Node knows, on every daylight saving (or other offset) change of 2018-2030 and the days
 * either side: the connector's day boundaries against an independent computation with Intl.
 *
 * Independent: the expected instants come from this file's own Intl formatter, never from ZonedTime
 * or the formatDate stand-in. The first instant of a date is the first one, to the second, whose wall
 * clock reads that date's 00:00:00 or later: either where it reads exactly midnight, or the moment
 * the clocks jump past midnight (zones whose daylight saving starts at 00:00).
 */

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const FIRST_YEAR = 2018;
const LAST_YEAR = 2030;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall clock at an instant, as the epoch ms of the same reading in UTC (Intl only). */
function wallClock(zone: string, instant: number): number {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  const parts = new Map(formatter.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  const part = (type: Intl.DateTimeFormatPartTypes): number => parts.get(type) ?? NaN;
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
}

const offsetAt = (zone: string, instant: number): number => wallClock(zone, instant) - instant;

/** Whether the offset is the same every four weeks of the years: then the zone has no change in them. */
function looksFixed(zone: string): boolean {
  const first = offsetAt(zone, Date.UTC(FIRST_YEAR, 0, 1));
  for (
    let instant = Date.UTC(FIRST_YEAR, 0, 1);
    instant <= Date.UTC(LAST_YEAR + 1, 0, 1);
    instant += 4 * WEEK
  )
    if (offsetAt(zone, instant) !== first) return false;
  return offsetAt(zone, Date.UTC(LAST_YEAR + 1, 0, 1)) === first;
}

/** Offset changes of the years, to the second: weekly samples, then bisection where two samples differ. */
function transitionsOf(zone: string): number[] {
  if (looksFixed(zone)) return [];
  const found: number[] = [];
  const end = Date.UTC(LAST_YEAR + 1, 0, 1);
  let low = Date.UTC(FIRST_YEAR, 0, 1);
  let lowOffset = offsetAt(zone, low);
  while (low < end) {
    const high = Math.min(low + WEEK, end);
    const highOffset = offsetAt(zone, high);
    if (highOffset !== lowOffset) {
      let before = low;
      let after = high;
      while (after - before > SECOND) {
        const middle = before + Math.floor((after - before) / 2 / SECOND) * SECOND;
        if (offsetAt(zone, middle) === lowOffset) before = middle;
        else after = middle;
      }
      found.push(after);
    }
    low = high;
    lowOffset = highOffset;
  }
  return found;
}

/** The calendar date (its UTC midnight) an instant falls on in the zone. */
const dateAt = (zone: string, instant: number): number => Math.floor(wallClock(zone, instant) / DAY) * DAY;

/** The first instant whose wall clock reads `date` 00:00:00 or later, from Intl and the known changes. */
function expectedStart(zone: string, date: number, transitions: readonly number[]): number {
  const near = transitions.filter((instant) => Math.abs(instant - date) < 2 * DAY);
  const offsets = new Set([
    offsetAt(zone, date - DAY),
    offsetAt(zone, date + DAY),
    ...near.flatMap((instant) => [offsetAt(zone, instant - SECOND), offsetAt(zone, instant)]),
  ]);
  const exactMidnights = [...offsets]
    .map((offset) => date - offset)
    .filter((instant) => wallClock(zone, instant) === date);
  const jumpsPastMidnight = near.filter(
    (instant) => wallClock(zone, instant - SECOND) < date && wallClock(zone, instant) >= date,
  );
  const candidates = [...exactMidnights, ...jumpsPastMidnight];
  if (candidates.length === 0) throw new Error(`No start found for ${zone} ${iso(date).slice(0, 10)}`);
  return Math.min(...candidates);
}

const iso = (instant: number): string => new Date(instant).toISOString();
const compact = (wall: number): string => iso(wall).slice(0, 19).replace(/\D/g, '');
const calendar = (date: number): { year: number; month: number; day: number } => {
  const value = new Date(date);
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
};

interface Mismatch {
  readonly zone: string;
  readonly date: string;
  readonly what: string;
  readonly got: string;
  readonly expected: string;
}

/** Every check of one zone's transition days; an empty list when all hold. */
function checkZone(zone: string): { mismatches: Mismatch[]; days: number } {
  const transitions = transitionsOf(zone);
  const dates = new Set<number>();
  for (const instant of transitions) {
    const first = dateAt(zone, instant - SECOND);
    const last = dateAt(zone, instant);
    for (let date = Math.min(first, last) - DAY; date <= Math.max(first, last) + DAY; date += DAY)
      dates.add(date);
  }
  const time = new ZonedTime(countingFormatDate(), zone);
  const mismatches: Mismatch[] = [];
  const check = (date: number, what: string, got: string, expected: string): void => {
    if (got !== expected) mismatches.push({ zone, date: iso(date).slice(0, 10), what, got, expected });
  };
  for (const date of [...dates].sort((a, b) => a - b)) {
    const start = expectedStart(zone, date, transitions);
    const end = expectedStart(zone, date + DAY, transitions);
    const day = calendar(date);
    const window = timeWindow({ startDate: day, endDate: day }, time);
    check(date, 'start of day', iso(window.start), iso(start));
    check(date, 'end of day', iso(window.end), iso(end));
    check(date, 'startOfLocalDate', iso(time.startOfLocalDate(day.year, day.month, day.day)), iso(start));
    for (const instant of [start - SECOND, start, end - SECOND, end]) {
      const expected = compact(wallClock(zone, instant));
      check(date, `ymdhms at ${iso(instant)}`, time.ymdhms(instant), expected);
      check(date, `ymd at ${iso(instant)}`, time.ymd(instant), expected.slice(0, 8));
    }
  }
  return { mismatches, days: dates.size };
}

describe('day boundaries in every time zone, on every offset change of 2018-2030', () => {
  const zones = Intl.supportedValuesOf('timeZone');
  let results: ReturnType<typeof checkZone>[];

  beforeAll(() => {
    results = zones.map(checkZone);
  });

  it('covers hundreds of zones and thousands of transition days, midnight changes included', () => {
    expect(zones.length).toBeGreaterThan(300);
    expect(results.reduce((sum, result) => sum + result.days, 0)).toBeGreaterThan(5_000);
    for (const zone of ['America/Santiago', 'America/Havana', 'America/Asuncion', 'America/Sao_Paulo'])
      expect(zones).toContain(zone);
  });

  it('starts and ends each day where Intl says, and dates the instants around them as Intl does', () => {
    const mismatches = results.flatMap((result) => result.mismatches);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(mismatches).toHaveLength(0);
  });
});

describe('days whose midnight is skipped', () => {
  it.each([
    ['America/Santiago', 2024, 9, 8, '2024-09-08T04:00:00.000Z'],
    ['America/Havana', 2024, 3, 10, '2024-03-10T05:00:00.000Z'],
    ['America/Asuncion', 2024, 10, 6, '2024-10-06T04:00:00.000Z'],
    ['America/Sao_Paulo', 2018, 11, 4, '2018-11-04T03:00:00.000Z'],
  ])('%s %i-%i-%i starts at 01:00 local, when the clocks jump', (zone, year, month, day, start) => {
    const time = new ZonedTime(countingFormatDate(), zone);
    expect(iso(time.startOfLocalDate(year, month, day))).toBe(start);
    expect(time.ymdhms(Date.parse(start))).toBe(`${year}${pad(month)}${pad(day)}010000`);
    expect(time.ymd(Date.parse(start) - SECOND)).not.toBe(`${year}${pad(month)}${pad(day)}`);
  });

  it('gives such a day 23 hours in a date range, and the day before all of its 24', () => {
    const santiago = new ZonedTime(countingFormatDate(), 'America/Santiago');
    const september = (day: number): { year: number; month: number; day: number } => ({
      year: 2024,
      month: 9,
      day,
    });
    const skipped = timeWindow({ startDate: september(8), endDate: september(8) }, santiago);
    expect(skipped.end - skipped.start).toBe(23 * HOUR);
    const before = timeWindow({ startDate: september(7), endDate: september(7) }, santiago);
    expect(before.end - before.start).toBe(24 * HOUR);
    expect(before.end).toBe(skipped.start);
  });

  it('starts a day whose midnight happens twice (clocks set back to 00:00) at the first one', () => {
    const havana = new ZonedTime(countingFormatDate(), 'America/Havana');
    // 2024-11-03 01:00 CDT (UTC-4) became 00:00 CST (UTC-5).
    expect(iso(havana.startOfLocalDate(2024, 11, 3))).toBe('2024-11-03T04:00:00.000Z');
    // Santiago set 2024-04-07 00:00 (UTC-3) back to 04-06 23:00 (UTC-4): the 7th starts an hour later.
    const santiago = new ZonedTime(countingFormatDate(), 'America/Santiago');
    expect(iso(santiago.startOfLocalDate(2024, 4, 7))).toBe('2024-04-07T04:00:00.000Z');
  });
});

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * Dates in the Jobber account's time zone, fast enough for every date cell of a large report.
 *
 * Apps Script has no reliable time zone database in plain JavaScript, so the one source of truth is
 * the platform's date formatter (Utilities.formatDate). Calling it per cell is far too slow, so the
 * zone's UTC offset is measured once per UTC midnight and memoised per UTC day: a day whose
 * midnights share an offset has no transition; a day with a transition is bisected once to the second.
 *
 * A report's dates repeat heavily (one issued date for every invoice of the day, read again by the
 * KPIs), so parsed texts are remembered in a small table of slots picked from the digits that tell
 * dates apart: a repeated date costs a few character reads and one comparison, and distinct
 * timestamps only overwrite slots, so the memo never grows.
 */

import { DAY_MS, daysFromCivil, parseDateOnly, parseIsoDateTime } from './iso-dates';

export type FormatDate = (epochMs: number, timeZone: string, pattern: string) => string;

const PROBE_PATTERN = 'yyyy-MM-dd HH:mm:ss';
/** '00' … '59', and 'HHmm' for each minute of a day: a time's digits without building them per cell. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, value) =>
  value < 10 ? `0${value}` : String(value),
);
const HOURS_MINUTES: readonly string[] = Array.from(
  { length: 24 * 60 },
  (_, minute) => `${TWO_DIGITS[Math.floor(minute / 60)] ?? ''}${TWO_DIGITS[minute % 60] ?? ''}`,
);

interface DayOffsets {
  readonly before: number;
  readonly after: number;
  /** First epoch second (in ms) at which `after` applies; Infinity when the day has one offset. */
  readonly switchAt: number;
}

export class ZonedTime {
  private readonly days = new Map<number, DayOffsets>();
  private readonly midnightOffsets = new Map<number, number>();
  private lastDay = NaN;
  private lastOffsets: DayOffsets = { before: 0, after: 0, switchAt: Infinity };
  private readonly dayLabels = new Map<number, string>();
  /** Calendar date (as its UTC midnight) → its first instant in the zone. */
  private readonly dayStarts = new Map<number, number>();
  private readonly memoTexts: string[] = new Array<string>(MEMO_SLOTS).fill('');
  private readonly memoValues: (number | null)[] = new Array<number | null>(MEMO_SLOTS).fill(null);

  constructor(
    private readonly format: FormatDate,
    readonly timeZone: string,
  ) {}

  /** Milliseconds to add to a UTC instant to get the wall-clock time in the zone. */
  offsetAt(epochMs: number): number {
    const day = Math.floor(epochMs / DAY_MS);
    if (day !== this.lastDay) {
      this.lastOffsets = this.offsetsOfDay(day);
      this.lastDay = day;
    }
    const offsets = this.lastOffsets;
    return epochMs < offsets.switchAt ? offsets.before : offsets.after;
  }

  /** Days since 1970-01-01 of the local calendar date at this instant. */
  localDay(epochMs: number): number {
    return Math.floor((epochMs + this.offsetAt(epochMs)) / DAY_MS);
  }

  /** YYYYMMDD in the zone. */
  ymd(epochMs: number): string {
    return this.dayLabel(this.localDay(epochMs));
  }

  /** YYYYMMDDHHmmss in the zone. */
  ymdhms(epochMs: number): string {
    const local = epochMs + this.offsetAt(epochMs);
    const day = Math.floor(local / DAY_MS);
    const secondsOfDay = Math.floor((local - day * DAY_MS) / 1000);
    const hoursMinutes = HOURS_MINUTES[Math.floor(secondsOfDay / 60)] ?? '';
    return this.dayLabel(day) + hoursMinutes + twoDigits(secondsOfDay % 60);
  }

  /**
   * The first instant of the given calendar date in the zone: its local midnight, or, where daylight
   * saving starts at midnight (America/Santiago, Havana, Asuncion…), the end of the skipped hour.
   * When midnight happens twice (clocks set back to 00:00), the first one.
   */
  startOfLocalDate(year: number, month: number, day: number): number {
    // Not Date.UTC, which reads years 0-99 as 1900-1999.
    const wallClock = daysFromCivil(year, month, day) * DAY_MS;
    let start = this.dayStarts.get(wallClock);
    if (start === undefined) {
      start = this.firstInstantReading(wallClock);
      this.dayStarts.set(wallClock, start);
    }
    return start;
  }

  /**
   * The first instant whose wall clock (instant + offset) reads `wallClock` or later. Offsets stay
   * within a day of UTC, so it lies in the UTC days around `wallClock`, each made of at most two
   * stretches of one offset: in the first stretch that gets there, either where its wall clock reads
   * exactly `wallClock`, or its first instant when the clocks jumped past `wallClock` to start it.
   */
  private firstInstantReading(wallClock: number): number {
    const firstDay = Math.floor(wallClock / DAY_MS) - 1;
    for (let utcDay = firstDay; utcDay <= firstDay + 2; utcDay++) {
      const dayStart = utcDay * DAY_MS;
      const dayEnd = dayStart + DAY_MS;
      const { before, after, switchAt } = this.offsetsOfDay(utcDay);
      const inBefore = Math.max(dayStart, wallClock - before);
      if (inBefore < Math.min(switchAt, dayEnd)) return inBefore;
      const inAfter = Math.max(switchAt, wallClock - after);
      if (inAfter < dayEnd) return inAfter;
    }
    return wallClock - this.offsetAt(wallClock);
  }

  /**
   * An ISO 8601 datetime as epoch ms, or null when it is not one. A bare date (YYYY-MM-DD) means
   * local midnight in the zone, as Jobber's date-like fields do.
   */
  parse(text: string): number | null {
    const slot = memoSlot(text);
    if (this.memoTexts[slot] === text) return this.memoValues[slot] ?? null;
    const value = this.parseText(text);
    this.memoTexts[slot] = text;
    this.memoValues[slot] = value;
    return value;
  }

  private parseText(text: string): number | null {
    if (text.length === 10) {
      const date = parseDateOnly(text);
      return date ? this.startOfLocalDate(date.year, date.month, date.day) : null;
    }
    const fast = parseIsoDateTime(text);
    if (fast !== null) return fast;
    const parsed = Date.parse(text);
    return Number.isNaN(parsed) ? null : parsed;
  }

  private dayLabel(localDay: number): string {
    let label = this.dayLabels.get(localDay);
    if (label === undefined) {
      const date = new Date(localDay * DAY_MS);
      label =
        String(date.getUTCFullYear()).padStart(4, '0') +
        twoDigits(date.getUTCMonth() + 1) +
        twoDigits(date.getUTCDate());
      this.dayLabels.set(localDay, label);
    }
    return label;
  }

  private offsetsOfDay(day: number): DayOffsets {
    let offsets = this.days.get(day);
    if (!offsets) {
      offsets = this.measureDay(day);
      this.days.set(day, offsets);
    }
    return offsets;
  }

  /** The offsets at the day's first instant and at the next midnight, and when it switches between them. */
  private measureDay(day: number): DayOffsets {
    const start = day * DAY_MS;
    const before = this.offsetAtMidnight(day);
    const after = this.offsetAtMidnight(day + 1);
    if (before === after) return { before, after, switchAt: Infinity };
    // A switch exactly at the next midnight gives switchAt = start + DAY_MS: none within this day.
    let low = start; // offset `before` holds here
    let high = start + DAY_MS; // offset `after` holds here
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (this.exactOffset(middle) === before) low = middle;
      else high = middle;
    }
    return { before, after, switchAt: high };
  }

  /** Each midnight ends one day and starts the next: measured once for both. */
  private offsetAtMidnight(day: number): number {
    let offset = this.midnightOffsets.get(day);
    if (offset === undefined) {
      offset = this.exactOffset(day * DAY_MS);
      this.midnightOffsets.set(day, offset);
    }
    return offset;
  }

  private exactOffset(epochMs: number): number {
    const wholeSecond = measurable(epochMs - (((epochMs % 1000) + 1000) % 1000));
    const text = this.format(wholeSecond, this.timeZone, PROBE_PATTERN);
    const wallClock = parseIsoDateTime(`${text.replace(' ', 'T')}Z`);
    if (wallClock === null) throw new Error(`Unexpected date format from the platform: ${text}`);
    return wallClock - wholeSecond;
  }
}

const MEMO_SLOTS = 256;

/** 400 Gregorian years: the calendar, its weekdays and so every weekday-based DST rule repeat after it. */
const CALENDAR_CYCLE_MS = 146_097 * DAY_MS;
/**
 * The instants whose offset the platform's formatter tells reliably: Java's SimpleDateFormat
 * (Utilities.formatDate) writes Julian dates before the Gregorian reform and five-digit years after
 * 9999. An offset outside is measured a whole number of 400-year cycles away, on the same calendar
 * day and weekday: before 1583 every zone kept its local mean time (no zone changed its offset that
 * early), and after 9999 the zone's last rules repeat. So a date range may start in year 1 or end
 * on 9999-12-31 and still be cut exactly.
 */
const MEASURABLE_FROM_MS = daysFromCivil(1583, 1, 2) * DAY_MS;
const MEASURABLE_UNTIL_MS = daysFromCivil(9999, 12, 30) * DAY_MS;

function measurable(epochMs: number): number {
  if (epochMs < MEASURABLE_FROM_MS)
    return epochMs + Math.ceil((MEASURABLE_FROM_MS - epochMs) / CALENDAR_CYCLE_MS) * CALENDAR_CYCLE_MS;
  if (epochMs >= MEASURABLE_UNTIL_MS)
    return epochMs - Math.ceil((epochMs - MEASURABLE_UNTIL_MS + 1) / CALENDAR_CYCLE_MS) * CALENDAR_CYCLE_MS;
  return epochMs;
}

/** A slot from the characters that tell dates apart (month, day, hour, minute, second digits). */
function memoSlot(text: string): number {
  if (text.length < 19) return 0;
  const hash =
    text.charCodeAt(6) * 7 +
    text.charCodeAt(8) * 10 +
    text.charCodeAt(9) +
    text.charCodeAt(12) * 31 +
    text.charCodeAt(15) * 17 +
    text.charCodeAt(18) * 13;
  return hash & (MEMO_SLOTS - 1);
}

function twoDigits(value: number): string {
  return TWO_DIGITS[value] ?? String(value);
}

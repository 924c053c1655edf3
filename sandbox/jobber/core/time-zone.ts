/**
 * Calendar arithmetic in an IANA time zone without a date library: local wall time ↔ UTC instants,
 * with a per-zone cache of UTC offsets by local day (the generator asks for the same days often).
 */
import { wallClockAsUtc } from '../../shared/wall-clock';

const DAY_MS = 86_400_000;

export interface LocalDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
}

interface DayOffsets {
  readonly before: number;
  readonly after: number;
  readonly changeAt?: number;
}

export class TimeZone {
  private readonly midnightByDay = new Map<number, number>();
  /** Per UTC day: the offset at its start and, on transition days, the instant and the new offset. */
  private readonly days = new Map<number, DayOffsets>();

  constructor(readonly name: string) {
    wallClockAsUtc(0, name); // an unknown zone fails here, not at the first date
  }

  /** Offset of local time from UTC at an instant, in ms (Denver in winter: -7 h). */
  offsetAt(instantMs: number): number {
    const utcDay = Math.floor(instantMs / DAY_MS);
    let day = this.days.get(utcDay);
    if (!day) {
      day = this.offsetsOfDay(utcDay);
      this.days.set(utcDay, day);
    }
    return day.changeAt !== undefined && instantMs >= day.changeAt ? day.after : day.before;
  }

  /** Zones change offset at most once a day: find the minute it happens by bisection. */
  private offsetsOfDay(utcDay: number): DayOffsets {
    const start = utcDay * DAY_MS;
    const before = this.computeOffset(start);
    const after = this.computeOffset(start + DAY_MS);
    if (before === after) return { before, after };
    let low = start;
    let high = start + DAY_MS;
    while (high - low > 60_000) {
      const mid = low + Math.floor((high - low) / 120_000) * 60_000;
      if (this.computeOffset(mid) === before) low = mid;
      else high = mid;
    }
    return { before, after, changeAt: high };
  }

  private computeOffset(instantMs: number): number {
    return wallClockAsUtc(instantMs, this.name) - Math.floor(instantMs / 1000) * 1000;
  }

  /** The UTC instant of local midnight starting the given local day (days since 1970-01-01 local). */
  midnight(localDay: number): number {
    const cached = this.midnightByDay.get(localDay);
    if (cached !== undefined) return cached;
    const naive = localDay * DAY_MS;
    let instant = naive - this.offsetAt(naive);
    instant = naive - this.offsetAt(instant);
    this.midnightByDay.set(localDay, instant);
    return instant;
  }

  /** Local wall time (day + minutes after midnight) to a UTC instant; DST days are close enough. */
  at(localDay: number, minutesAfterMidnight: number): number {
    return this.midnight(localDay) + minutesAfterMidnight * 60_000;
  }

  /** The local day (days since 1970-01-01 in this zone) containing an instant. */
  localDay(instantMs: number): number {
    return Math.floor((instantMs + this.offsetAt(instantMs)) / DAY_MS);
  }

  localDate(localDay: number): LocalDate {
    const date = new Date(localDay * DAY_MS);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
}

export function dayOfLocalDate(date: LocalDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** ISO 8601 in UTC without milliseconds, as Jobber writes datetimes: 2024-03-01T07:00:00Z. */
export function formatInstant(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

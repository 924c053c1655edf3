import { exception } from './bridge';

/**
 * Utilities.formatDate: Java SimpleDateFormat patterns in a time zone, en-US names. Like Java, an
 * unknown time zone id silently means GMT.
 */

interface Parts {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly weekday: number; // 0 = Sunday
  readonly offsetMinutes: number;
  readonly zoneName: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;

export function formatDate(epochMs: number, timeZone: string, pattern: string): string {
  // Only a 'z' needs the zone's short name, the one part Intl makes expensive.
  const parts = partsIn(epochMs, timeZone, pattern.includes('z'));
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const char = pattern.charAt(i);
    if (char === "'") {
      const [literal, next] = quoted(pattern, i);
      out += literal;
      i = next;
      continue;
    }
    let count = 1;
    while (pattern.charAt(i + count) === char) count++;
    out += /[A-Za-z]/.test(char) ? field(char, count, parts) : char.repeat(count);
    i += count;
  }
  return out;
}

/** Text between quotes starting at `start`; '' is a quote, inside or outside quoted text. */
function quoted(pattern: string, start: number): [string, number] {
  if (pattern.charAt(start + 1) === "'") return ["'", start + 2];
  let text = '';
  let i = start + 1;
  while (i < pattern.length) {
    if (pattern.charAt(i) === "'") {
      if (pattern.charAt(i + 1) !== "'") return [text, i + 1];
      text += "'";
      i += 2;
    } else text += pattern.charAt(i++);
  }
  return [text, i];
}

function field(letter: string, count: number, p: Parts): string {
  const pad = (n: number, width = count): string => String(n).padStart(width, '0');
  const text = (full: string): string => (count >= 4 ? full : full.slice(0, 3));
  switch (letter) {
    case 'G':
      return 'AD';
    case 'y':
      return count === 2 ? pad(p.year % 100, 2) : pad(p.year);
    case 'Y': {
      const { weekYear } = weekOfYear(p);
      return count === 2 ? pad(weekYear % 100, 2) : pad(weekYear);
    }
    case 'M':
    case 'L':
      return count >= 3 ? text(MONTHS[p.month - 1] ?? '') : pad(p.month);
    case 'w':
      return pad(weekOfYear(p).week);
    case 'W':
      return pad(Math.floor((p.day - 1 + firstWeekdayOfMonth(p)) / 7) + 1);
    case 'D':
      return pad(dayOfYear(p));
    case 'd':
      return pad(p.day);
    case 'F':
      return pad(Math.floor((p.day - 1) / 7) + 1);
    case 'E':
      return text(DAYS[p.weekday] ?? '');
    case 'u':
      return pad(p.weekday === 0 ? 7 : p.weekday);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour);
    case 'K':
      return pad(p.hour % 12);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12);
    case 'm':
      return pad(p.minute);
    case 's':
      return pad(p.second);
    case 'S':
      return pad(p.millisecond);
    case 'z':
      return p.zoneName;
    case 'Z':
      return offsetText(p.offsetMinutes, false);
    case 'X':
      return isoOffset(p.offsetMinutes, count);
    default:
      throw exception(`Illegal pattern character '${letter}'`);
  }
}

function partsIn(epochMs: number, timeZone: string, withZoneName: boolean): Parts {
  const custom = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (custom) {
    const sign = custom[1] === '-' ? -1 : 1;
    const offset = sign * (Number(custom[2]) * 60 + Number(custom[3] ?? 0));
    return utcParts(epochMs + offset * 60_000, offset, `GMT${offsetText(offset, true)}`);
  }
  const zone = knownZone(timeZone);
  if (zone === null) return utcParts(epochMs, 0, 'GMT');
  const wall = wallClock(epochMs, zone);
  const offset = Math.round((wall - (epochMs - (((epochMs % 1000) + 1000) % 1000))) / 60_000);
  const name = withZoneName ? zoneName(epochMs, zone, offset) : '';
  return utcParts(epochMs + offset * 60_000, offset, name);
}

/**
 * Intl formatters per zone, built once per execution: constructing an Intl.DateTimeFormat costs far
 * more than formatting with one, and a report formats thousands of dates in one zone.
 */
interface ZoneFormatters {
  readonly id: string;
  readonly wallClock: Intl.DateTimeFormat;
  readonly name: Intl.DateTimeFormat;
}

const zoneFormatters = new Map<string, ZoneFormatters | null>();

function knownZone(timeZone: string): ZoneFormatters | null {
  let formatters = zoneFormatters.get(timeZone);
  if (formatters === undefined) {
    formatters = createZoneFormatters(timeZone);
    zoneFormatters.set(timeZone, formatters);
  }
  return formatters;
}

function createZoneFormatters(timeZone: string): ZoneFormatters | null {
  let id: string;
  try {
    id = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return {
    id,
    wallClock: new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }),
    name: new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: 'short' }),
  };
}

/** The zone's wall clock at that instant, read as if it were UTC, in whole seconds. */
function wallClock(epochMs: number, zone: ZoneFormatters): number {
  const values: Record<string, number> = {};
  for (const part of zone.wallClock.formatToParts(new Date(epochMs))) values[part.type] = Number(part.value);
  const get = (type: string): number => values[type] ?? 0;
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

function zoneName(epochMs: number, zone: ZoneFormatters, offset: number): string {
  if (zone.id === 'UTC' || zone.id === 'Etc/UTC') return 'UTC';
  const name = zone.name.formatToParts(new Date(epochMs)).find((part) => part.type === 'timeZoneName')?.value;
  return name && !/^GMT[+-]/.test(name) ? name : `GMT${offsetText(offset, true)}`;
}

function utcParts(shiftedMs: number, offsetMinutes: number, zoneName: string): Parts {
  const d = new Date(shiftedMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offsetMinutes,
    zoneName,
  };
}

function dayOfYear(p: Parts): number {
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / DAY_MS) + 1;
}

function firstWeekdayOfMonth(p: Parts): number {
  return new Date(Date.UTC(p.year, p.month - 1, 1)).getUTCDay();
}

/** US rules (weeks start on Sunday; week 1 contains January 1), as Java's default en-US calendar. */
function weekOfYear(p: Parts): { week: number; weekYear: number } {
  const dayIndex = dayOfYear(p) - 1;
  const daysToSaturday = 6 - p.weekday;
  const endOfWeek = Date.UTC(p.year, p.month - 1, p.day) + daysToSaturday * DAY_MS;
  if (new Date(endOfWeek).getUTCFullYear() > p.year) return { week: 1, weekYear: p.year + 1 };
  const jan1Weekday = new Date(Date.UTC(p.year, 0, 1)).getUTCDay();
  return { week: Math.floor((dayIndex + jan1Weekday) / 7) + 1, weekYear: p.year };
}

function offsetText(offsetMinutes: number, colon: boolean): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  const minutes = String(abs % 60).padStart(2, '0');
  return `${sign}${hours}${colon ? ':' : ''}${minutes}`;
}

function isoOffset(offsetMinutes: number, count: number): string {
  if (offsetMinutes === 0) return 'Z';
  const full = offsetText(offsetMinutes, count >= 3);
  return count === 1 ? full.slice(0, 3) : full;
}

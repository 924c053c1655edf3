import { daysFromCivil, parseIsoDateTime } from '../../src/catalog/iso-dates';
import { ZonedTime } from '../../src/catalog/zoned-time';
import { countingFormatDate } from '../support/format-date';

const at = (iso: string): number => Date.parse(iso);

describe('ZonedTime', () => {
  it('formats instants as local dates and times, zero-padded', () => {
    const denver = new ZonedTime(countingFormatDate(), 'America/Denver');
    expect(denver.ymd(at('2024-03-01T06:59:59Z'))).toBe('20240229');
    expect(denver.ymd(at('2024-03-01T07:00:00Z'))).toBe('20240301');
    expect(denver.ymdhms(at('2024-01-05T08:04:09Z'))).toBe('20240105010409');
  });

  it('follows daylight saving transitions to the second', () => {
    const denver = new ZonedTime(countingFormatDate(), 'America/Denver');
    // 2024-03-10 02:00 MST becomes 03:00 MDT at 09:00Z.
    expect(denver.ymdhms(at('2024-03-10T08:59:59Z'))).toBe('20240310015959');
    expect(denver.ymdhms(at('2024-03-10T09:00:00Z'))).toBe('20240310030000');
    // 2024-11-03 02:00 MDT falls back to 01:00 MST at 08:00Z.
    expect(denver.ymdhms(at('2024-11-03T07:59:59Z'))).toBe('20241103015959');
    expect(denver.ymdhms(at('2024-11-03T08:00:00Z'))).toBe('20241103010000');
  });

  it('handles zones east of UTC and half-hour offsets', () => {
    const sydney = new ZonedTime(countingFormatDate(), 'Australia/Sydney');
    expect(sydney.ymd(at('2024-06-30T14:00:00Z'))).toBe('20240701');
    const india = new ZonedTime(countingFormatDate(), 'Asia/Kolkata');
    expect(india.ymdhms(at('2024-06-30T18:30:00Z'))).toBe('20240701000000');
  });

  it('asks the platform for the offset once per UTC midnight, not per value', () => {
    const format = countingFormatDate();
    const toronto = new ZonedTime(format, 'America/Toronto');
    const start = at('2024-01-01T00:00:00Z');
    for (let minute = 0; minute < 60 * 24 * 30; minute += 7) toronto.ymdhms(start + minute * 60_000);
    // 30 days touched: their 31 midnights.
    expect(format.calls).toBe(31);
  });

  it('puts a transition that falls exactly on a UTC midnight in the day it starts', () => {
    const switchAt = at('2024-04-01T00:00:00Z');
    const oneHourEastFromApril = (epochMs: number): string => {
      const local = new Date(epochMs + (epochMs >= switchAt ? 3_600_000 : 0)).toISOString();
      return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
    };
    const zone = new ZonedTime(oneHourEastFromApril, 'Test/Midnight');
    expect(zone.ymdhms(switchAt - 1_000)).toBe('20240331235959');
    expect(zone.ymdhms(switchAt)).toBe('20240401010000');
    expect(zone.ymdhms(switchAt + 3_600_000)).toBe('20240401020000');
  });

  it('finds the UTC instant of local midnight, also on transition days', () => {
    const denver = new ZonedTime(countingFormatDate(), 'America/Denver');
    expect(denver.startOfLocalDate(2024, 1, 15)).toBe(at('2024-01-15T07:00:00Z'));
    expect(denver.startOfLocalDate(2024, 7, 15)).toBe(at('2024-07-15T06:00:00Z'));
    expect(denver.startOfLocalDate(2024, 3, 10)).toBe(at('2024-03-10T07:00:00Z'));
    expect(denver.startOfLocalDate(2024, 3, 11)).toBe(at('2024-03-11T06:00:00Z'));
    const sydney = new ZonedTime(countingFormatDate(), 'Australia/Sydney');
    expect(sydney.startOfLocalDate(2024, 7, 1)).toBe(at('2024-06-30T14:00:00Z'));
  });

  it('numbers local days so that differences count calendar days', () => {
    const denver = new ZonedTime(countingFormatDate(), 'America/Denver');
    const lateEvening = at('2024-03-01T06:30:00Z'); // Feb 29, 23:30 local
    const nextMorning = at('2024-03-01T14:00:00Z'); // Mar 1, 07:00 local
    expect(denver.localDay(nextMorning) - denver.localDay(lateEvening)).toBe(1);
  });

  it('parses Jobber datetimes, and bare dates as local midnight', () => {
    const denver = new ZonedTime(countingFormatDate(), 'America/Denver');
    expect(denver.parse('2024-03-01T07:00:00Z')).toBe(at('2024-03-01T07:00:00Z'));
    expect(denver.parse('2024-03-01T07:00:00.250Z')).toBe(at('2024-03-01T07:00:00.250Z'));
    expect(denver.parse('2024-03-01T00:00:00-07:00')).toBe(at('2024-03-01T07:00:00Z'));
    expect(denver.parse('2024-03-01')).toBe(at('2024-03-01T07:00:00Z'));
    expect(denver.parse('not a date')).toBeNull();
    expect(denver.parse('2024-13-01')).toBeNull();
  });
});

describe('ZonedTime at the ends of the calendar a date range can name (years 1 and 9999)', () => {
  /**
   * Utilities.formatDate is Java's SimpleDateFormat: Julian dates before the Gregorian reform and
   * five-digit years after 9999. This stand-in refuses to answer there, so the test proves the zone's
   * offsets are measured only where the platform tells them reliably.
   */
  function reliableYearsOnly(): (epochMs: number, timeZone: string, pattern: string) => string {
    const format = countingFormatDate();
    return (epochMs, timeZone, pattern) => {
      const year = new Date(epochMs).getUTCFullYear();
      if (year < 1583 || year > 9999) throw new Error(`asked the platform about year ${year}`);
      return format(epochMs, timeZone, pattern);
    };
  }

  it('starts year 1 at its local midnight, in local mean time where the zone had no offset yet', () => {
    expect(new ZonedTime(reliableYearsOnly(), 'UTC').startOfLocalDate(1, 1, 1)).toBe(
      at('0001-01-01T00:00:00Z'),
    );
    // New York kept its local mean time (-4:56:02) until 1883.
    expect(new ZonedTime(reliableYearsOnly(), 'America/New_York').startOfLocalDate(1, 1, 1)).toBe(
      at('0001-01-01T04:56:02Z'),
    );
    expect(new ZonedTime(reliableYearsOnly(), 'America/New_York').ymd(at('0001-01-01T04:56:02Z'))).toBe(
      '00010101',
    );
  });

  it('ends 9999-12-31 at the next local midnight, with the zone’s rules of that season', () => {
    const endOf9999 = (zone: string): string =>
      new Date(new ZonedTime(reliableYearsOnly(), zone).startOfLocalDate(10000, 1, 1)).toISOString();
    expect(endOf9999('Pacific/Kiritimati')).toBe('9999-12-31T10:00:00.000Z'); // UTC+14
    expect(endOf9999('America/Santiago')).toBe('+010000-01-01T03:00:00.000Z'); // summer time, UTC-3
    expect(endOf9999('Europe/Berlin')).toBe('9999-12-31T23:00:00.000Z'); // winter time, UTC+1
  });

  it('reads years below 100 as themselves, not as 1900-1999', () => {
    const utc = new ZonedTime(reliableYearsOnly(), 'UTC');
    expect(utc.startOfLocalDate(99, 12, 31)).toBe(at('0099-12-31T00:00:00Z'));
    expect(utc.parse('0042-06-01')).toBe(at('0042-06-01T00:00:00Z'));
  });
});

describe('ZonedTime.parse on many values', () => {
  it('returns what a fresh parse returns, whatever order the texts come in (the memo never mixes them up)', () => {
    const texts: string[] = [];
    for (let index = 0; index < 5_000; index++) {
      const instant = Date.UTC(2024, 0, 1) + ((index * 7_919) % 400) * 86_400_000 + (index % 97) * 61_000;
      texts.push(new Date(instant).toISOString().replace('.000Z', index % 3 === 0 ? 'Z' : '.000-00:00'));
    }
    const shuffled = texts.map((text, index) => texts[(index * 2_333) % texts.length] ?? text);
    const denver = new ZonedTime(countingFormatDate(), 'America/Denver');
    const wrong = [...texts, ...shuffled, ...texts].filter((text) => denver.parse(text) !== Date.parse(text));
    expect(wrong).toEqual([]);
  });
});

describe('parseIsoDateTime', () => {
  it('agrees with Date.parse on the shapes it accepts and refuses the rest', () => {
    for (const text of ['2024-02-29T23:59:59Z', '1999-12-31T00:00:00.5+05:30', '2030-06-01T12:00:00-03:00'])
      expect(parseIsoDateTime(text)).toBe(Date.parse(text));
    expect(parseIsoDateTime('2024-02-29 23:59:59Z')).toBeNull();
    expect(parseIsoDateTime('2024-02-29T23:59:59')).toBeNull();
  });

  it('reads fractions of any length to the millisecond, rounding down as Date.parse does', () => {
    for (const text of [
      '2024-02-29T23:59:59.1Z',
      '2024-02-29T23:59:59.12Z',
      '2024-02-29T23:59:59.123Z',
      '2024-02-29T23:59:59.999999Z',
      '2024-02-29T23:59:59.000001-07:00',
    ])
      expect(parseIsoDateTime(text)).toBe(Date.parse(text));
  });

  it('refuses malformed zone suffixes', () => {
    for (const text of ['2024-02-29T23:59:59ZZ', '2024-02-29T23:59:59*07:00', '2024-02-29T23:59:59+0700'])
      expect(parseIsoDateTime(text)).toBeNull();
  });
});

describe('daysFromCivil', () => {
  it('counts days from 1970-01-01 exactly as Date.UTC does, across leap years and centuries', () => {
    const mismatches: string[] = [];
    for (let instant = Date.UTC(1600, 0, 1); instant <= Date.UTC(2400, 11, 31); instant += 86_400_000 * 5) {
      const date = new Date(instant);
      const days = daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      if (days !== instant / 86_400_000) mismatches.push(date.toISOString());
    }
    expect(mismatches).toEqual([]);
  });
});

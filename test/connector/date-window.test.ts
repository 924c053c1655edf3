import { invoices } from '../../src/catalog/objects/invoices';
import { ZonedTime } from '../../src/catalog/zoned-time';
import { dateFilter } from '../../src/catalog';
import { inWindow, timeWindow } from '../../src/connector/date-window';
import { countingFormatDate } from '../support/format-date';

const at = (iso: string): number => Date.parse(iso);

const denver = new ZonedTime(countingFormatDate(), 'America/Denver');
const march = timeWindow(
  { startDate: { year: 2024, month: 3, day: 1 }, endDate: { year: 2024, month: 3, day: 31 } },
  denver,
);

describe('the report’s date range', () => {
  it('covers both calendar days in the account’s zone, across a daylight saving change', () => {
    expect(new Date(march.start).toISOString()).toBe('2024-03-01T07:00:00.000Z');
    expect(new Date(march.end).toISOString()).toBe('2024-04-01T06:00:00.000Z');
  });

  it('keeps exactly the instants of those days', () => {
    expect(inWindow(march.start, march)).toBe(true);
    expect(inWindow(march.start - 1, march)).toBe(false);
    expect(inWindow(march.end - 1, march)).toBe(true);
    expect(inWindow(march.end, march)).toBe(false);
    expect(inWindow(null, march)).toBe(false);
  });

  it('asks Jobber for a slightly wider window, because its bounds are exclusive', () => {
    const [issued, , created] = invoices.dateOptions;
    if (!issued || !created) throw new Error('missing date options');
    expect(dateFilter(issued, march)).toEqual({
      issuedDate: { after: '2024-02-29T07:00:00Z', before: '2024-04-02T06:00:00Z' },
    });
    expect(dateFilter(created, march)).toEqual({
      createdAt: { after: '2024-03-01T06:59:00Z', before: '2024-04-01T06:01:00Z' },
    });
  });

  it('handles a one-day range in a zone east of UTC', () => {
    const sydney = new ZonedTime(countingFormatDate(), 'Australia/Sydney');
    const day = { year: 2024, month: 7, day: 1 };
    const window = timeWindow({ startDate: day, endDate: day }, sydney);
    expect(new Date(window.start).toISOString()).toBe('2024-06-30T14:00:00.000Z');
    expect(window.end - window.start).toBe(86_400_000);
  });

  describe('at the ends of the calendar (a range from year 1, or to 9999-12-30 or -31)', () => {
    const [issued, , created] = invoices.dateOptions;
    const range = (start: string, end: string) => {
      const date = (text: string) => {
        const [year = 0, month = 0, day = 0] = text.split('-').map(Number);
        return { year, month, day };
      };
      return timeWindow({ startDate: date(start), endDate: date(end) }, denver);
    };

    it('leaves out the bound Jobber’s four-digit ISO datetimes cannot carry, and keeps the other', () => {
      if (!issued || !created) throw new Error('missing date options');
      expect(dateFilter(issued, range('2025-01-01', '9999-12-31'))).toEqual({
        issuedDate: { after: '2024-12-31T07:00:00Z' },
      });
      expect(dateFilter(issued, range('2025-01-01', '9999-12-30'))).toEqual({
        issuedDate: { after: '2024-12-31T07:00:00Z' },
      });
      expect(dateFilter(issued, range('0001-01-01', '2025-01-31'))).toEqual({
        issuedDate: { before: '2025-02-02T07:00:00Z' },
      });
      // A minute before Denver's first midnight of year 1 is still year 1 in UTC: kept.
      expect(dateFilter(created, range('0001-01-01', '2025-01-31'))).toEqual({
        createdAt: { after: '0001-01-01T06:58:56Z', before: '2025-02-01T07:01:00Z' },
      });
      expect(dateFilter(issued, range('0001-01-01', '9999-12-31'))).toEqual({});
    });

    it('still cuts the rows exactly to the range’s days', () => {
      const window = range('2025-01-01', '9999-12-31');
      expect(inWindow(at('2025-01-01T07:00:00Z'), window)).toBe(true);
      expect(inWindow(at('2025-01-01T06:59:59Z'), window)).toBe(false);
      expect(inWindow(at('9999-12-31T23:59:59Z'), window)).toBe(true);
      expect(new Date(window.end).toISOString()).toBe('+010000-01-01T07:00:00.000Z');
      const fromYearOne = range('0001-01-01', '2025-01-31');
      // Denver's local mean time before 1883: -6:59:56.
      expect(new Date(fromYearOne.start).toISOString()).toBe('0001-01-01T06:59:56.000Z');
    });
  });
});

import { invoices } from '../../src/catalog/objects/invoices';
import { ZonedTime } from '../../src/catalog/zoned-time';
import { dateFilter, inWindow, timeWindow } from '../../src/connector/date-window';
import { countingFormatDate } from '../support/format-date';

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
});

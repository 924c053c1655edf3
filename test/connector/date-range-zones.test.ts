import { getData, type DataResponse } from '../../src/connector/data';
import type { JsonObject } from '../../src/jobber/api';
import { FakeJobberApi } from '../support/fake-jobber-api';
import { reportPlatform } from '../support/report-platform';

/**
 * getData in an account whose daylight saving starts at midnight: America/Santiago skipped
 * 2024-09-08 00:00-00:59 (UTC-4 → UTC-3), so that day runs from 04:00Z to 03:00Z the next day.
 * (The Jobber sandbox's accounts have fixed zones, none of them such a one: this is the connector's
 * whole getData path on a fake Jobber instead.)
 */
function invoice(number: number, createdAt: string): JsonObject {
  return { id: `SW52b2ljZS8${number}`, invoiceNumber: String(number), createdAt, amounts: { total: 10 } };
}

const AROUND_THE_CHANGE = [
  invoice(1, '2024-09-08T03:59:59Z'), // Sep 7, 23:59:59 (UTC-4): the day before
  invoice(2, '2024-09-08T04:00:00Z'), // Sep 8, 01:00 (UTC-3): the day's first instant
  invoice(3, '2024-09-09T02:59:59Z'), // Sep 8, 23:59:59: its last second
  invoice(4, '2024-09-09T03:00:00Z'), // Sep 9, 00:00: the day after
];

function run(startDate: string, endDate: string): DataResponse {
  const api = new FakeJobberApi(() => AROUND_THE_CHANGE, {
    id: 'account-1',
    name: 'Santiago account',
    timeZone: 'America/Santiago',
  });
  const deps = { platform: reportPlatform(), jobberApi: () => api };
  return getData(deps, {
    configParams: { object: 'invoices', dateField: 'createdAt' },
    fields: [{ name: 'invoiceNumber' }, { name: 'createdAt' }],
    dateRange: { startDate, endDate },
  }) as DataResponse;
}

describe('a date range on a day whose midnight is skipped (America/Santiago, 2024-09-08)', () => {
  it('returns exactly that day’s records, dated that day', () => {
    expect(run('2024-09-08', '2024-09-08').rows).toEqual([
      { values: ['2', '20240908010000'] },
      { values: ['3', '20240908235959'] },
    ]);
  });

  it('leaves the day before and the day after whole', () => {
    expect(run('2024-09-07', '2024-09-07').rows).toEqual([{ values: ['1', '20240907235959'] }]);
    expect(run('2024-09-09', '2024-09-09').rows).toEqual([{ values: ['4', '20240909000000'] }]);
  });
});

import { parseDataRequest } from '../../src/connector/data-request';
import { ConnectorError } from '../../src/errors';

const base = {
  configParams: { object: 'invoices' },
  fields: [{ name: 'invoiceNumber' }, { name: 'total' }],
  dateRange: { startDate: '2024-03-01', endDate: '2024-03-31' },
};

function userText(request: unknown): string {
  try {
    parseDataRequest(request);
  } catch (error) {
    if (error instanceof ConnectorError && error.code === 'INVALID_REQUEST') return error.userText;
    throw error;
  }
  throw new Error('expected a user error');
}

describe('the getData request', () => {
  it('reads fields in order, the date range and the script parameters', () => {
    const request = parseDataRequest({
      ...base,
      fields: [{ name: 'total' }, { name: 'invoiceStatus', forFilterOnly: true }],
      scriptParams: { sampleExtraction: true, lastRefresh: '1718470000000' },
    });
    expect(request.fields.map((entry) => [entry.field.id, entry.forFilterOnly])).toEqual([
      ['total', false],
      ['invoiceStatus', true],
    ]);
    expect(request.range).toEqual({
      startDate: { year: 2024, month: 3, day: 1 },
      endDate: { year: 2024, month: 3, day: 31 },
    });
    expect(request.sampleExtraction).toBe(true);
    expect(request.lastRefresh).toBe('1718470000000');
  });

  it('ignores the date range for "all time" and objects without dates', () => {
    expect(
      parseDataRequest({ ...base, configParams: { object: 'invoices', dateField: 'allTime' } }).range,
    ).toBeUndefined();
    const users = { configParams: { object: 'users' }, fields: [{ name: 'userName' }] };
    expect(parseDataRequest(users).range).toBeUndefined();
  });

  it('refuses unknown fields, saying how to refresh them', () => {
    expect(userText({ ...base, fields: [{ name: 'total' }, { name: 'profit' }] })).toMatch(
      /"profit" does not exist in this data source \(Invoices\).*Refresh fields/,
    );
    expect(userText({ ...base, fields: [] })).toMatch(/no fields/);
    expect(userText({ ...base, fields: [{}] })).toMatch(/does not exist/);
  });

  it('refuses a missing, malformed or inverted date range', () => {
    expect(userText({ ...base, dateRange: undefined })).toMatch(/needs a date range/);
    expect(userText({ ...base, dateRange: { startDate: '2024-03-01' } })).toMatch(/needs a date range/);
    expect(userText({ ...base, dateRange: { startDate: '03/01/2024', endDate: '2024-03-31' } })).toMatch(
      /YYYY-MM-DD/,
    );
    expect(userText({ ...base, dateRange: { startDate: '2024-02-30', endDate: '2024-03-31' } })).toMatch(
      /not a date/,
    );
    expect(userText({ ...base, dateRange: { startDate: '2024-04-01', endDate: '2024-03-31' } })).toMatch(
      /starts after it ends/,
    );
  });

  it('takes any date of years 1 to 9999 as the range, never reading years below 100 as 19xx', () => {
    const range = (startDate: string, endDate: string) =>
      parseDataRequest({ ...base, dateRange: { startDate, endDate } }).range;
    expect(range('0001-01-01', '9999-12-31')).toEqual({
      startDate: { year: 1, month: 1, day: 1 },
      endDate: { year: 9999, month: 12, day: 31 },
    });
    // In 1999 terms this range would be inverted; as written it is not.
    expect(range('0099-12-31', '1950-01-01')?.startDate.year).toBe(99);
    expect(range('0004-02-29', '2024-03-31')?.startDate).toEqual({ year: 4, month: 2, day: 29 });
    expect(userText({ ...base, dateRange: { startDate: '0001-02-29', endDate: '2024-03-31' } })).toMatch(
      /"0001-02-29" is not a date/,
    );
    expect(userText({ ...base, dateRange: { startDate: '0000-01-01', endDate: '2024-03-31' } })).toMatch(
      /"0000-01-01" is not a date/,
    );
  });

  it('refuses a request without configuration', () => {
    expect(userText({ fields: [{ name: 'total' }] })).toMatch(/no Jobber object/);
    expect(userText(null)).toMatch(/no Jobber object/);
  });
});

/**
 * Malformed report requests get a clear user error (never an opaque failure), end to end; requests
 * at the edges of what is valid (a date range from year 1 or to 9999-12-31) get every row.
 */
import {
  isLookerUserError,
  type DataSource,
  type GetDataRequest,
  type LookerStudio,
} from '../../sandbox/studio';
import { useWorld } from '../support/e2e';
import { column, inRange, localDate, rawRecords } from './support/reports';

async function userErrorText(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (error) {
    if (isLookerUserError(error)) return error.text;
    throw error;
  }
  throw new Error('expected a user error');
}

describe('malformed requests get clear user errors', () => {
  const world = useWorld({ sandbox: { size: 'tiny', clock: 'virtual', startTime: '2026-03-12T18:00:00Z' } });
  let studio: LookerStudio;
  let invoices: DataSource;
  let request: GetDataRequest;

  beforeAll(async () => {
    studio = await world().connect();
    invoices = await studio.connect({ object: 'invoices' });
    request = invoices.request({ fields: ['invoiceNumber', 'total'] });
  });

  const getData = (changes: Partial<GetDataRequest>): Promise<unknown> =>
    studio.getData({ ...request, ...changes }, invoices.schema);

  it('names an unknown field and how to refresh the fields', async () => {
    expect(await userErrorText(getData({ fields: [{ name: 'total' }, { name: 'profit' }] }))).toMatch(
      /The field "profit" does not exist in this data source \(Invoices\)\..*Refresh fields/,
    );
  });

  it('asks for a date range when it is missing, malformed or inverted', async () => {
    const { dateRange: _omitted, ...withoutRange } = request;
    expect(await userErrorText(studio.getData(withoutRange, invoices.schema))).toMatch(/needs a date range/);
    expect(
      await userErrorText(getData({ dateRange: { startDate: '2026-02-30', endDate: '2026-03-01' } })),
    ).toMatch(/"2026-02-30" is not a date/);
    expect(
      await userErrorText(getData({ dateRange: { startDate: '2026-03-05', endDate: '2026-03-01' } })),
    ).toMatch(/starts after it ends/);
  });

  it('refuses an unknown object and bad options in getSchema and getData', async () => {
    expect(await userErrorText(studio.getSchema({ object: 'spaceships' }))).toMatch(
      /does not know \("spaceships"\)/,
    );
    expect(await userErrorText(studio.getSchema({ object: 'invoices', cacheMinutes: 'soon' }))).toMatch(
      /0 to 360/,
    );
    expect(await userErrorText(studio.getSchema({ object: 'invoices', currency: 'XYZ' }))).toMatch(
      /not a currency/,
    );
    expect(await userErrorText(studio.getSchema({ object: 'invoices', dateField: 'startAt' }))).toMatch(
      /not one of the dates/,
    );
    expect(
      await userErrorText(getData({ configParams: { ...request.configParams, object: '<b>jobs</b>' } })),
    ).toMatch(/does not know/);
  });

  it('does not call Jobber for a request it refuses', async () => {
    const before = (await world().sandbox.control.requests.list()).at(-1)?.seq ?? 0;
    await userErrorText(getData({ fields: [{ name: 'nope' }] }));
    expect(await world().sandbox.control.requests.list(before)).toEqual([]);
  });
});

describe('date ranges at the ends of the calendar', () => {
  const world = useWorld({ sandbox: { size: 'tiny', clock: 'virtual', startTime: '2026-03-12T18:00:00Z' } });
  let studio: LookerStudio;

  beforeAll(async () => {
    studio = await world().connect();
  });

  const account = () => {
    const found = world().sandbox.accounts[0];
    if (!found) throw new Error('no sandbox account');
    return found;
  };

  /** The ids of the raw records whose date (in the account's zone) falls in the range. */
  async function expectedIds(
    collection: 'invoices' | 'jobs',
    date: string,
    range: { startDate: string; endDate: string },
  ): Promise<string[]> {
    return (await rawRecords(world().sandbox, account().id, collection))
      .filter((record) => inRange(localDate(record[date], account().timeZone), range))
      .map((record) => String(record['id']))
      .sort();
  }

  it.each([
    ['0001-01-01', '9999-12-31'],
    ['2025-06-01', '9999-12-31'],
    ['2025-06-01', '9999-12-30'],
    ['0001-01-01', '2025-06-01'],
  ])('answers every invoice issued from %s to %s, never an error', async (startDate, endDate) => {
    const source = await studio.connect({ object: 'invoices', dateField: 'issuedDate', cacheMinutes: '0' });
    const range = { startDate, endDate };
    const response = await source.getData({ fields: ['invoiceId'], dateRange: range });
    const ids = column(response, 'invoiceId').map(String).sort();
    expect(ids).toEqual(await expectedIds('invoices', 'issuedDate', range));
    expect(ids.length).toBeGreaterThan(0);
  });

  it('answers every job created up to 9999-12-31 (a timestamp filter)', async () => {
    const source = await studio.connect({ object: 'jobs', dateField: 'createdAt', cacheMinutes: '0' });
    const range = { startDate: '0001-01-01', endDate: '9999-12-31' };
    const response = await source.getData({ fields: ['jobId'], dateRange: range });
    const ids = column(response, 'jobId').map(String).sort();
    expect(ids).toEqual(await expectedIds('jobs', 'createdAt', range));
    expect(ids.length).toBeGreaterThan(0);
  });
});

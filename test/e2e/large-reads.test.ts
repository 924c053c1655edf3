/**
 * Reading a whole date range end to end: the first page counts the records (totalCount), the last
 * page asks for exactly what remains, and a range the cost bucket cannot pay for within the
 * execution's budget is refused after that first page instead of after minutes of reading.
 */
import type { RequestLogEntry } from '../../sandbox/jobber/control-types';
import type { DataSource, LookerStudio } from '../../sandbox/studio';
import { useWorld } from '../support/e2e';
import { userErrorOf } from './auth-support';
import { inRange, LIVE_ONLY, localDate, rawRecords } from './support/reports';

const WHOLE_HISTORY = { startDate: '2000-01-01', endDate: '2026-03-11' };
const FIELDS = ['invoiceNumber', 'issuedDate', 'invoiceStatus', 'total', 'subtotal', 'balanceDue'];

describe('reading every page of a date range', () => {
  const world = useWorld({ sandbox: { size: 'tiny', clock: 'virtual', startTime: '2026-03-12T18:00:00Z' } });
  let studio: LookerStudio;
  let invoices: DataSource;
  let accountId: string;
  let issued: number;

  beforeAll(async () => {
    studio = await world().connect();
    // No cache and no private copy (which reads in slices and refuses nothing): every chart below
    // reads its whole range live from Jobber.
    invoices = await studio.connect({ object: 'invoices', cacheMinutes: '0', ...LIVE_ONLY });
    const account = world().sandbox.accounts[0];
    if (!account) throw new Error('no sandbox account');
    accountId = account.id;
    const records = await rawRecords(world().sandbox, accountId, 'invoices');
    issued = records.filter((invoice) =>
      inRange(localDate(invoice['issuedDate'], account.timeZone), WHOLE_HISTORY),
    ).length;
  });

  async function invoiceReads(since: number): Promise<RequestLogEntry[]> {
    const log = await world().sandbox.control.requests.list(since);
    return log.filter((entry) => entry.query?.includes('invoices(') === true);
  }

  async function lastSeq(): Promise<number> {
    return (await world().sandbox.control.requests.list()).at(-1)?.seq ?? 0;
  }

  it('counts on the first page and asks the last page for exactly the invoices that remain', async () => {
    expect(issued).toBeGreaterThan(100);
    const since = await lastSeq();
    const response = await invoices.getData({ fields: FIELDS, dateRange: WHOLE_HISTORY });
    expect(response.rows).toHaveLength(issued);
    const reads = await invoiceReads(since);
    expect(reads.map((read) => read.query?.includes('totalCount'))).toEqual(
      reads.map((_, index) => index === 0),
    );
    const last = reads.at(-1);
    expect(last?.variables?.['first']).toBe(issued - 100 * (reads.length - 1));
    expect(last?.requestedCost).toBe(last?.actualCost);
  });

  it('refuses at once a range the bucket cannot pay for within the budget, saying how many invoices it holds', async () => {
    world().runtime.setScriptProperty('JOBBER_RUNTIME_BUDGET_SECONDS', '1');
    await world().sandbox.control.setThrottleBudget(accountId, 1_500);
    try {
      const since = await lastSeq();
      const error = await userErrorOf(invoices.getData({ fields: FIELDS, dateRange: WHOLE_HISTORY }));
      expect(error.text).toContain(`holds ${issued.toLocaleString('en-US')} records`);
      expect(error.text).toContain('Nothing partial was shown');
      expect(error.text).toContain('shorter date range');
      expect(await invoiceReads(since)).toHaveLength(1);
    } finally {
      world().runtime.setScriptProperty('JOBBER_RUNTIME_BUDGET_SECONDS', null);
      await world().sandbox.control.setThrottleBudget(accountId, 10_000);
    }
  });
});

/**
 * Jobber answering 200 with a page of the wrong shape (issue 13: seen through a proxy), against the
 * built bundle: each shape ends in a retry that reads every row, or in the clear "Jobber is not
 * answering properly" error; never in fewer rows than the sandbox holds.
 */
import { PAGE_SHAPE_FAULTS, type FaultSpec, type PageShapeFault } from '../../sandbox/jobber/control-types';
import type { DataSource, LookerStudio } from '../../sandbox/studio';
import { useWorld } from '../support/e2e';
import { lastSequence, requestsSince, userErrorOf } from './auth-support';
import { inRange, localDate, LIVE_ONLY, rawRecords, type Raw } from './support/reports';

const WHOLE_HISTORY = { startDate: '2000-01-01', endDate: '2026-03-11' };
const UNAVAILABLE = 'Jobber is not answering properly';

describe('answers of the wrong shape, end to end', () => {
  const world = useWorld({ sandbox: { size: 'tiny', clock: 'virtual', startTime: '2026-03-12T18:00:00Z' } });
  let studio: LookerStudio;
  let timeZone: string;
  let accountId: string;

  beforeAll(async () => {
    studio = await world().connect();
    const account = world().sandbox.accounts[0];
    if (!account) throw new Error('no sandbox account');
    ({ timeZone, id: accountId } = account);
  });

  beforeEach(() => world().sandbox.control.faults.clear());

  /** Arms the faults, reads the chart, and returns its rows (or its error) and the faulted requests. */
  async function readWith(source: DataSource, fields: string[], faults: readonly FaultSpec[]) {
    for (const fault of faults) await world().sandbox.control.faults.inject(fault);
    const since = await lastSequence(world());
    const read = source.getData({ fields, dateRange: WHOLE_HISTORY });
    const outcome = await read.then(
      (response) => ({ rows: response.rows.length, error: undefined }),
      async () => ({ rows: undefined, error: (await userErrorOf(read)).text }),
    );
    const faulted = (await requestsSince(world(), since)).filter((entry) => entry.fault !== undefined);
    return { ...outcome, faulted: faulted.length };
  }

  const within = (records: readonly Raw[], date: string): Raw[] =>
    records.filter((record) => inRange(localDate(record[date], timeZone), WHOLE_HISTORY));

  describe('invoices, page 2 of a counted read (the review saw 100 or 200 of 319)', () => {
    let invoices: DataSource;
    let issued: number;
    const FIELDS = ['invoiceNumber', 'issuedDate', 'total'];

    beforeAll(async () => {
      // The faults hit the live path's pages (page 2 of the chart's own read); the private copy
      // (the default) reads in other slices and pages.
      invoices = await studio.connect({ object: 'invoices', cacheMinutes: '0', ...LIVE_ONLY });
      issued = within(await rawRecords(world().sandbox, accountId, 'invoices'), 'issuedDate').length;
      expect(issued).toBeGreaterThan(200);
    });

    it.each(PAGE_SHAPE_FAULTS)('%s once: a retry (or one more page) reads every invoice', async (shape) => {
      const fault: FaultSpec = { kind: 'malformedPage', shape, page: 2, queryContains: 'invoices(' };
      const outcome = await readWith(invoices, FIELDS, [fault]);
      expect(outcome).toEqual({ rows: issued, error: undefined, faulted: 1 });
    });

    it.each(PAGE_SHAPE_FAULTS.filter((shape) => shape !== 'endsEarly'))(
      '%s three times: the clear error, no rows',
      async (shape) => {
        const fault: FaultSpec = {
          kind: 'malformedPage',
          shape,
          page: 2,
          times: 3,
          queryContains: 'invoices(',
        };
        const outcome = await readWith(invoices, FIELDS, [fault]);
        expect(outcome.error).toContain(UNAVAILABLE);
        expect(outcome.faulted).toBe(3);
      },
    );

    it('endsEarly on every page: the clear error, never 100 or 200 of them', async () => {
      const fault: FaultSpec = {
        kind: 'malformedPage',
        shape: 'endsEarly',
        times: 50,
        queryContains: 'invoices(',
      };
      const outcome = await readWith(invoices, FIELDS, [fault]);
      expect(outcome.error).toContain(UNAVAILABLE);
    });
  });

  describe('invoice line items, the re-read of a long list (the review saw 396 of 457)', () => {
    let lines: DataSource;
    let expected: number;
    const RE_READ = 'InvoiceLineItemsReportMoreLineItems';

    beforeAll(async () => {
      lines = await studio.connect({ object: 'invoiceLineItems', cacheMinutes: '0', ...LIVE_ONLY });
      const invoices = within(await rawRecords(world().sandbox, accountId, 'invoices'), 'issuedDate');
      const ids = new Set(invoices.map((invoice) => invoice['id']));
      const items = await rawRecords(world().sandbox, accountId, 'invoiceLineItems');
      expected = items.filter((item) => ids.has(item['invoiceId'])).length;
    });

    it.each<PageShapeFault>(['nullRoot', 'nullConnection', 'nullNodes', 'endsEarly'])(
      '%s once (invoice: null, …): retried, every line item',
      async (shape) => {
        const fault: FaultSpec = { kind: 'malformedPage', shape, operationName: RE_READ };
        const outcome = await readWith(lines, ['lineItemId', 'name'], [fault]);
        expect(outcome).toEqual({ rows: expected, error: undefined, faulted: 1 });
      },
    );

    it('invoice: null three times: the clear error, not an invoice without its items', async () => {
      const fault: FaultSpec = { kind: 'malformedPage', shape: 'nullRoot', times: 3, operationName: RE_READ };
      const outcome = await readWith(lines, ['lineItemId', 'name'], [fault]);
      expect(outcome.error).toContain(UNAVAILABLE);
    });
  });

  describe('jobs by last update, read newest first (the review saw 136 and 98 of 138)', () => {
    let jobs: DataSource;
    let expected: number;

    beforeAll(async () => {
      jobs = await studio.connect({
        object: 'jobs',
        dateField: 'updatedAt',
        cacheMinutes: '0',
        ...LIVE_ONLY,
      });
      expected = within(await rawRecords(world().sandbox, accountId, 'jobs'), 'updatedAt').length;
      expect(expected).toBeGreaterThan(100);
    });

    it.each<PageShapeFault>(['nullNodes', 'noHasNextPage', 'nullRoot'])(
      '%s once: retried, every job',
      async (shape) => {
        const fault: FaultSpec = { kind: 'malformedPage', shape, page: 2, queryContains: 'jobs(' };
        const outcome = await readWith(jobs, ['jobNumber', 'updatedAt'], [fault]);
        expect(outcome).toEqual({ rows: expected, error: undefined, faulted: 1 });
      },
    );

    it.each<PageShapeFault>(['nullNodes', 'noHasNextPage'])(
      '%s three times: the clear error',
      async (shape) => {
        const fault: FaultSpec = { kind: 'malformedPage', shape, page: 2, times: 3, queryContains: 'jobs(' };
        const outcome = await readWith(jobs, ['jobNumber', 'updatedAt'], [fault]);
        expect(outcome.error).toContain(UNAVAILABLE);
      },
    );
  });
});

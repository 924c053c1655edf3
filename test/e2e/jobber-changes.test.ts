/**
 * Jobber changing between two report views, end to end: the built bundle in the local runtime
 * reads the sandbox through the Looker Studio driver; between two getData calls a test changes
 * records through the sandbox's control API (as a Jobber user would in Jobber). The live path
 * (no cache) shows every change at once: new and changed records, amounts and statuses that follow
 * from them, a renamed client, deleted records gone, a changed job in "last updated today".
 */
import type { DataSource } from '../../sandbox/studio';
import { useWorld } from '../support/e2e';
import {
  CHANGED_INVOICE_FIELDS,
  changeOpenInvoice,
  expectChangesShown,
  openInvoice,
} from './support/invoice-changes';
import { column, columnSum, invoiceRow, LIVE_ONLY, num, rawRecords, type Raw } from './support/reports';

const FIELDS = CHANGED_INVOICE_FIELDS;

describe('Jobber changes between two report views', () => {
  const world = useWorld({ sandbox: { size: 'tiny', clock: 'virtual', startTime: '2026-03-12T18:00:00Z' } });
  let invoices: DataSource;
  let raw: (collection: 'invoices' | 'clients' | 'invoiceLineItems') => Promise<Raw[]>;

  beforeAll(async () => {
    const studio = await world().connect();
    // The live path (no cache, no private copy: test/e2e/private-copy-changes.test.ts covers the copy).
    invoices = await studio.connect({
      object: 'invoices',
      dateField: 'allTime',
      cacheMinutes: '0',
      ...LIVE_ONLY,
    });
    raw = (collection) => rawRecords(world().sandbox, world().sandbox.demo.accountId, collection);
  });

  it('shows created, changed and deleted invoices, and what follows from them, in the next getData', async () => {
    const all = await raw('invoices');
    const open = openInvoice(all);
    const doomed = all.find((invoice) => invoice !== open && invoice['clientId'] !== open['clientId']);
    if (!doomed) throw new Error('the tiny account lacks a second client with an invoice');
    const before = await invoices.getData({ fields: FIELDS });
    expect(invoiceRow(before, open['id'])).toMatchObject({
      total: open['total'],
      invoiceStatus: 'Sent, not yet due',
    });
    expect(invoiceRow(before, doomed['id'])).toBeDefined();

    const changes = await changeOpenInvoice(world().sandbox, open);
    await world().sandbox.control.deleteRecord('invoices', String(doomed['id']));

    const after = await invoices.getData({ fields: FIELDS });
    expectChangesShown(after, changes);
    expect(invoiceRow(after, doomed['id'])).toBeUndefined();
    const now = await raw('invoices');
    expect(columnSum(after, 'invoiceCount')).toBe(now.length);
    expect(columnSum(after, 'total')).toBeCloseTo(
      now.reduce((sum, invoice) => sum + num(invoice['total']), 0),
      2,
    );
  });

  it('puts a job whose line changed into "last updated" today, read newest first', async () => {
    const { control } = world().sandbox;
    const studio = world().studio();
    const jobs = await studio.connect({
      object: 'jobs',
      dateField: 'updatedAt',
      cacheMinutes: '0',
      ...LIVE_ONLY,
    });
    const today = { startDate: studio.today(), endDate: studio.today() };
    const chart = { fields: ['jobId', 'jobCount'], dateRange: today };
    const before = column(await jobs.getData(chart), 'jobId');
    const items = await rawRecords(world().sandbox, world().sandbox.demo.accountId, 'jobLineItems');
    const item = items.find((line) => !before.includes(line['jobId']));
    if (!item) throw new Error('every job changed today already');
    await world().sandbox.control.clock.advance(60_000);
    await control.updateRecord('jobLineItems', String(item['id']), { quantity: num(item['quantity']) + 1 });
    const after = column(await jobs.getData(chart), 'jobId');
    expect(after).toContain(item['jobId']);
    expect(after).toHaveLength(before.length + 1);
  });
});

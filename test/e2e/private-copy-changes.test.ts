/**
 * Jobber changing between two report views, answered from the private copy: the built bundle in the
 * local runtime, the sandbox changed through its control API as a Jobber user would, the runtime's
 * Drive stand-in holding the copy. New and changed records show at the next view, with what follows
 * from them (a payment's invoice, a renamed client); deletions within the reconciliation interval or
 * at once with "Refresh data"; statuses Jobber derives from the clock as the clock moves.
 */
import type { DataSource } from '../../sandbox/studio';
import { useWorld } from '../support/e2e';
import {
  CHANGED_INVOICE_FIELDS,
  changeOpenInvoice,
  expectChangesShown,
  openInvoice,
} from './support/invoice-changes';
import { columnSum, invoiceRow, type Raw, rawRecords } from './support/reports';

const FIELDS = CHANGED_INVOICE_FIELDS;

describe('Jobber changes between two views of the private copy', () => {
  const world = useWorld({ sandbox: { size: 'tiny', clock: 'virtual', startTime: '2026-03-12T18:00:00Z' } });
  let copy: DataSource;
  let raw: (collection: 'invoices' | 'clients') => Promise<Raw[]>;

  beforeAll(async () => {
    const studio = await world().connect();
    copy = await studio.connect({ object: 'invoices', dateField: 'allTime' });
    raw = (collection) => rawRecords(world().sandbox, world().sandbox.demo.accountId, collection);
  });

  const minutes = (count: number): Promise<number> => world().sandbox.control.clock.advance(count * 60_000);

  it('shows created and changed invoices, a payment’s effect and a renamed client at the next view', async () => {
    const open = openInvoice(await raw('invoices'));
    const before = await copy.getData({ fields: FIELDS });
    expect(invoiceRow(before, open['id'])).toMatchObject({
      total: open['total'],
      invoiceStatus: 'Sent, not yet due',
    });

    await minutes(1);
    const changes = await changeOpenInvoice(world().sandbox, open);
    await minutes(1);

    const after = await copy.getData({ fields: FIELDS });
    expectChangesShown(after, changes);
    expect(columnSum(after, 'invoiceCount')).toBe((await raw('invoices')).length);
  });

  it('shows a renamed client on every invoice of that client, though none of them changed', async () => {
    const invoices = await raw('invoices');
    const clientId = invoices[0]?.['clientId'];
    const theirs = invoices
      .filter((invoice) => invoice['clientId'] === clientId)
      .map((invoice) => invoice['id']);
    await copy.getData({ fields: FIELDS });
    await minutes(1);
    await world().sandbox.control.updateRecord('clients', String(clientId), {
      firstName: 'Newname',
      companyName: null,
    });
    await minutes(1);
    const after = await copy.getData({ fields: FIELDS });
    for (const id of theirs) expect(String(invoiceRow(after, id)?.['clientName'])).toMatch(/^Newname /);
  });

  it('drops a deleted invoice at once on "Refresh data", and within the reconciliation interval without', async () => {
    const { control } = world().sandbox;
    const [first, second] = (await raw('invoices')).filter((invoice) => invoice['invoiceStatus'] !== 'paid');
    if (!first || !second) throw new Error('the tiny account lacks two invoices');
    await copy.getData({ fields: FIELDS });
    await control.deleteRecord('invoices', String(first['id']));
    await minutes(1);
    copy.refreshData();
    expect(invoiceRow(await copy.getData({ fields: FIELDS }), first['id'])).toBeUndefined();

    await control.deleteRecord('invoices', String(second['id']));
    await minutes(1);
    const soon = await copy.getData({ fields: FIELDS });
    expect(invoiceRow(soon, second['id'])).toBeDefined(); // the documented bound: within the interval
    await minutes(61);
    const later = await copy.getData({ fields: FIELDS });
    expect(invoiceRow(later, second['id'])).toBeUndefined();
    expect(columnSum(later, 'invoiceCount')).toBe((await raw('invoices')).length);
  });

  it('shows an invoice as past due once its due date passes, though nothing in Jobber changed', async () => {
    const { control } = world().sandbox;
    const now = (await control.clock.now()).now;
    const dueSoon = (await raw('invoices')).find(
      (invoice) =>
        invoice['invoiceStatus'] === 'sent_not_due' &&
        typeof invoice['dueDate'] === 'string' &&
        Date.parse(invoice['dueDate']) > now &&
        Date.parse(invoice['dueDate']) < now + 20 * 86_400_000,
    );
    if (!dueSoon) throw new Error('no invoice falls due within 20 days');
    expect(invoiceRow(await copy.getData({ fields: FIELDS }), dueSoon['id'])).toMatchObject({
      invoiceStatus: 'Sent, not yet due',
    });
    await control.clock.advance(Date.parse(String(dueSoon['dueDate'])) - now + 2 * 86_400_000);
    expect(invoiceRow(await copy.getData({ fields: FIELDS }), dueSoon['id'])).toMatchObject({
      invoiceStatus: 'Past due',
    });
  });
});

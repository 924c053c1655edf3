/**
 * One set of changes a Jobber user makes between two report views, shared by the live and the
 * private-copy change suites so both prove the same thing: an open invoice gains a line and is paid
 * in full, its client is renamed, and that client gets a new invoice.
 */
import type { SandboxHandle } from '../../../sandbox/jobber/harness';
import type { GetDataResponse } from '../../../sandbox/studio';
import { invoiceRow, num, type Raw } from './reports';

/** The invoice fields both change suites chart. */
export const CHANGED_INVOICE_FIELDS = [
  'invoiceId',
  'invoiceNumber',
  'clientName',
  'invoiceStatus',
  'total',
  'balanceDue',
  'invoiceCount',
];

const NEW_LINE_PRICE = 100;
const NEW_INVOICE_PRICE = 250;

export interface InvoiceChanges {
  readonly open: Raw;
  /** The open invoice's total after its new line, all of it paid. */
  readonly total: number;
  readonly created: Raw;
}

/** An invoice sent, not yet due, with something to pay. */
export function openInvoice(invoices: readonly Raw[]): Raw {
  const open = invoices.find(
    (invoice) => invoice['invoiceStatus'] === 'sent_not_due' && num(invoice['total']) > 0,
  );
  if (!open) throw new Error('the account lacks an open invoice');
  return open;
}

/** Makes the changes through the sandbox's control API, as a Jobber user would in Jobber. */
export async function changeOpenInvoice(sandbox: SandboxHandle, open: Raw): Promise<InvoiceChanges> {
  const { control } = sandbox;
  await control.createRecord('invoiceLineItems', {
    invoiceId: open['id'],
    name: 'Extra',
    unitPrice: NEW_LINE_PRICE,
    taxable: false,
  });
  const total = num(open['total']) + NEW_LINE_PRICE;
  await control.createRecord('paymentRecords', { invoiceId: open['id'], amount: total, paymentType: 'CASH' });
  await control.updateRecord('clients', String(open['clientId']), {
    firstName: 'Renamed',
    companyName: null,
  });
  const created = await control.createRecord<Raw>('invoices', {
    clientId: open['clientId'],
    issuedDate: '2026-03-12T06:00:00Z',
    dueDate: '2026-04-11T06:00:00Z',
  });
  await control.createRecord('invoiceLineItems', {
    invoiceId: created['id'],
    unitPrice: NEW_INVOICE_PRICE,
    taxable: false,
  });
  return { open, total, created };
}

/** The next view shows every change and what follows from it: paid, renamed, the new invoice. */
export function expectChangesShown(after: GetDataResponse, changes: InvoiceChanges): void {
  const changed = invoiceRow(after, changes.open['id']);
  expect(changed).toMatchObject({ total: changes.total, balanceDue: 0, invoiceStatus: 'Paid' });
  expect(String(changed?.['clientName'])).toMatch(/^Renamed /);
  expect(invoiceRow(after, changes.created['id'])).toMatchObject({
    total: NEW_INVOICE_PRICE,
    balanceDue: NEW_INVOICE_PRICE,
    invoiceStatus: 'Sent, not yet due',
    clientName: changed?.['clientName'],
  });
}

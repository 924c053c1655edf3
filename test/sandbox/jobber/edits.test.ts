import type { AccountData } from '../../../sandbox/jobber/data/account-data';
import { createRecord, deleteRecord, updateRecord } from '../../../sandbox/jobber/data/edits';
import type { InvoiceRecord } from '../../../sandbox/jobber/data/records';
import { prepare, run } from '../../../sandbox/jobber/graphql/execute';
import { buildSandboxSchema } from '../../../sandbox/jobber/graphql/schema';
import { executionContext, tinyAccount } from './support';

/**
 * What each change through the control API moves (data/edits.ts, docs/sandbox.md "What moves
 * updatedAt"), on a generated account: the changed record's updatedAt, what it is part of, what
 * only sums it, and nothing else; lists, counts and the money invariants stay in step.
 */
const NOW = Date.UTC(2026, 5, 15, 18);
const LATER = NOW + 3_600_000;
const schema = buildSandboxSchema();
const cents = (value: number): number => Math.round(value * 100);

const freshAccount = (): AccountData => tinyAccount(NOW);

/** A GraphQL query against the account at a given sandbox time, as the server would run it. */
function query<T>(account: AccountData, text: string, now = LATER): T {
  const request = { query: text, variables: {} };
  const prepared = prepare(schema, request);
  if (!prepared.ok) throw new Error(prepared.errors.map(String).join('\n'));
  const { result } = run(prepared.query, request, { ...executionContext(account), now });
  if (result.errors) throw new Error(result.errors.map(String).join('\n'));
  return result.data as T;
}

function expectMoneyAddsUp(account: AccountData, invoice: InvoiceRecord): void {
  const items = account.childrenOf('invoiceLineItems', 'invoiceId', invoice.id);
  const payments = account.childrenOf('paymentRecords', 'invoiceId', invoice.id);
  expect(items.reduce((sum, item) => sum + cents(item.totalPrice), 0)).toBe(cents(invoice.subtotal));
  expect(cents(invoice.total)).toBe(
    cents(invoice.subtotal) - cents(invoice.discountAmount) + cents(invoice.taxAmount),
  );
  expect(payments.reduce((sum, payment) => sum + cents(payment.rawAmount), 0)).toBe(
    cents(invoice.paymentsTotal),
  );
  expect(cents(invoice.invoiceBalance)).toBe(cents(invoice.total) - cents(invoice.paymentsTotal));
  const client = account.find('clients', invoice.clientId);
  const owed = account
    .childrenOf('invoices', 'clientId', invoice.clientId)
    .filter((each) => each.issuedDate !== null)
    .reduce((sum, each) => sum + cents(each.invoiceBalance), 0);
  expect(cents(client?.balance ?? NaN)).toBe(owed);
}

function openInvoice(account: AccountData): InvoiceRecord {
  const found = account.records.invoices.find(
    (invoice) =>
      account.invoiceStatus(invoice, NOW) === 'sent_not_due' &&
      invoice.jobIds.length > 0 &&
      account.childrenOf('invoiceLineItems', 'invoiceId', invoice.id).length > 0,
  );
  if (!found) throw new Error('no open invoice');
  return found;
}

describe('changing a line item', () => {
  const account = freshAccount();
  const invoice = openInvoice(account);
  const job = account.find('jobs', invoice.jobIds[0]);
  const client = account.find('clients', invoice.clientId);
  const [item] = account.childrenOf('invoiceLineItems', 'invoiceId', invoice.id);
  if (!item || !job || !client) throw new Error('incomplete invoice');
  const before = {
    job: job.updatedAt,
    client: client.updatedAt,
    total: invoice.total,
    invoiced: job.invoicedTotal,
  };
  updateRecord(account, 'invoiceLineItems', item.id, { quantity: item.quantity + 2 }, LATER);

  it('recomputes its own total and moves its updatedAt', () => {
    expect(item.totalPrice).toBeCloseTo(item.unitPrice * item.quantity, 2);
    expect(item.updatedAt).toBe(LATER);
  });

  it('touches its invoice: totals, balance and updatedAt', () => {
    expect(invoice.updatedAt).toBe(LATER);
    expect(invoice.total).toBeGreaterThan(before.total);
    expectMoneyAddsUp(account, invoice);
  });

  it('recomputes what sums the invoice without moving its updatedAt: the client’s balance, the job’s invoiced total', () => {
    expect(client.updatedAt).toBe(before.client);
    expect(job.updatedAt).toBe(before.job);
    expect(job.invoicedTotal).toBeGreaterThan(before.invoiced);
    expect(cents(job.uninvoicedTotal)).toBe(Math.max(0, cents(job.total) - cents(job.invoicedTotal)));
  });

  it('puts the invoice first in the recently-updated list, and the updatedAt filter finds it', () => {
    const after = new Date(LATER - 1_000).toISOString();
    const answer = query<{ first: { nodes: { id: string }[] }; changed: { totalCount: number } }>(
      account,
      `{ first: invoices(first: 1) { nodes { id } } changed: invoices(filter: { updatedAt: { after: "${after}" } }) { totalCount } }`,
    );
    expect(answer.first.nodes[0]?.id).toBe(
      Buffer.from(`gid://Jobber/Invoice/${invoice.id}`).toString('base64'),
    );
    expect(answer.changed.totalCount).toBe(1);
  });
});

describe('a quote’s or a job’s line item', () => {
  const account = freshAccount();

  it('touches the quote: totals recomputed, updatedAt moved', () => {
    const quote = account.records.quotes.find(
      (each) => account.childrenOf('quoteLineItems', 'quoteId', each.id).length,
    );
    if (!quote) throw new Error('no quote with lines');
    const created = createRecord(
      account,
      'quoteLineItems',
      { quoteId: quote.id, unitPrice: 40, quantity: 2 },
      LATER,
    );
    expect(created.totalPrice).toBe(80);
    const lines = account.childrenOf('quoteLineItems', 'quoteId', quote.id);
    expect(cents(quote.subtotal)).toBe(lines.reduce((sum, item) => sum + cents(item.totalPrice), 0));
    expect(cents(quote.total)).toBe(
      cents(quote.subtotal) - cents(quote.discountAmount) + cents(quote.taxAmount),
    );
    expect(quote.updatedAt).toBe(LATER);
  });

  it('touches the job: total, uninvoiced total and costing recomputed, updatedAt moved', () => {
    const job = account.records.jobs.find(
      (each) => account.childrenOf('jobLineItems', 'jobId', each.id).length,
    );
    const [item] = job ? account.childrenOf('jobLineItems', 'jobId', job.id) : [];
    if (!job || !item) throw new Error('no job with lines');
    updateRecord(account, 'jobLineItems', item.id, { unitCost: item.unitCost + 10 }, LATER);
    const lines = account.childrenOf('jobLineItems', 'jobId', job.id);
    expect(cents(job.total)).toBe(lines.reduce((sum, line) => sum + cents(line.totalPrice), 0));
    expect(job.costing.lineItemCost).toBeCloseTo(
      lines.reduce((sum, line) => sum + line.totalCost, 0),
      2,
    );
    expect(cents(job.uninvoicedTotal)).toBe(Math.max(0, cents(job.total) - cents(job.invoicedTotal)));
    expect(job.updatedAt).toBe(LATER);
  });
});

describe('payments', () => {
  const account = freshAccount();
  const invoice = openInvoice(account);

  it('recording one touches its invoice: paid in full makes it paid, with the day it was received', () => {
    const payment = createRecord(
      account,
      'paymentRecords',
      { invoiceId: invoice.id, amount: invoice.invoiceBalance, paymentType: 'CHEQUE' },
      LATER,
    );
    expect(payment.clientId).toBe(invoice.clientId);
    expect(payment.typename).toBe('CheckPaymentRecord');
    expect([payment.entryDate, payment.updatedAt]).toEqual([LATER, LATER]);
    expect(invoice.invoiceBalance).toBe(0);
    expect(account.invoiceStatus(invoice, LATER)).toBe('paid');
    expect(invoice.receivedDate).toBe(account.zone.midnight(account.zone.localDay(LATER)));
    expect(invoice.updatedAt).toBe(LATER);
    expectMoneyAddsUp(account, invoice);
  });

  it('changing one moves the invoice’s balance and status again, and the payment’s own updatedAt', () => {
    const [payment] = account.childrenOf('paymentRecords', 'invoiceId', invoice.id).slice(-1);
    if (!payment) throw new Error('no payment');
    updateRecord(account, 'paymentRecords', payment.id, { amount: 10 }, LATER + 1_000);
    expect(payment.updatedAt).toBe(LATER + 1_000);
    expect(invoice.updatedAt).toBe(LATER + 1_000);
    expect(account.invoiceStatus(invoice, LATER + 1_000)).toBe('awaiting_payment');
    expect(invoice.receivedDate).toBeNull();
    const answer = query<{ paymentRecords: { nodes: { id: string }[] } }>(
      account,
      '{ paymentRecords(first: 1, sort: { key: UPDATED_AT, direction: DESCENDING }) { nodes { id } } }',
      LATER + 1_000,
    );
    expect(answer.paymentRecords.nodes[0]?.id).toBe(
      Buffer.from(`gid://Jobber/PaymentRecord/${payment.id}`).toString('base64'),
    );
    expectMoneyAddsUp(account, invoice);
  });

  it('deleting one gives the balance back', () => {
    for (const payment of account.childrenOf('paymentRecords', 'invoiceId', invoice.id))
      deleteRecord(account, 'paymentRecords', payment.id, LATER + 2_000);
    expect(invoice.paymentsTotal).toBe(0);
    expect(invoice.invoiceBalance).toBe(invoice.total);
    expect(account.invoiceStatus(invoice, LATER + 2_000)).toBe('sent_not_due');
    expect(invoice.updatedAt).toBe(LATER + 2_000);
    expectMoneyAddsUp(account, invoice);
  });
});

describe('what does not move', () => {
  const account = freshAccount();

  it('renaming a client changes the name its invoices, jobs and quotes show, not their updatedAt', () => {
    const client = account.records.clients.find(
      (each) => account.childrenOf('invoices', 'clientId', each.id).length > 0 && !each.isCompany,
    );
    if (!client) throw new Error('no client with invoices');
    const work = [
      ...account.childrenOf('invoices', 'clientId', client.id),
      ...account.childrenOf('jobs', 'clientId', client.id),
      ...account.childrenOf('quotes', 'clientId', client.id),
    ];
    const before = work.map((record) => record.updatedAt);
    updateRecord(account, 'clients', client.id, { firstName: 'Renamed' }, LATER);
    expect(client.updatedAt).toBe(LATER);
    expect(work.map((record) => record.updatedAt)).toEqual(before);
    const id = Buffer.from(`gid://Jobber/Invoice/${work[0]?.id ?? 0}`).toString('base64');
    const answer = query<{ invoice: { client: { name: string } } }>(
      account,
      `{ invoice(id: "${id}") { client { name } } }`,
    );
    expect(answer.invoice.client.name).toBe(`Renamed ${client.lastName}`);
  });

  it('a visit’s changes leave its job’s updatedAt, and the job’s status follows the visit', () => {
    const visit = account.records.visits.find(
      (each) =>
        account.visitStatus(each, NOW) === 'LATE' && account.find('jobs', each.jobId)?.onHold === false,
    );
    const job = account.find('jobs', visit?.jobId);
    if (!visit || !job) throw new Error('no late visit');
    const jobUpdatedAt = job.updatedAt;
    expect(account.jobStatus(job, LATER)).toBe('late');
    updateRecord(account, 'visits', visit.id, { completedAt: LATER }, LATER);
    expect(visit.isComplete).toBe(true);
    expect(account.visitStatus(visit, LATER)).toBe('COMPLETED');
    expect(job.updatedAt).toBe(jobUpdatedAt);
    expect(account.jobStatus(job, LATER)).not.toBe('late');
  });

  it('touching a record with no changes moves only its updatedAt', () => {
    const [expense] = account.records.expenses;
    if (!expense) throw new Error('no expense');
    const before = { ...expense };
    updateRecord(account, 'expenses', expense.id, {}, LATER);
    expect({ ...expense, updatedAt: before.updatedAt }).toEqual(before);
    expect(expense.updatedAt).toBe(LATER);
  });
});

import { invoices } from '../../../src/catalog/objects/invoices';
import { contextOn, documentFor, emptyRow, onlyRow } from './helpers';

const invoice = {
  id: 'SW52b2ljZS8x',
  invoiceNumber: '1042',
  invoiceStatus: 'awaiting_payment',
  subject: 'Spring cleanup',
  invoiceNet: 30,
  jobberWebUri: 'https://secure.getjobber.com/invoices/1',
  client: { id: 'Q2xpZW50LzE=', name: 'Acme Lawns' },
  billingAddress: { city: 'Denver', province: 'Colorado', country: 'United States' },
  // Date-like fields are local midnight in Denver (UTC-6 in summer, UTC-7 in winter).
  issuedDate: '2024-05-01T06:00:00Z',
  dueDate: '2024-05-31T06:00:00Z',
  receivedDate: null,
  createdAt: '2024-05-01T05:30:00Z',
  updatedAt: '2024-05-02T16:04:05Z',
  dateViewedInClientHub: null,
  amounts: {
    subtotal: 500,
    discountAmount: 50,
    taxAmount: 22.5,
    tipsTotal: 0,
    total: 472.5,
    depositAmount: 0,
    paymentsTotal: 100,
    invoiceBalance: 372.5,
  },
};

describe('invoices', () => {
  it('formats every kind of value as Looker Studio expects', () => {
    expect(onlyRow(invoices, invoice)).toMatchObject({
      invoiceId: 'SW52b2ljZS8x',
      invoiceNumber: '1042',
      invoiceStatus: 'Awaiting payment',
      paymentTermsDays: 30,
      jobberWebUri: 'https://secure.getjobber.com/invoices/1',
      clientName: 'Acme Lawns',
      billingCity: 'Denver',
      issuedDate: '20240501',
      dueDate: '20240531',
      receivedDate: null,
      createdAt: '20240430233000',
      updatedAt: '20240502100405',
      total: 472.5,
      amountPaid: 100,
      balanceDue: 372.5,
      invoiceCount: 1,
    });
  });

  it('counts revenue after discounts and before tax, and none for drafts', () => {
    expect(onlyRow(invoices, invoice)['revenueBeforeTax']).toBe(450);
    expect(onlyRow(invoices, { ...invoice, invoiceStatus: 'draft' })['revenueBeforeTax']).toBe(0);
  });

  it('ages what is still owed in days past due, in the account’s time zone', () => {
    const onTime = onlyRow(invoices, invoice, contextOn('2024-05-31'));
    expect(onTime).toMatchObject({ isOverdue: false, daysOverdue: null, agingBucket: 'Current' });
    const late = onlyRow(invoices, invoice, contextOn('2024-06-01'));
    expect(late).toMatchObject({ isOverdue: true, daysOverdue: 1, agingBucket: '1-30 days' });
    expect(onlyRow(invoices, invoice, contextOn('2024-07-30'))['agingBucket']).toBe('31-60 days');
    expect(onlyRow(invoices, invoice, contextOn('2024-08-29'))['agingBucket']).toBe('61-90 days');
    expect(onlyRow(invoices, invoice, contextOn('2024-08-30'))['agingBucket']).toBe('90+ days');
  });

  it('does not age paid invoices, drafts or bad debt', () => {
    const paid = { ...invoice, invoiceStatus: 'paid', amounts: { ...invoice.amounts, invoiceBalance: 0 } };
    const august = contextOn('2024-08-30');
    expect(onlyRow(invoices, paid, august)).toMatchObject({
      isOverdue: false,
      daysOverdue: null,
      agingBucket: null,
    });
    expect(onlyRow(invoices, { ...invoice, invoiceStatus: 'bad_debt' }, august)).toMatchObject({
      isOverdue: false,
      daysOverdue: null,
    });
    expect(onlyRow(invoices, { ...invoice, invoiceStatus: 'draft' }, august)['isOverdue']).toBe(false);
  });

  it('puts a balance nobody chases in a bucket named by its status, so Balance due by bucket has no blank', () => {
    const august = contextOn('2024-08-30');
    const bucketOf = (invoiceStatus: string, invoiceBalance = 372.5): unknown =>
      onlyRow(
        invoices,
        { ...invoice, invoiceStatus, amounts: { ...invoice.amounts, invoiceBalance } },
        august,
      )['agingBucket'];
    expect(bucketOf('bad_debt')).toBe('Bad debt');
    expect(bucketOf('draft')).toBe('Draft');
    expect(bucketOf('voided')).toBe('Voided');
    expect(bucketOf('bad_debt', 0)).toBeNull();
    expect(bucketOf('past_due')).toBe('90+ days');
    const described = invoices.fields.find((field) => field.id === 'agingBucket')?.description;
    expect(described).toContain('Bad debt');
  });

  it('measures days to pay from issue to full payment', () => {
    const paid = { ...invoice, invoiceStatus: 'paid', receivedDate: '2024-05-13T06:00:00Z' };
    expect(onlyRow(invoices, paid)['daysToPay']).toBe(12);
    expect(onlyRow(invoices, invoice)['daysToPay']).toBeNull();
  });

  it('labels statuses newer than the schema readably', () => {
    expect(onlyRow(invoices, { ...invoice, invoiceStatus: 'sent_not_due' })['invoiceStatus']).toBe(
      'Sent, not yet due',
    );
    expect(onlyRow(invoices, { ...invoice, invoiceStatus: 'partially_refunded' })['invoiceStatus']).toBe(
      'Partially refunded',
    );
  });

  it('answers null for whatever Jobber leaves out', () => {
    const row = emptyRow(invoices);
    expect(row['total']).toBeNull();
    expect(row['issuedDate']).toBeNull();
    expect(row['invoiceStatus']).toBeNull();
    expect(row['invoiceCount']).toBe(1);
  });

  it('selects only what the requested fields need, KPIs included', () => {
    expect(documentFor(invoices, ['invoiceNumber', 'total'])).toContain(
      'nodes { invoiceNumber amounts { total } }',
    );
    expect(documentFor(invoices, ['agingBucket'])).toContain(
      'nodes { invoiceStatus amounts { invoiceBalance } dueDate }',
    );
    expect(documentFor(invoices, ['invoiceId', 'total'])).toContain('nodes { id amounts { total } }');
  });

  it('asks for nothing but the type name when a chart only counts invoices (it costs nothing)', () => {
    expect(documentFor(invoices, ['invoiceCount'])).toContain('nodes { __typename }');
  });
});

/**
 * Fields a record derives from its parts when it is written: an invoice's totals from its line
 * items and its balance from its payments, a client's balance from its invoices, a job's totals
 * and costing, a line's total. They are never written directly (the control API refuses them);
 * a change to a part recomputes them (see data/edits.ts and the registry's change effects).
 */
import type { AccountData } from './account-data';
import type { CollectionName, RecordOf } from './collections';
import { cents, dollars } from './context';
import { costingOf } from './finalize';
import { computeTotals } from './money';
import { paymentTypename } from './payments';
import type {
  ClientRecord,
  InvoiceRecord,
  JobRecord,
  LineItemRecord,
  PaymentRecord,
  QuoteRecord,
  TimeSheetEntryRecord,
  VisitRecord,
} from './records';

export interface Recomputation<R> {
  /** The fields it writes. */
  readonly fields: readonly string[];
  readonly apply: (data: AccountData, record: R) => void;
}

const TOTALS = ['subtotal', 'discountAmount', 'taxAmount', 'total', 'nonTaxAmount'];

const lineTotals: Recomputation<LineItemRecord> = {
  fields: ['totalPrice', 'totalCost'],
  apply: (_data, item) => {
    item.totalPrice = dollars(Math.round(item.unitPrice * 100 * item.quantity));
    item.totalCost = dollars(Math.round(item.unitCost * 100 * item.quantity));
  },
};

export const RECOMPUTED: { readonly [C in CollectionName]?: Recomputation<RecordOf<C>> } = {
  clients: { fields: ['balance'], apply: clientBalance },
  quotes: {
    fields: TOTALS,
    apply: (data, quote: QuoteRecord) => {
      const items = data.childrenOf('quoteLineItems', 'quoteId', quote.id);
      Object.assign(quote, computeTotals(items, quote.discount, taxPercent(data, quote.taxRateId)));
    },
  },
  quoteLineItems: lineTotals,
  jobs: { fields: ['total', 'invoicedTotal', 'uninvoicedTotal', 'costing'], apply: jobTotals },
  jobLineItems: lineTotals,
  visits: {
    fields: ['isComplete', 'clientId'],
    apply: (data, visit: VisitRecord) => {
      visit.isComplete = visit.completedAt !== null;
      visit.clientId = data.find('jobs', visit.jobId)?.clientId ?? visit.clientId;
    },
  },
  invoices: {
    fields: [...TOTALS, 'paymentsTotal', 'tipsTotal', 'invoiceBalance', 'receivedDate'],
    apply: invoiceAmounts,
  },
  invoiceLineItems: lineTotals,
  paymentRecords: { fields: ['rawAmount', 'clientId', 'typename'], apply: paymentAmounts },
  timeSheetEntries: {
    fields: ['finalDuration', 'ticking', 'clientId'],
    apply: (data, entry: TimeSheetEntryRecord) => {
      entry.ticking = entry.endAt === null;
      entry.finalDuration = entry.endAt === null ? 0 : Math.round((entry.endAt - entry.startAt) / 1000);
      entry.clientId = data.find('jobs', entry.jobId)?.clientId ?? null;
    },
  },
};

/** Recomputes what a record derives from its parts (nothing for most collections). */
export function recompute<C extends CollectionName>(
  data: AccountData,
  collection: C,
  record: RecordOf<C>,
): void {
  RECOMPUTED[collection]?.apply(data, record);
}

function taxPercent(data: AccountData, taxRateId: number | null): number {
  return data.find('taxRates', taxRateId)?.tax ?? 0;
}

/** The sum of what the client owes on its issued invoices (drafts are not owed yet). */
function clientBalance(data: AccountData, client: ClientRecord): void {
  const owed = data
    .childrenOf('invoices', 'clientId', client.id)
    .filter((invoice) => invoice.issuedDate !== null)
    .reduce((sum, invoice) => sum + cents(invoice.invoiceBalance), 0);
  client.balance = dollars(owed);
}

/** Totals from the line items; payments, tips, balance and the date it was paid in full from the payments. */
function invoiceAmounts(data: AccountData, invoice: InvoiceRecord): void {
  const items = data.childrenOf('invoiceLineItems', 'invoiceId', invoice.id);
  Object.assign(invoice, computeTotals(items, invoice.discount, taxPercent(data, invoice.taxRateId)));
  const payments = data.childrenOf('paymentRecords', 'invoiceId', invoice.id);
  invoice.paymentsTotal = dollars(payments.reduce((sum, payment) => sum + cents(payment.rawAmount), 0));
  invoice.tipsTotal = dollars(payments.reduce((sum, payment) => sum + cents(payment.tipAmount ?? 0), 0));
  invoice.invoiceBalance = dollars(cents(invoice.total) - cents(invoice.paymentsTotal));
  invoice.receivedDate = cents(invoice.invoiceBalance) > 0 ? null : paidInFullOn(data, invoice, payments);
}

function paidInFullOn(
  data: AccountData,
  invoice: InvoiceRecord,
  payments: readonly PaymentRecord[],
): number | null {
  if (payments.length === 0) return invoice.issuedDate;
  const last = Math.max(...payments.map((payment) => payment.entryDate));
  return data.zone.midnight(data.zone.localDay(last));
}

function jobTotals(data: AccountData, job: JobRecord): void {
  const items = data.childrenOf('jobLineItems', 'jobId', job.id);
  job.total = dollars(items.reduce((sum, item) => sum + cents(item.totalPrice), 0));
  const invoices = data.childrenOf('invoices', 'jobIds', job.id);
  job.invoicedTotal = dollars(invoices.reduce((sum, invoice) => sum + cents(invoice.subtotal), 0));
  job.uninvoicedTotal = dollars(Math.max(0, cents(job.total) - cents(job.invoicedTotal)));
  job.costing = costingOf(
    job,
    data.childrenOf('timeSheetEntries', 'jobId', job.id),
    data.childrenOf('expenses', 'linkedJobId', job.id),
    items,
  );
}

/** A refund counts negative; a payment belongs to the client of what it pays; its type follows its method. */
function paymentAmounts(data: AccountData, payment: PaymentRecord): void {
  payment.rawAmount = payment.adjustmentType === 'REFUND' ? -payment.amount : payment.amount;
  payment.typename = paymentTypename(payment);
  const paid = data.find('invoices', payment.invoiceId) ?? data.find('quotes', payment.quoteId);
  if (paid) payment.clientId = paid.clientId;
}

import type { AccountData } from '../../data/account-data';
import { displayName } from '../../data/people';
import type {
  ExpenseRecord,
  InvoiceLineItemRecord,
  InvoiceRecord,
  PaymentRecord,
  TimeSheetEntryRecord,
} from '../../data/records';
import { on, type ResolverMap } from '../context';
import { PAYMENT_RECORD_TYPES } from '../sdl';
import { children, listed, ref } from './helpers';
import { addressWithCoordinates, webUri } from './shapes';
import { taxDetails } from './work';

const CARD_BRANDS = ['Visa', 'Mastercard', 'American Express', 'Discover'];

/** Fields every payment record type resolves the same way. */
const paymentFields = {
  client: ref<PaymentRecord, 'clients'>('clients', (payment) => payment.clientId),
  invoice: ref<PaymentRecord, 'invoices'>('invoices', (payment) => payment.invoiceId),
  quote: ref<PaymentRecord, 'quotes'>('quotes', (payment) => payment.quoteId),
  canEdit: on<PaymentRecord>((payment) => payment.paymentType !== 'JOBBER_PAYMENTS'),
  checkNumber: on<PaymentRecord>((payment) => payment.reference),
  confirmationNumber: on<PaymentRecord>((payment) => payment.reference),
  ccTransactionNumber: on<PaymentRecord>((payment) => payment.reference),
  gatewayName: on<PaymentRecord>(() => 'Stripe'),
  brand: on<PaymentRecord>((payment) => CARD_BRANDS[payment.id % CARD_BRANDS.length]),
  expiry: on<PaymentRecord>(
    (payment) => `${String((payment.id % 12) + 1).padStart(2, '0')}/${28 + (payment.id % 4)}`,
  ),
  lastDigits: on<PaymentRecord>((payment) => String(1000 + ((payment.id * 7919) % 9000))),
  bankName: on<PaymentRecord>(() => 'First Community Bank'),
  nameOnCard: on<PaymentRecord>((payment, _args, ctx) => {
    const client = ctx.data.find('clients', payment.clientId);
    return client ? displayName(client) : 'Card holder';
  }),
  transactionId: on<PaymentRecord>((payment) => payment.reference ?? `txn_${payment.id.toString(36)}`),
  transactionStatus: on<PaymentRecord>((payment, _args, ctx) => transactionStatus(payment, ctx.data)),
  refundedAt: on<PaymentRecord>((payment, _args, ctx) => refundOf(payment, ctx.data)?.entryDate ?? null),
  refundedPaymentRecord: ref<PaymentRecord, 'paymentRecords'>(
    'paymentRecords',
    (payment) => payment.refundedPaymentRecordId,
  ),
  jobberPaymentTransactionStatus: on<PaymentRecord>((payment) =>
    payment.paymentType === 'JOBBER_PAYMENTS' ? 'SUCCEEDED' : null,
  ),
};

/** A Jobber Payments charge is REFUNDED when refunds cover it, PARTIALLY_REFUNDED when they cover part. */
function transactionStatus(payment: PaymentRecord, data: AccountData): string {
  const refund = refundOf(payment, data);
  if (!refund) return 'SUCCEEDED';
  return refund.amount < payment.amount ? 'PARTIALLY_REFUNDED' : 'REFUNDED';
}

function refundOf(payment: PaymentRecord, data: AccountData): PaymentRecord | undefined {
  if (payment.adjustmentType !== 'PAYMENT' || payment.paymentType !== 'JOBBER_PAYMENTS') return undefined;
  return data.childrenOf('paymentRecords', 'refundedPaymentRecordId', payment.id)[0];
}

export const BILLING_RESOLVERS: ResolverMap = {
  Invoice: {
    invoiceStatus: on<InvoiceRecord>((invoice, _args, ctx) => ctx.data.invoiceStatus(invoice, ctx.now)),
    invoiceNumber: on<InvoiceRecord>((invoice) => String(invoice.invoiceNumber)),
    amounts: on<InvoiceRecord>((invoice) => ({
      depositAmount: invoice.depositAmount,
      discountAmount: invoice.discountAmount,
      invoiceBalance: invoice.invoiceBalance,
      nonTaxAmount: invoice.nonTaxAmount,
      paymentsTotal: invoice.paymentsTotal,
      subtotal: invoice.subtotal,
      taxAmount: invoice.taxAmount,
      tipsTotal: invoice.tipsTotal,
      total: invoice.total,
    })),
    client: ref<InvoiceRecord, 'clients'>('clients', (invoice) => invoice.clientId),
    billingAddress: on<InvoiceRecord>((invoice, _args, ctx) => {
      const client = ctx.data.find('clients', invoice.clientId);
      return client ? addressWithCoordinates(client.billingAddress, null) : null;
    }),
    taxRate: ref<InvoiceRecord, 'taxRates'>('taxRates', (invoice) => invoice.taxRateId),
    taxDetails: on<InvoiceRecord>((invoice, _args, ctx) =>
      taxDetails(ctx.data.find('taxRates', invoice.taxRateId), invoice.taxAmount),
    ),
    taxCalculationMethod: on<InvoiceRecord>(() => 'EXCLUSIVE'),
    jobberWebUri: on<InvoiceRecord>((invoice) => webUri('invoices', invoice.id)),
    lineItems: children<InvoiceRecord, 'invoiceLineItems'>('invoiceLineItems', 'invoiceId'),
    jobs: listed<InvoiceRecord, 'jobs'>('jobs', (invoice) => invoice.jobIds, 'invoice-jobs'),
    visits: listed<InvoiceRecord, 'visits'>('visits', (invoice) => invoice.visitIds, 'invoice-visits'),
    properties: listed<InvoiceRecord, 'properties'>(
      'properties',
      (invoice) => invoice.propertyIds,
      'invoice-properties',
    ),
    paymentRecords: children<InvoiceRecord, 'paymentRecords'>('paymentRecords', 'invoiceId'),
  },
  InvoiceLineItem: {
    taxRate: ref<InvoiceLineItemRecord, 'taxRates'>('taxRates', (item) => item.taxRateId),
    linkedProductOrService: ref<InvoiceLineItemRecord, 'products'>('products', (item) => item.productId),
  },
  PaymentRecord: paymentFields,
  ...Object.fromEntries(Object.keys(PAYMENT_RECORD_TYPES).map((name) => [name, paymentFields])),
  Expense: {
    enteredBy: ref<ExpenseRecord, 'users'>('users', (expense) => expense.enteredById),
    paidBy: ref<ExpenseRecord, 'users'>('users', (expense) => expense.paidById),
    reimbursableTo: ref<ExpenseRecord, 'users'>('users', (expense) => expense.reimbursableToId),
    linkedJob: ref<ExpenseRecord, 'jobs'>('jobs', (expense) => expense.linkedJobId),
  },
  TimeSheetEntry: {
    user: ref<TimeSheetEntryRecord, 'users'>('users', (entry) => entry.userId),
    approvedBy: ref<TimeSheetEntryRecord, 'users'>('users', (entry) => entry.approvedById),
    paidBy: ref<TimeSheetEntryRecord, 'users'>('users', (entry) => entry.paidById),
    job: ref<TimeSheetEntryRecord, 'jobs'>('jobs', (entry) => entry.jobId),
    visit: ref<TimeSheetEntryRecord, 'visits'>('visits', (entry) => entry.visitId),
    client: ref<TimeSheetEntryRecord, 'clients'>('clients', (entry) => entry.clientId),
    visitDurationTotal: on<TimeSheetEntryRecord>((entry, _args, ctx) =>
      entry.visitId === null
        ? 0
        : ctx.data
            .childrenOf('timeSheetEntries', 'visitId', entry.visitId)
            .filter((other) => other.userId === entry.userId)
            .reduce((sum, other) => sum + other.finalDuration, 0),
    ),
  },
};

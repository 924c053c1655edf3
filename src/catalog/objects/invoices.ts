/** Invoices: revenue, receivables and collection KPIs. */
import type { JsonObject } from '../../json';
import {
  computed,
  date,
  enumeration,
  group,
  money,
  numberDimension,
  recordCount,
  text,
  timestamp,
  type FieldDraft,
} from '../fields';
import { asNumber, asTime, at, cents, daysBetween } from '../read';
import type { CatalogObject, RowContext } from '../types';
import { billingAddressFields, CLIENT_CHANGES, clientFields, jobberLink, recordId } from './shared';

/** The invoice fields its line items carry too. */
export const invoiceKeyFields: readonly FieldDraft[] = [
  recordId('invoiceId', 'Invoice ID', "Jobber's id of the invoice."),
  text({ id: 'invoiceNumber', label: 'Invoice number', description: 'The number printed on the invoice.' }),
  enumeration({
    id: 'invoiceStatus',
    label: 'Invoice status',
    enumName: 'InvoiceStatusTypeEnum',
    description:
      'Draft, Awaiting payment, Paid, Past due or Bad debt (newer Jobber statuses keep their own name).',
    pushdown: { kind: 'enum', argument: 'status', enumName: 'InvoiceStatusTypeEnum' },
  }),
  date({
    id: 'issuedDate',
    label: 'Issued date',
    description: 'The date the invoice was issued (empty on drafts).',
  }),
  date({ id: 'dueDate', label: 'Due date', description: 'The date payment is due.' }),
];

const readStatus = at('invoiceStatus');
const readBalance = at('amounts.invoiceBalance');
const readDueDate = at('dueDate');
const readIssuedDate = at('issuedDate');
const readReceivedDate = at('receivedDate');
const readSubtotal = at('amounts.subtotal');
const readDiscount = at('amounts.discountAmount');

const NOT_REVENUE = new Set(['draft', 'voided']);
const NOT_RECEIVABLE = new Set(['draft', 'voided', 'bad_debt']);
const RECEIVABLE_PATHS = ['invoiceStatus', 'amounts.invoiceBalance', 'dueDate'];

/** Days past due of an invoice that is still owed; 0 when owed but not yet late; null when nothing is owed. */
function daysPastDue(node: JsonObject, context: RowContext): number | null {
  const status = readStatus(node);
  const balance = asNumber(readBalance(node));
  if (balance === null || balance <= 0 || typeof status !== 'string' || NOT_RECEIVABLE.has(status))
    return null;
  const due = asTime(readDueDate(node), context);
  if (due === null) return 0;
  return Math.max(0, context.today - context.time.localDay(due));
}

/**
 * A balance nobody is chasing is named by its status in the aging, so that a chart of Balance due by
 * Aging bucket labels every slice: written-off bad debt above all, drafts not sent yet, voided ones.
 */
const UNCHASED_BALANCES = new Map([
  ['bad_debt', 'Bad debt'],
  ['draft', 'Draft'],
  ['voided', 'Voided'],
]);

function agingBucketOf(node: JsonObject, context: RowContext): string | null {
  const status = readStatus(node);
  const unchased = typeof status === 'string' ? UNCHASED_BALANCES.get(status) : undefined;
  if (unchased === undefined) return agingBucket(daysPastDue(node, context));
  const balance = asNumber(readBalance(node));
  return balance !== null && balance > 0 ? unchased : null;
}

export function agingBucket(daysLate: number | null): string | null {
  if (daysLate === null) return null;
  if (daysLate === 0) return 'Current';
  if (daysLate <= 30) return '1-30 days';
  if (daysLate <= 60) return '31-60 days';
  if (daysLate <= 90) return '61-90 days';
  return '90+ days';
}

const kpis: FieldDraft[] = [
  computed({
    id: 'revenueBeforeTax',
    label: 'Revenue before tax',
    description:
      'Subtotal after discounts, before tax and tips, as Jobber counts revenue. 0 for drafts, which are not issued yet.',
    type: 'CURRENCY',
    concept: 'METRIC',
    aggregation: 'SUM',
    select: ['invoiceStatus', 'amounts.subtotal', 'amounts.discountAmount'],
    read: (node) => {
      const status = readStatus(node);
      if (typeof status !== 'string' || NOT_REVENUE.has(status)) return 0;
      return cents((asNumber(readSubtotal(node)) ?? 0) - (asNumber(readDiscount(node)) ?? 0));
    },
  }),
  computed({
    id: 'daysToPay',
    label: 'Days to pay',
    description:
      'Days from the issued date to the date the invoice was paid in full. Empty until it is paid.',
    type: 'NUMBER',
    concept: 'METRIC',
    aggregation: 'AVG',
    select: ['issuedDate', 'receivedDate'],
    read: (node, context) =>
      daysBetween(asTime(readIssuedDate(node), context), asTime(readReceivedDate(node), context), context),
  }),
  computed({
    id: 'daysOverdue',
    label: 'Days overdue',
    description:
      'Days past the due date of an invoice that still has a balance. Empty when it is not overdue.',
    type: 'NUMBER',
    concept: 'METRIC',
    aggregation: 'AVG',
    select: RECEIVABLE_PATHS,
    read: (node, context) => {
      const days = daysPastDue(node, context);
      return days !== null && days > 0 ? days : null;
    },
  }),
  computed({
    id: 'agingBucket',
    label: 'Aging bucket',
    description:
      'Current, 1-30, 31-60, 61-90 or 90+ days past due; Bad debt for balances written off (Draft or Voided for a balance on those), so Balance due by bucket has no blank slice. Empty when nothing is owed.',
    type: 'TEXT',
    concept: 'DIMENSION',
    select: RECEIVABLE_PATHS,
    read: agingBucketOf,
  }),
  computed({
    id: 'isOverdue',
    label: 'Overdue',
    description:
      'True when the invoice has a balance and its due date has passed (in the account’s time zone).',
    type: 'BOOLEAN',
    concept: 'DIMENSION',
    select: RECEIVABLE_PATHS,
    read: (node, context) => (daysPastDue(node, context) ?? 0) > 0,
  }),
  recordCount('invoiceCount', 'Invoices', 'The number of invoices (1 per row).'),
];

export const invoices: CatalogObject = {
  id: 'invoices',
  label: 'Invoices',
  description: 'One row per invoice: amounts, balance, payment timing and receivables aging.',
  root: { connection: 'invoices', singular: 'invoice', filterType: 'InvoiceFilterAttributes' },
  dateOptions: [
    { fieldId: 'issuedDate', label: 'Issued date', filterArgument: 'issuedDate', precision: 'date' },
    { fieldId: 'dueDate', label: 'Due date', filterArgument: 'dueDate', precision: 'date' },
    { fieldId: 'createdAt', label: 'Created', filterArgument: 'createdAt', precision: 'timestamp' },
    { fieldId: 'updatedAt', label: 'Last updated', filterArgument: 'updatedAt', precision: 'timestamp' },
  ],
  allTime: true,
  replication: {
    changes: { kind: 'since', arguments: ['updatedAt'] },
    sliceBy: 'createdAt',
    clockFilters: ['dueDate'],
    related: [CLIENT_CHANGES],
  },
  fields: [
    ...group('Invoice', [
      ...invoiceKeyFields,
      text({ id: 'subject', label: 'Subject', description: 'The invoice’s subject line.' }),
      numberDimension({
        id: 'paymentTermsDays',
        label: 'Payment terms (days)',
        path: 'invoiceNet',
        description: 'Net payment terms in days (for example 30 for Net 30).',
      }),
      jobberLink('Link to the invoice in Jobber.'),
    ]),
    ...group('Client', [
      ...clientFields({ clientIdFilter: 'clientId' }),
      ...billingAddressFields(['city', 'province', 'country']),
    ]),
    ...group('Dates', [
      date({ id: 'receivedDate', label: 'Paid date', description: 'The date the invoice was paid in full.' }),
      timestamp({
        id: 'createdAt',
        label: 'Created',
        description: 'When the invoice was created in Jobber.',
      }),
      timestamp({
        id: 'updatedAt',
        label: 'Last updated',
        description: 'When the invoice was last changed.',
      }),
      timestamp({
        id: 'viewedInClientHubAt',
        label: 'Viewed in client hub',
        path: 'dateViewedInClientHub',
        description: 'When the client first opened the invoice in Jobber’s client hub.',
      }),
    ]),
    ...group('Amounts', [
      money({
        id: 'subtotal',
        label: 'Subtotal',
        path: 'amounts.subtotal',
        description: 'Line items before discount and tax.',
      }),
      money({
        id: 'discountAmount',
        label: 'Discount',
        path: 'amounts.discountAmount',
        description: 'Discount given on the invoice.',
      }),
      money({
        id: 'taxAmount',
        label: 'Tax',
        path: 'amounts.taxAmount',
        description: 'Tax charged on the invoice.',
      }),
      money({
        id: 'tipsTotal',
        label: 'Tips',
        path: 'amounts.tipsTotal',
        description: 'Tips paid with the invoice.',
      }),
      money({
        id: 'total',
        label: 'Total',
        path: 'amounts.total',
        description: 'Invoice total including tax.',
      }),
      money({
        id: 'depositAmount',
        label: 'Deposits applied',
        path: 'amounts.depositAmount',
        description: 'Deposits collected on the quote and applied to this invoice.',
      }),
      money({
        id: 'amountPaid',
        label: 'Amount paid',
        path: 'amounts.paymentsTotal',
        description: 'Payments received against the invoice.',
      }),
      money({
        id: 'balanceDue',
        label: 'Balance due',
        path: 'amounts.invoiceBalance',
        description: 'What the client still owes on this invoice.',
      }),
    ]),
    ...group('KPIs', kpis),
  ],
  defaultDimension: 'issuedDate',
  defaultMetric: 'total',
};

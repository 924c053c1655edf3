/** Payments: cash collected, by method, and how long invoices take to turn into cash. */
import { computed, date, enumeration, group, money, recordCount, text, timestamp } from '../fields';
import { asNumber, asTime, at, cents, daysBetween } from '../read';
import type { CatalogObject } from '../types';
import { clientFields, recordId, CLIENT_CHANGES } from './shared';

const readAmount = at('amount');
const readAdjustment = at('adjustmentType');
const readEntryDate = at('entryDate');
const readIssuedDate = at('invoice.issuedDate');

/** Jobber reports every amount as a positive number; these kinds take money back out. */
const MONEY_OUT = new Set(['REFUND', 'FAILED_ACH_PAYMENT']);

export const payments: CatalogObject = {
  id: 'payments',
  label: 'Payments',
  description: 'One row per payment, deposit or refund recorded in Jobber.',
  root: {
    connection: 'paymentRecords',
    singular: 'paymentRecord',
    filterType: 'PaymentRecordFilterAttributes',
    sortType: 'PaymentRecordSortAttributes',
  },
  dateOptions: [
    { fieldId: 'entryDate', label: 'Payment date', filterArgument: 'entryDate', precision: 'date' },
  ],
  allTime: true,
  replication: {
    changes: { kind: 'newestFirstUntilKnown', sort: { key: 'UPDATED_AT', direction: 'DESCENDING' } },
    sliceBy: 'entryDate',
    related: [CLIENT_CHANGES],
  },
  fields: [
    ...group('Payment', [
      recordId('paymentId', 'Payment ID', "Jobber's id of the payment record."),
      date({ id: 'entryDate', label: 'Payment date', description: 'The date the payment was received.' }),
      enumeration({
        id: 'paymentType',
        label: 'Payment method',
        enumName: 'PaymentType',
        description: 'Cash, Cheque, Credit card, Bank transfer, Jobber Payments and others.',
        pushdown: { kind: 'enum', argument: 'paymentType', enumName: 'PaymentType' },
      }),
      enumeration({
        id: 'adjustmentType',
        label: 'Kind',
        enumName: 'IncomeAdjustmentType',
        description: 'Payment, Deposit, Refund and other kinds of money movement.',
        pushdown: { kind: 'enum', argument: 'adjustmentType', enumName: 'IncomeAdjustmentType' },
      }),
      enumeration({
        id: 'paymentOrigin',
        label: 'Origin',
        enumName: 'PaymentOrigin',
        description: 'Where the payment was taken (client online, mobile app, card terminal, …).',
      }),
      text({ id: 'details', label: 'Details', description: 'Notes recorded with the payment.' }),
      timestamp({
        id: 'receiptSentAt',
        label: 'Receipt sent',
        path: 'sentAt',
        description: 'When the receipt was sent.',
      }),
    ]),
    ...group('Invoice and client', [
      ...clientFields(),
      text({
        id: 'invoiceId',
        label: 'Invoice ID',
        path: 'invoice.id',
        description: 'The invoice the payment is for.',
      }),
      text({
        id: 'invoiceNumber',
        label: 'Invoice number',
        path: 'invoice.invoiceNumber',
        description: 'The number of the invoice the payment is for.',
      }),
      date({
        id: 'invoiceIssuedDate',
        label: 'Invoice issued date',
        path: 'invoice.issuedDate',
        description: 'When that invoice was issued.',
      }),
      text({
        id: 'quoteNumber',
        label: 'Quote number',
        path: 'quote.quoteNumber',
        description: 'The quote a deposit is for.',
      }),
    ]),
    ...group('KPIs', [
      money({
        id: 'amount',
        label: 'Amount',
        description: 'The amount as Jobber shows it (refunds are positive too).',
      }),
      computed({
        id: 'netAmount',
        label: 'Net cash collected',
        description:
          'The amount with refunds and failed bank payments counted as negative: cash collected when summed.',
        type: 'CURRENCY',
        concept: 'METRIC',
        aggregation: 'SUM',
        select: ['amount', 'adjustmentType'],
        read: (node) => {
          const amount = asNumber(readAmount(node));
          if (amount === null) return null;
          const kind = readAdjustment(node);
          return typeof kind === 'string' && MONEY_OUT.has(kind) ? cents(-Math.abs(amount)) : amount;
        },
      }),
      computed({
        id: 'daysFromInvoice',
        label: 'Days from invoice to payment',
        description:
          'Days from the invoice’s issued date to this payment. Empty for payments without an invoice.',
        type: 'NUMBER',
        concept: 'METRIC',
        aggregation: 'AVG',
        select: ['invoice.issuedDate', 'entryDate'],
        read: (node, context) =>
          daysBetween(asTime(readIssuedDate(node), context), asTime(readEntryDate(node), context), context),
      }),
      recordCount('paymentCount', 'Payments', 'The number of payment records (1 per row).'),
    ]),
  ],
  defaultDimension: 'entryDate',
  defaultMetric: 'netAmount',
};

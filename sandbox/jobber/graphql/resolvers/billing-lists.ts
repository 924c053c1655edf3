import { idOfKind } from '../../core/ids';
import type { AccountData } from '../../data/account-data';
import type { ExpenseRecord, InvoiceRecord, PaymentRecord, TimeSheetEntryRecord } from '../../data/records';
import type { Args } from '../context';
import { dateRange, equals, idEquals, numberRange, search, type Predicate } from '../filters';
import { ascending, descending } from '../sorting';
import { clientName, filterOf, sortInputs, type ListSpec } from './helpers';

/** The root lists of invoices, payments, expenses and timesheets: filters, searches, sorts, default orders. */

const DAY_MS = 86_400_000;

export function invoicesSpec(args: Args, data: AccountData, now: number): ListSpec<InvoiceRecord> {
  const filter = filterOf(args);
  const name = (invoice: InvoiceRecord): string => clientName(data, invoice.clientId);
  const taxPercent = (invoice: InvoiceRecord): number => data.find('taxRates', invoice.taxRateId)?.tax ?? 0;
  return {
    where: [
      idEquals(filter.clientId, 'Client', 'filter.clientId', (invoice: InvoiceRecord) => invoice.clientId),
      invoiceNumberIs(filter.invoiceNumber),
      numberRange(filter.total, (invoice: InvoiceRecord) => invoice.total),
      dateRange(filter.issuedDate, (invoice: InvoiceRecord) => invoice.issuedDate),
      dateRange(filter.dueDate, (invoice: InvoiceRecord) => invoice.dueDate),
      dateRange(filter.updatedAt, (invoice: InvoiceRecord) => invoice.updatedAt),
      dateRange(filter.createdAt, (invoice: InvoiceRecord) => invoice.createdAt),
      equals(filter.status as string | undefined, (invoice: InvoiceRecord) =>
        data.invoiceStatus(invoice, now),
      ),
      search(args.searchTerm, (invoice: InvoiceRecord) => [
        String(invoice.invoiceNumber),
        invoice.subject,
        name(invoice),
      ]),
    ],
    sortKeys: {
      INVOICE_NUMBER: (invoice) => invoice.invoiceNumber,
      INVOICE_STATUS: (invoice) => data.invoiceStatus(invoice, now),
      CLIENT_PRIMARY_NAME: name,
      CREATED_AT: (invoice) => invoice.createdAt,
      UPDATED_AT: (invoice) => invoice.updatedAt,
      ISSUED_DATE: (invoice) => invoice.issuedDate,
      RECEIVED_DATE: (invoice) => invoice.receivedDate,
      DUE_DATE: (invoice) => invoice.dueDate,
      INVOICE_TIP_TOTAL: (invoice) => invoice.tipsTotal,
      INVOICE_TOTAL: (invoice) => invoice.total,
      INVOICE_BALANCE: (invoice) => invoice.invoiceBalance,
      INVOICE_TAX_PERCENT: taxPercent,
      INVOICE_TAX_AMOUNT: (invoice) => invoice.taxAmount,
      INVOICE_DEPOSIT_AMOUNT: (invoice) => invoice.depositAmount,
      INVOICE_DISCOUNT_AMOUNT: (invoice) => invoice.discountAmount,
    },
    sort: sortInputs(args),
    defaultOrder: [descending('UPDATED_AT')],
  };
}

/** `invoiceNumber` is typed EncodedId in Jobber's schema; the sandbox accepts the number as text. */
function invoiceNumberIs(input: unknown): Predicate<InvoiceRecord> | undefined {
  if (input === undefined || input === null) return undefined;
  const text = String(input);
  const number = /^\d+$/.test(text) ? Number(text) : idOfKind(text, 'Invoice');
  return (invoice) => invoice.invoiceNumber === number;
}

export function paymentRecordsSpec(args: Args): ListSpec<PaymentRecord> {
  const filter = filterOf(args);
  return {
    where: [
      dateRange(filter.entryDate, (payment: PaymentRecord) => payment.entryDate),
      equals(filter.adjustmentType as string | undefined, (payment: PaymentRecord) => payment.adjustmentType),
      equals(filter.paymentType as string | undefined, (payment: PaymentRecord) => payment.paymentType),
      equals(filter.refundable as boolean | undefined, (payment: PaymentRecord) => isRefundable(payment)),
      idEquals(filter.clientId, 'Client', 'filter.clientId', (payment: PaymentRecord) => payment.clientId),
    ],
    // Created when entered; LIST_ORDER puts initial balances last, and the sandbox has none.
    sortKeys: {
      ENTRY_DATE: (payment) => payment.entryDate,
      CREATED_AT: (payment) => payment.entryDate,
      UPDATED_AT: (payment) => payment.updatedAt,
      LIST_ORDER: (payment) => payment.entryDate,
    },
    sort: sortInputs(args),
    defaultOrder: [descending('ENTRY_DATE')],
  };
}

/** Our reading of `filter.refundable`: money taken in (payments and deposits), not refunds. */
function isRefundable(payment: PaymentRecord): boolean {
  return payment.adjustmentType === 'PAYMENT' || payment.adjustmentType === 'DEPOSIT';
}

export function expensesSpec(args: Args): ListSpec<ExpenseRecord> {
  const filter = filterOf(args);
  return {
    where: [
      search(args.searchTerm, (expense: ExpenseRecord) => [expense.title, expense.description]),
      dateRange(filter.createdAt, (expense: ExpenseRecord) => expense.createdAt),
      dateRange(filter.updatedAt, (expense: ExpenseRecord) => expense.updatedAt),
      dateRange(filter.date, (expense: ExpenseRecord) => expense.date),
      idEquals(
        filter.enteredById,
        'User',
        'filter.enteredById',
        (expense: ExpenseRecord) => expense.enteredById,
      ),
      idEquals(
        filter.reimbursableToId,
        'User',
        'filter.reimbursableToId',
        (expense: ExpenseRecord) => expense.reimbursableToId,
      ),
    ],
    sortKeys: {
      CREATED_AT: (expense) => expense.createdAt,
      UPDATED_AT: (expense) => expense.updatedAt,
      DATE: (expense) => expense.date,
    },
    sort: sortInputs(args),
    defaultOrder: [descending('CREATED_AT')],
  };
}

export function timeSheetEntriesSpec(args: Args, currentUserId: number): ListSpec<TimeSheetEntryRecord> {
  const filter = filterOf(args);
  return {
    where: [
      activeOn(filter.activeOnDate),
      idEquals(filter.assignedTo, 'User', 'filter.assignedTo', (entry: TimeSheetEntryRecord) => entry.userId),
      equals(filter.isApproved as boolean | undefined, (entry: TimeSheetEntryRecord) => entry.approved),
      equals(filter.ticking as boolean | undefined, (entry: TimeSheetEntryRecord) => entry.ticking),
      dateRange(filter.createdAt, (entry: TimeSheetEntryRecord) => entry.createdAt),
      dateRange(filter.updatedAt, (entry: TimeSheetEntryRecord) => entry.updatedAt),
      dateRange(filter.startAt, (entry: TimeSheetEntryRecord) => entry.startAt),
      filter.currentUserOnly === true
        ? (entry: TimeSheetEntryRecord) => entry.userId === currentUserId
        : undefined,
    ],
    sortKeys: { START_AT: (entry) => entry.startAt },
    sort: sortInputs(args),
    defaultOrder: [ascending('START_AT')],
  };
}

/** Entries running at any time during the 24 hours from the given instant. */
function activeOn(input: unknown): Predicate<TimeSheetEntryRecord> | undefined {
  if (typeof input !== 'number') return undefined;
  const end = input + DAY_MS;
  return (entry) => entry.startAt < end && (entry.endAt === null || entry.endAt >= input);
}

/** The blanks of billing records made through the control API (conventions in blank-records.ts). */
import type { CollectionName, RecordOf } from './collections';
import {
  defaultTaxRate,
  firstPropertyOf,
  givenId,
  line,
  nextNumber,
  owner,
  totals,
  type BlankContext,
} from './blank-parts';

type BillingCollection = 'invoices' | 'invoiceLineItems' | 'paymentRecords' | 'expenses' | 'timeSheetEntries';

export const BILLING_BLANKS: {
  readonly [C in BillingCollection & CollectionName]: (context: BlankContext) => RecordOf<C>;
} = {
  invoices: (context) => {
    const property = firstPropertyOf(context.data, givenId(context, 'clientId'));
    return {
      id: context.id,
      invoiceNumber: nextNumber(context.data.records.invoices, 'invoiceNumber'),
      clientId: 0,
      propertyIds: property === 0 ? [] : [property],
      jobIds: [],
      visitIds: [],
      taxRateId: defaultTaxRate(context.data),
      subject: 'For Services Rendered',
      message: null,
      isBadDebt: false,
      invoiceNet: 30,
      discount: null,
      depositAmount: 0,
      paymentsTotal: 0,
      tipsTotal: 0,
      invoiceBalance: 0,
      ...totals,
      issuedDate: null,
      dueDate: null,
      receivedDate: null,
      dateViewedInClientHub: null,
      createdAt: context.now,
      updatedAt: context.now,
    };
  },
  invoiceLineItems: (context) => {
    const invoice = context.data.find('invoices', givenId(context, 'invoiceId'));
    return {
      ...line(context),
      invoiceId: 0,
      jobId: invoice?.jobIds[0] ?? null,
      taxRateId: invoice?.taxRateId ?? defaultTaxRate(context.data) ?? 0,
      date: null,
    };
  },
  paymentRecords: (context) => ({
    id: context.id,
    typename: 'CashPaymentRecord',
    clientId: 0,
    invoiceId: givenId(context, 'quoteId') === undefined ? 0 : null,
    quoteId: null,
    refundedPaymentRecordId: null,
    adjustmentType: 'PAYMENT',
    paymentType: 'CASH',
    paymentOrigin: 'EMPLOYEE_ONLINE_ORIGIN',
    amount: 0,
    rawAmount: 0,
    tipAmount: null,
    feeAmount: null,
    details: null,
    reference: null,
    entryDate: context.now,
    sentAt: null,
    updatedAt: context.now,
  }),
  expenses: ({ data, id, now }) => ({
    id,
    title: 'New expense',
    description: null,
    total: 0,
    enteredById: owner(data),
    paidById: null,
    reimbursableToId: null,
    linkedJobId: null,
    date: data.zone.midnight(data.zone.localDay(now)),
    createdAt: now,
    updatedAt: now,
  }),
  timeSheetEntries: (context) => ({
    id: context.id,
    userId: 0,
    jobId: null,
    visitId: null,
    clientId: null,
    label: 'Time',
    note: null,
    labourRate: context.data.find('users', givenId(context, 'userId'))?.labourRate ?? 0,
    finalDuration: 0,
    ticking: true,
    approved: false,
    payable: true,
    approvedById: null,
    paidById: null,
    startAt: context.now,
    endAt: null,
    createdAt: context.now,
    updatedAt: context.now,
  }),
};

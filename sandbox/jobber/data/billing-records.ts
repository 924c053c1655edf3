import type { CostModifier, Totals } from './amounts';

/** Stored records of billing and costs (conventions in records.ts). */

export interface InvoiceRecord extends Totals {
  id: number;
  invoiceNumber: number;
  clientId: number;
  propertyIds: number[];
  jobIds: number[];
  visitIds: number[];
  taxRateId: number | null;
  subject: string;
  message: string | null;
  /** Written off by the office; the status (statuses.ts) is derived when read. */
  isBadDebt: boolean;
  invoiceNet: number;
  discount: CostModifier | null;
  depositAmount: number;
  paymentsTotal: number;
  tipsTotal: number;
  invoiceBalance: number;
  issuedDate: number | null;
  dueDate: number | null;
  receivedDate: number | null;
  dateViewedInClientHub: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface PaymentRecord {
  id: number;
  /** The GraphQL type implementing PaymentRecordInterface. */
  typename: string;
  clientId: number;
  invoiceId: number | null;
  quoteId: number | null;
  refundedPaymentRecordId: number | null;
  adjustmentType: 'PAYMENT' | 'REFUND' | 'DEPOSIT';
  paymentType: string;
  paymentOrigin: string;
  /** Absolute value, as Jobber reports it; `rawAmount` keeps the sign (refunds are negative). */
  amount: number;
  rawAmount: number;
  tipAmount: number | null;
  feeAmount: number | null;
  details: string | null;
  reference: string | null;
  entryDate: number;
  sentAt: number | null;
  /**
   * When it last changed (the receipt going out, or a change through the control API): what
   * `paymentRecords(sort: UPDATED_AT)` orders by. Jobber's public PaymentRecord has no such field.
   */
  updatedAt: number;
}

export interface ExpenseRecord {
  id: number;
  title: string;
  description: string | null;
  total: number;
  enteredById: number;
  paidById: number | null;
  reimbursableToId: number | null;
  linkedJobId: number | null;
  date: number;
  createdAt: number;
  updatedAt: number;
}

export interface TimeSheetEntryRecord {
  id: number;
  userId: number;
  jobId: number | null;
  visitId: number | null;
  clientId: number | null;
  label: string;
  note: string | null;
  labourRate: number;
  /** Seconds; 0 while ticking, as Jobber reports it. */
  finalDuration: number;
  ticking: boolean;
  approved: boolean;
  payable: boolean;
  approvedById: number | null;
  paidById: number | null;
  startAt: number;
  endAt: number | null;
  createdAt: number;
  updatedAt: number;
}

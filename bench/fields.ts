/**
 * The charts the bench asks for. A scenario with k fields requests the first k of FIELD_ORDER: the
 * 25 plain invoice fields both connectors offer, most common first. The dashboard's charts are a
 * typical invoice page (they may use ours' KPI fields; the naive connector does not run it).
 */
import type { ChartSpec } from '../sandbox/studio';

export const FIELD_ORDER: readonly string[] = [
  'issuedDate',
  'invoiceStatus',
  'total',
  'invoiceNumber',
  'dueDate',
  'subtotal',
  'taxAmount',
  'balanceDue',
  'clientName',
  'subject',
  'invoiceId',
  'paymentTermsDays',
  'jobberWebUri',
  'clientId',
  'billingCity',
  'billingProvince',
  'billingCountry',
  'receivedDate',
  'createdAt',
  'updatedAt',
  'viewedInClientHubAt',
  'discountAmount',
  'tipsTotal',
  'depositAmount',
  'amountPaid',
];

export function firstFields(count: number): string[] {
  if (count > FIELD_ORDER.length) throw new Error(`Only ${FIELD_ORDER.length} plain fields exist`);
  return FIELD_ORDER.slice(0, count);
}

export const DASHBOARD_CHARTS: readonly ChartSpec[] = [
  { name: 'revenue by day', fields: ['issuedDate', 'total'] },
  { name: 'invoices by status', fields: ['invoiceStatus', 'invoiceCount'] },
  { name: 'top clients', fields: ['clientName', 'total'] },
  { name: 'revenue by city', fields: ['billingCity', 'total'] },
  { name: 'balance by day', fields: ['issuedDate', 'balanceDue'] },
  { name: 'receivables aging', fields: ['agingBucket', 'balanceDue'] },
  { name: 'paid by status', fields: ['invoiceStatus', 'amountPaid'] },
  { name: 'overdue by due date', fields: ['dueDate', 'daysOverdue'] },
  { name: 'invoice table', fields: ['invoiceNumber', 'clientName', 'total', 'balanceDue'] },
  { name: 'revenue scorecard', fields: ['revenueBeforeTax'] },
];

/** Money parts shared by the stored quotes and invoices (conventions in records.ts). */

/** A discount or deposit rule: a percentage of the subtotal, or a fixed amount. */
export interface CostModifier {
  rate: number;
  type: 'Percent' | 'Unit';
}

/** Money of a quote or an invoice: total = subtotal − discountAmount + taxAmount. */
export interface Totals {
  subtotal: number;
  discountAmount: number;
  taxAmount: number;
  total: number;
  /** Part of the subtotal on non-taxable line items. */
  nonTaxAmount: number;
}

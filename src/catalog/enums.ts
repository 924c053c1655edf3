/**
 * Readable labels for Jobber's enum values, in one table. Jobber adds enum values every few months,
 * so a value this table does not know gets a readable label made from the value itself
 * ("SOME_NEW_VALUE" → "Some new value"), never null and never an error (docs/jobber-api.md §7.4). Labels are what Looker Studio shows and filters on, so filter pushdown maps
 * a label back to its value through the same table.
 */

const ENUM_LABELS = {
  InvoiceStatusTypeEnum: {
    draft: 'Draft',
    awaiting_payment: 'Awaiting payment',
    sent_not_due: 'Sent, not yet due',
    paid: 'Paid',
    past_due: 'Past due',
    bad_debt: 'Bad debt',
    voided: 'Voided',
  },
  JobStatusTypeEnum: {
    requires_invoicing: 'Requires invoicing',
    archived: 'Archived',
    late: 'Late',
    today: 'Today',
    upcoming: 'Upcoming',
    action_required: 'Action required',
    on_hold: 'On hold',
    unscheduled: 'Unscheduled',
    active: 'Active',
    expiring_within_30_days: 'Expiring within 30 days',
  },
  JobTypeTypeEnum: { ONE_OFF: 'One-off', RECURRING: 'Recurring' },
  BillingStrategy: { FIXED_PRICE: 'Fixed price', VISIT_BASED: 'Per visit' },
  QuoteStatusTypeEnum: {
    draft: 'Draft',
    awaiting_response: 'Awaiting response',
    archived: 'Archived',
    approved: 'Approved',
    converted: 'Converted',
    changes_requested: 'Changes requested',
  },
  RequestStatusTypeEnum: {
    new: 'New',
    completed: 'Completed',
    converted: 'Converted',
    archived: 'Archived',
    upcoming: 'Upcoming',
    overdue: 'Overdue',
    unscheduled: 'Unscheduled',
    assessment_completed: 'Assessment completed',
    today: 'Today',
    needs_approval: 'Needs approval',
  },
  VisitStatusTypeEnum: {
    ACTIVE: 'Active',
    COMPLETED: 'Completed',
    LATE: 'Late',
    TODAY: 'Today',
    UNSCHEDULED: 'Unscheduled',
    UPCOMING: 'Upcoming',
  },
  PaymentType: {
    CASH: 'Cash',
    CHEQUE: 'Cheque',
    CREDIT_CARD: 'Credit card',
    BANK_TRANSFER: 'Bank transfer',
    MONEY_ORDER: 'Money order',
    OTHER: 'Other',
    JOBBER_PAYMENTS: 'Jobber Payments',
    EPAYMENT: 'E-payment',
    CONSUMER_FINANCING: 'Consumer financing',
    ZELLE: 'Zelle',
    CASH_APP: 'Cash App',
    PAYPAL: 'PayPal',
    VENMO: 'Venmo',
    E_TRANSFER: 'e-Transfer',
    ACH_BANK_PAYMENT: 'ACH bank payment',
  },
  IncomeAdjustmentType: {
    INVOICE: 'Invoice',
    REFUND: 'Refund',
    CORRECTION: 'Correction',
    INITIAL_BALANCE: 'Initial balance',
    FAILED_ACH_PAYMENT: 'Failed ACH payment',
    PAYMENT: 'Payment',
    DEPOSIT: 'Deposit',
    BAD_DEBT: 'Bad debt',
  },
  PaymentOrigin: {
    SWIPE_ORIGIN: 'Card swipe',
    MOBILE_ORIGIN: 'Mobile app',
    CLIENT_ONLINE_ORIGIN: 'Client online',
    SYSTEM_GENERATED: 'System generated',
    TERMINAL_ORIGIN: 'Card terminal',
    EWALLET_ORIGIN: 'E-wallet',
    UNKNOWN_ORIGIN: 'Unknown',
    EMPLOYEE_ONLINE_ORIGIN: 'Employee online',
    API_ORIGIN: 'API',
    CARD_READER: 'Card reader',
    TAP_TO_PAY: 'Tap to pay',
  },
  JobberPaymentTransactionStatus: {
    SUCCEEDED: 'Succeeded',
    PENDING: 'Pending',
    FAILED: 'Failed',
    REFUNDED: 'Refunded',
    PARTIALLY_REFUNDED: 'Partially refunded',
    DISPUTED: 'Disputed',
    IN_DISPUTE: 'In dispute',
  },
  ProductsAndServicesCategory: { PRODUCT: 'Product', SERVICE: 'Service', LABOUR: 'Labour' },
  UserStatusEnum: {
    ACTIVATED: 'Active',
    DEACTIVATED: 'Deactivated',
    NOT_INVITED: 'Not invited',
    RESEND_INVITE: 'Invitation to resend',
    SEND_INVITE: 'Invitation to send',
  },
} satisfies Record<string, Record<string, string>>;

export type EnumName = keyof typeof ENUM_LABELS;

/** Every enum the table labels (for documentation and `npm run doctor`). */
export function enumNames(): EnumName[] {
  return Object.keys(ENUM_LABELS) as EnumName[];
}

/** The label shown for an enum value; unknown values get a readable fallback. */
export function enumLabel(enumName: EnumName, value: string): string {
  return labelsOf(enumName)[value] ?? readableFallback(value);
}

/**
 * Values not confirmed for the API version the connector pins (jobber-api.md §7.4: seen only in
 * third-party code, or in newer schemas of unknown version, and not served by the sandbox): shown by
 * their label when Jobber sends them, but never sent in a filter, where an unknown value fails the query.
 */
const UNCONFIRMED_VALUES: Readonly<Record<string, readonly string[]>> = {
  InvoiceStatusTypeEnum: ['voided'],
  RequestStatusTypeEnum: ['needs_approval'],
  ProductsAndServicesCategory: ['LABOUR'],
};

/** The enum value whose label is exactly `label`, when it is safe to send in a Jobber filter. */
export function filterValueOfLabel(enumName: EnumName, label: string): string | undefined {
  return filterableValues(enumName).find((value) => enumLabel(enumName, value) === label);
}

/** The values of an enum that a Jobber filter may carry. */
export function filterableValues(enumName: EnumName): string[] {
  const unconfirmed = UNCONFIRMED_VALUES[enumName] ?? [];
  return Object.keys(labelsOf(enumName)).filter((value) => !unconfirmed.includes(value));
}

/** Every known value with its label, for documentation. */
export function enumEntries(enumName: EnumName): ReadonlyArray<readonly [string, string]> {
  const labels = labelsOf(enumName);
  return Object.keys(labels).map((value) => [value, labels[value] ?? value] as const);
}

function labelsOf(enumName: EnumName): Readonly<Record<string, string | undefined>> {
  return ENUM_LABELS[enumName];
}

function readableFallback(value: string): string {
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

import { BILLING_SDL } from './billing';
import { CLIENTS_SDL } from './clients';
import { CORE_SDL } from './core';
import { PERMISSIONS_SDL } from './permissions';
import { VISITS_SDL } from './visits';
import { WORK_SDL } from './work';

/** Every `*Connection` the sandbox serves, by node type; all share Jobber's relay shape. */
export const CONNECTION_NODE_TYPES = [
  'Client',
  'Expense',
  'Invoice',
  'InvoiceLineItem',
  'Job',
  'JobLineItem',
  'PaymentRecord',
  'PaymentRecordInterface',
  'ProductOrService',
  'Property',
  'Quote',
  'QuoteLineItem',
  'Request',
  'Tag',
  'TaxRate',
  'TimeSheetEntry',
  'User',
  'Visit',
] as const;

function connectionSdl(node: string): string {
  return `
type ${node}Connection {
  edges: [${node}Edge!]
  nodes: [${node}!]!
  pageInfo: PageInfo!
  totalCount: Int!
}

type ${node}Edge {
  cursor: String!
  node: ${node}!
}
`;
}

/** The fields every PaymentRecordInterface implementation shares (2022-03-10 plus newer ones). */
const PAYMENT_RECORD_FIELDS = `
  adjustmentType: IncomeAdjustmentType!
  amount: Float!
  client: Client
  details: String
  entryDate: ISO8601DateTime!
  id: EncodedId!
  invoice: Invoice
  paymentOrigin: PaymentOrigin
  paymentType: PaymentType
  quote: Quote
  sentAt: ISO8601DateTime
  rawAmount: Float!
  canEdit: Boolean!`;

/**
 * Each implementation's own fields, as in Jobber's schema (disputes and billing addresses left out;
 * the newer methods' own fields are not known, so they serve only the interface's).
 */
export const PAYMENT_RECORD_TYPES: Record<string, string> = {
  CashPaymentRecord: '',
  CheckPaymentRecord: 'checkNumber: String',
  CreditCardPaymentRecord: 'ccTransactionNumber: String',
  BankTransferPaymentRecord: 'confirmationNumber: String',
  MoneyOrderPaymentRecord: '',
  OtherPaymentRecord: '',
  EPaymentPaymentRecord: 'gatewayName: String',
  JobberPaymentsCreditCardPaymentRecord: `brand: String! expiry: String! feeAmount: Float lastDigits: String!
    nameOnCard: String! refundedAt: ISO8601DateTime tipAmount: Float transactionId: String!
    transactionStatus: JobberPaymentTransactionStatus!`,
  JobberPaymentsACHPaymentRecord: `bankName: String! feeAmount: Float lastDigits: String! refundedAt: ISO8601DateTime
    tipAmount: Float transactionId: String! transactionStatus: JobberPaymentTransactionStatus!`,
  JobberPaymentsRefundPaymentRecord: `feeAmount: Float refundedAt: ISO8601DateTime
    refundedPaymentRecord: PaymentRecordInterface tipAmount: Float transactionId: String!
    transactionStatus: JobberPaymentTransactionStatus!`,
  AchBankPaymentPaymentRecord: 'confirmationNumber: String',
  CashAppPaymentRecord: '',
  ETransferPaymentRecord: '',
  PaypalPaymentRecord: '',
  VenmoPaymentRecord: '',
  ZellePaymentRecord: '',
};

function paymentRecordSdl(name: string, ownFields: string): string {
  return `
type ${name} implements PaymentRecordInterface {${PAYMENT_RECORD_FIELDS}
  ${ownFields}
}
`;
}

/** The SDL of Jobber's public API at version 2025-04-16, as far as the sandbox serves it. */
export const SCHEMA_SDL = [
  CORE_SDL,
  PERMISSIONS_SDL,
  CLIENTS_SDL,
  WORK_SDL,
  VISITS_SDL,
  BILLING_SDL,
  ...CONNECTION_NODE_TYPES.map(connectionSdl),
  ...Object.entries(PAYMENT_RECORD_TYPES).map(([name, fields]) => paymentRecordSdl(name, fields)),
].join('\n');

import { encodeId } from '../core/ids';
import { formatInstant } from '../core/time-zone';
import { COLLECTION_NAMES, type AccountData, type CollectionName } from '../data/account-data';

/**
 * Raw records as JSON, the ground truth tests compute expected numbers from: ids become Jobber
 * EncodedIds (the same strings GraphQL returns), instants ISO 8601 UTC, everything else as stored.
 */
const COLLECTION_KINDS: Record<CollectionName, string> = {
  users: 'User',
  taxRates: 'TaxRate',
  products: 'ProductOrService',
  clients: 'Client',
  properties: 'Property',
  requests: 'Request',
  quotes: 'Quote',
  quoteLineItems: 'QuoteLineItem',
  jobs: 'Job',
  jobLineItems: 'JobLineItem',
  visits: 'Visit',
  invoices: 'Invoice',
  invoiceLineItems: 'InvoiceLineItem',
  paymentRecords: 'PaymentRecord',
  expenses: 'Expense',
  timeSheetEntries: 'TimeSheetEntry',
};

/** Which kind of record a foreign key (`xxxId` / `xxxIds`) points at. */
const REFERENCE_KINDS: Record<string, string> = {
  client: 'Client',
  referringClient: 'Client',
  property: 'Property',
  request: 'Request',
  quote: 'Quote',
  job: 'Job',
  linkedJob: 'Job',
  visit: 'Visit',
  invoice: 'Invoice',
  refundedPaymentRecord: 'PaymentRecord',
  taxRate: 'TaxRate',
  product: 'ProductOrService',
  user: 'User',
  salesperson: 'User',
  createdBy: 'User',
  enteredBy: 'User',
  paidBy: 'User',
  reimbursableTo: 'User',
  approvedBy: 'User',
  assignedUser: 'User',
};

const NESTED_KINDS: Record<string, string> = {
  emails: 'Email',
  phones: 'ClientPhoneNumber',
};

export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(name);
}

export function dumpCollection(data: AccountData, collection: CollectionName): unknown[] {
  const kind = COLLECTION_KINDS[collection];
  return (data.records[collection] as readonly object[]).map((record) => convert(record, kind));
}

function convert(record: object, kind: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[key] = convertField(key, value, kind);
  return out;
}

function convertField(key: string, value: unknown, kind: string): unknown {
  if (key === 'id' && typeof value === 'number') return encodeId(kind, value);
  const reference = /^(\w+?)Ids?$/.exec(key)?.[1];
  const referenceKind = reference === undefined ? undefined : REFERENCE_KINDS[reference];
  if (referenceKind) {
    if (Array.isArray(value)) return value.map((id: number) => encodeId(referenceKind, id));
    return typeof value === 'number' ? encodeId(referenceKind, value) : value;
  }
  if (typeof value === 'number' && (key.endsWith('At') || key.endsWith('Date') || key === 'date'))
    return formatInstant(value);
  const nestedKind = NESTED_KINDS[key];
  if (nestedKind && Array.isArray(value)) return value.map((item: object) => convert(item, nestedKind));
  if (nestedKind && typeof value === 'object' && value !== null) return convert(value, nestedKind);
  return value;
}

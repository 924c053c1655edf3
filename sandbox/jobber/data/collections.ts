/**
 * The registry of record collections: every kind of stored Jobber record is named here once, with
 * the kind of its EncodedId and the records it points at. The account's storage, the records dump
 * and its input, the control API's create/update/delete (what a delete does to the records that
 * point at one, what a change moves elsewhere) and the ground-truth tests all read this table.
 */
import type {
  ClientRecord,
  ExpenseRecord,
  InvoiceLineItemRecord,
  InvoiceRecord,
  JobLineItemRecord,
  JobRecord,
  PaymentRecord,
  ProductRecord,
  PropertyRecord,
  QuoteLineItemRecord,
  QuoteRecord,
  RequestRecord,
  TaxRateRecord,
  TimeSheetEntryRecord,
  UserRecord,
  VisitRecord,
} from './records';

/**
 * What deleting the record pointed at does to a record that points at it: `cascade` deletes it
 * too, `nullify` empties the key, `remove` drops the id from a list of ids, `restrict` refuses the
 * delete while such a record exists.
 */
export type OnDelete = 'cascade' | 'nullify' | 'remove' | 'restrict';

/**
 * What a change to the pointing record does to the record pointed at: `touch` recomputes it and
 * moves its `updatedAt` (a line item's parent, a payment's invoice); `recompute` only recomputes
 * what it sums (a client's balance, a job's costing), its `updatedAt` stays.
 */
export type ChangeEffect = 'touch' | 'recompute';

/** The keys of a record that hold ids of other records: `xxxId` (maybe null) or `xxxIds`. */
type ReferenceKey<R> = {
  [K in keyof R & string]: R[K] extends number | null | readonly number[] ? K : never;
}[keyof R & string];

export interface Reference<R> {
  readonly key: ReferenceKey<R>;
  /** The collection it points at (a test checks that it is one). */
  readonly to: string;
  readonly onDelete: OnDelete;
  readonly effect?: ChangeEffect;
  /** Set when the record is made and never pointed elsewhere (Jobber moves no job to another client). */
  readonly fixed?: true;
}

export interface CollectionSpec<R> {
  /** The kind in the record's EncodedId (`gid://Jobber/<kind>/<id>`). */
  readonly kind: string;
  readonly references: readonly Reference<R>[];
  /** Lists of nested objects with ids of their own kind (a client's emails). */
  readonly nested?: Readonly<Record<string, string>>;
  /** Marks the record type; never read. */
  readonly record?: R;
}

function collection<R>(spec: CollectionSpec<R>): CollectionSpec<R> {
  return spec;
}

export const COLLECTIONS = {
  users: collection<UserRecord>({ kind: 'User', references: [] }),
  taxRates: collection<TaxRateRecord>({ kind: 'TaxRate', references: [] }),
  products: collection<ProductRecord>({ kind: 'ProductOrService', references: [] }),
  clients: collection<ClientRecord>({
    kind: 'Client',
    references: [],
    nested: { emails: 'Email', phones: 'ClientPhoneNumber' },
  }),
  properties: collection<PropertyRecord>({
    kind: 'Property',
    references: [
      { key: 'clientId', to: 'clients', onDelete: 'cascade', fixed: true },
      { key: 'taxRateId', to: 'taxRates', onDelete: 'nullify' },
    ],
  }),
  requests: collection<RequestRecord>({
    kind: 'Request',
    references: [
      { key: 'clientId', to: 'clients', onDelete: 'cascade', fixed: true },
      { key: 'propertyId', to: 'properties', onDelete: 'nullify' },
      { key: 'referringClientId', to: 'clients', onDelete: 'nullify' },
    ],
  }),
  quotes: collection<QuoteRecord>({
    kind: 'Quote',
    references: [
      { key: 'clientId', to: 'clients', onDelete: 'cascade', fixed: true },
      { key: 'propertyId', to: 'properties', onDelete: 'restrict' },
      { key: 'requestId', to: 'requests', onDelete: 'nullify' },
      { key: 'salespersonId', to: 'users', onDelete: 'nullify' },
      { key: 'taxRateId', to: 'taxRates', onDelete: 'restrict' },
    ],
  }),
  quoteLineItems: collection<QuoteLineItemRecord>({
    kind: 'QuoteLineItem',
    references: [
      { key: 'quoteId', to: 'quotes', onDelete: 'cascade', effect: 'touch', fixed: true },
      { key: 'productId', to: 'products', onDelete: 'nullify' },
    ],
  }),
  jobs: collection<JobRecord>({
    kind: 'Job',
    references: [
      { key: 'clientId', to: 'clients', onDelete: 'cascade', fixed: true },
      { key: 'propertyId', to: 'properties', onDelete: 'restrict' },
      { key: 'quoteId', to: 'quotes', onDelete: 'nullify' },
      { key: 'requestId', to: 'requests', onDelete: 'nullify' },
      { key: 'salespersonId', to: 'users', onDelete: 'nullify' },
    ],
  }),
  jobLineItems: collection<JobLineItemRecord>({
    kind: 'JobLineItem',
    references: [
      { key: 'jobId', to: 'jobs', onDelete: 'cascade', effect: 'touch', fixed: true },
      { key: 'productId', to: 'products', onDelete: 'nullify' },
    ],
  }),
  visits: collection<VisitRecord>({
    kind: 'Visit',
    references: [
      { key: 'jobId', to: 'jobs', onDelete: 'cascade', fixed: true },
      { key: 'clientId', to: 'clients', onDelete: 'cascade', fixed: true },
      { key: 'propertyId', to: 'properties', onDelete: 'restrict' },
      { key: 'invoiceId', to: 'invoices', onDelete: 'nullify' },
      { key: 'createdById', to: 'users', onDelete: 'nullify' },
      { key: 'assignedUserIds', to: 'users', onDelete: 'remove' },
    ],
  }),
  invoices: collection<InvoiceRecord>({
    kind: 'Invoice',
    references: [
      { key: 'clientId', to: 'clients', onDelete: 'cascade', effect: 'recompute', fixed: true },
      { key: 'propertyIds', to: 'properties', onDelete: 'remove' },
      { key: 'jobIds', to: 'jobs', onDelete: 'remove', effect: 'recompute' },
      { key: 'visitIds', to: 'visits', onDelete: 'remove' },
      { key: 'taxRateId', to: 'taxRates', onDelete: 'restrict' },
    ],
  }),
  invoiceLineItems: collection<InvoiceLineItemRecord>({
    kind: 'InvoiceLineItem',
    references: [
      { key: 'invoiceId', to: 'invoices', onDelete: 'cascade', effect: 'touch', fixed: true },
      { key: 'productId', to: 'products', onDelete: 'nullify' },
      { key: 'jobId', to: 'jobs', onDelete: 'nullify' },
      { key: 'taxRateId', to: 'taxRates', onDelete: 'restrict' },
    ],
  }),
  paymentRecords: collection<PaymentRecord>({
    kind: 'PaymentRecord',
    references: [
      { key: 'clientId', to: 'clients', onDelete: 'cascade', fixed: true },
      { key: 'invoiceId', to: 'invoices', onDelete: 'cascade', effect: 'touch', fixed: true },
      { key: 'quoteId', to: 'quotes', onDelete: 'cascade', fixed: true },
      { key: 'refundedPaymentRecordId', to: 'paymentRecords', onDelete: 'cascade', fixed: true },
    ],
  }),
  expenses: collection<ExpenseRecord>({
    kind: 'Expense',
    references: [
      { key: 'enteredById', to: 'users', onDelete: 'restrict' },
      { key: 'paidById', to: 'users', onDelete: 'nullify' },
      { key: 'reimbursableToId', to: 'users', onDelete: 'nullify' },
      { key: 'linkedJobId', to: 'jobs', onDelete: 'nullify', effect: 'recompute' },
    ],
  }),
  timeSheetEntries: collection<TimeSheetEntryRecord>({
    kind: 'TimeSheetEntry',
    references: [
      { key: 'userId', to: 'users', onDelete: 'restrict', fixed: true },
      { key: 'jobId', to: 'jobs', onDelete: 'nullify', effect: 'recompute' },
      { key: 'visitId', to: 'visits', onDelete: 'nullify' },
      { key: 'clientId', to: 'clients', onDelete: 'nullify' },
      { key: 'approvedById', to: 'users', onDelete: 'nullify' },
      { key: 'paidById', to: 'users', onDelete: 'nullify' },
    ],
  }),
};

export type CollectionName = keyof typeof COLLECTIONS;

/** The stored records of an account, by collection. */
export type Collections = {
  [C in CollectionName]: NonNullable<(typeof COLLECTIONS)[C]['record']>[];
};

export type RecordOf<C extends CollectionName> = Collections[C][number];

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as readonly CollectionName[];

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(COLLECTIONS, name);
}

export function emptyCollections(): Collections {
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, []])) as unknown as Collections;
}

/** A reference read without its record type: what the code that walks every collection sees. */
export interface RecordReference {
  readonly key: string;
  readonly to: CollectionName;
  readonly onDelete: OnDelete;
  readonly effect?: ChangeEffect;
  readonly fixed?: true;
}

/** The references of a collection (their keys were checked against the record type above). */
export function referencesOf(name: CollectionName): readonly RecordReference[] {
  return COLLECTIONS[name].references as readonly RecordReference[];
}

/** Every reference that points at a collection, with the collection it is declared on. */
export function referencesTo(
  target: CollectionName,
): readonly (RecordReference & { readonly from: CollectionName })[] {
  return COLLECTION_NAMES.flatMap((from) =>
    referencesOf(from)
      .filter((reference) => reference.to === target)
      .map((reference) => ({ ...reference, from })),
  );
}

import { idOfKind } from '../../core/ids';
import type { AccountData } from '../../data/account-data';
import { displayName } from '../../data/people';
import type { ClientRecord, InvoiceRecord, JobRecord, QuoteRecord, VisitRecord } from '../../data/records';
import type { Args } from '../context';
import {
  allOf,
  dateRange,
  decodeFilterId,
  equals,
  idEquals,
  idIn,
  numberRange,
  search,
  type Predicate,
} from '../filters';
import { descending, type SortKeys } from '../sorting';
import { sortInputs, type ListSpec } from './helpers';

/**
 * Filters, searches and sorts of the root list queries, with Jobber's default orders
 * ("recently updated" lists are newest first; visits and timesheets run by start).
 */
type Filter = Record<string, unknown>;

const filterOf = (args: Args): Filter => (args.filter ?? {}) as Filter;
const sortOf = sortInputs;

function clientName(data: AccountData, clientId: number): string {
  const client = data.find('clients', clientId);
  return client ? displayName(client) : '';
}

export function clientsSpec(args: Args, data: AccountData): ListSpec<ClientRecord> {
  const f = filterOf(args);
  return {
    where: [
      equals(f.isCompany as boolean | undefined, (c: ClientRecord) => c.isCompany),
      equals(f.isLead as boolean | undefined, (c: ClientRecord) => c.isLead),
      equals(f.isArchived as boolean | undefined, (c: ClientRecord) => c.isArchived),
      dateRange(f.updatedAt, (c: ClientRecord) => c.updatedAt),
      dateRange(f.createdAt, (c: ClientRecord) => c.createdAt),
      taggedWithAll(f.tags),
      search(args.searchTerm, clientSearchTexts(args.searchFields, data)),
    ],
    sortKeys: {
      PRIMARY_NAME: (c) => displayName(c),
      UPDATED_AT: (c) => c.updatedAt,
      FIRST_NAME: (c) => c.firstName,
      LAST_NAME: (c) => c.lastName,
    },
    sort: sortOf(args),
    defaultOrder: [descending('UPDATED_AT')],
  };
}

/** Our reading of `filter.tags`: clients carrying every tag listed (case-insensitive). */
function taggedWithAll(input: unknown): Predicate<ClientRecord> | undefined {
  if (!Array.isArray(input) || input.length === 0) return undefined;
  const wanted = input.map((tag) => String(tag).toLowerCase());
  return (client) => {
    const tags = new Set(client.tags.map((tag) => tag.toLowerCase()));
    return wanted.every((tag) => tags.has(tag));
  };
}

type ClientTexts = (client: ClientRecord) => string[];

/** What a client search looks at, per ClientSearchField; every field when none is given. */
function clientSearchTexts(fields: unknown, data: AccountData): ClientTexts {
  const bySearchField: Record<string, ClientTexts> = {
    NAMES: (c) => [displayName(c), c.firstName, c.lastName, c.companyName ?? ''],
    EMAILS: (c) => c.emails.map((e) => e.address),
    PRIMARY_EMAIL: (c) => c.emails.filter((e) => e.primary).map((e) => e.address),
    PHONES: (c) => c.phones.map((p) => p.number),
    NOTES: () => [],
    CUSTOM_FIELDS: () => [],
    PROPERTIES: (c) =>
      data.childrenOf('properties', 'clientId', c.id).flatMap((p) => [p.address.street1, p.address.city]),
  };
  const chosen = Array.isArray(fields) && fields.length > 0 ? fields.map(String) : Object.keys(bySearchField);
  const readers = chosen.map((field) => bySearchField[field]).filter((read) => read !== undefined);
  return (client) => readers.flatMap((read) => read(client));
}

export function invoicesSpec(args: Args, data: AccountData): ListSpec<InvoiceRecord> {
  const f = filterOf(args);
  const name = (i: InvoiceRecord): string => clientName(data, i.clientId);
  const taxPercent = (i: InvoiceRecord): number => data.find('taxRates', i.taxRateId)?.tax ?? 0;
  return {
    where: [
      idEquals(f.clientId, 'Client', 'filter.clientId', (i: InvoiceRecord) => i.clientId),
      invoiceNumberIs(f.invoiceNumber),
      numberRange(f.total, (i: InvoiceRecord) => i.total),
      dateRange(f.issuedDate, (i: InvoiceRecord) => i.issuedDate),
      dateRange(f.dueDate, (i: InvoiceRecord) => i.dueDate),
      dateRange(f.updatedAt, (i: InvoiceRecord) => i.updatedAt),
      dateRange(f.createdAt, (i: InvoiceRecord) => i.createdAt),
      equals(f.status as string | undefined, (i: InvoiceRecord) => i.invoiceStatus),
      search(args.searchTerm, (i: InvoiceRecord) => [String(i.invoiceNumber), i.subject, name(i)]),
    ],
    sortKeys: {
      INVOICE_NUMBER: (i) => i.invoiceNumber,
      INVOICE_STATUS: (i) => i.invoiceStatus,
      CLIENT_PRIMARY_NAME: name,
      CREATED_AT: (i) => i.createdAt,
      UPDATED_AT: (i) => i.updatedAt,
      ISSUED_DATE: (i) => i.issuedDate,
      RECEIVED_DATE: (i) => i.receivedDate,
      DUE_DATE: (i) => i.dueDate,
      INVOICE_TIP_TOTAL: (i) => i.tipsTotal,
      INVOICE_TOTAL: (i) => i.total,
      INVOICE_BALANCE: (i) => i.invoiceBalance,
      INVOICE_TAX_PERCENT: taxPercent,
      INVOICE_TAX_AMOUNT: (i) => i.taxAmount,
      INVOICE_DEPOSIT_AMOUNT: (i) => i.depositAmount,
      INVOICE_DISCOUNT_AMOUNT: (i) => i.discountAmount,
    },
    sort: sortOf(args),
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

export function quotesSpec(args: Args, data: AccountData): ListSpec<QuoteRecord> {
  const f = filterOf(args);
  const street = (q: QuoteRecord): string => data.find('properties', q.propertyId)?.address.street1 ?? '';
  return {
    where: [
      idEquals(f.clientId, 'Client', 'filter.clientId', (q: QuoteRecord) => q.clientId),
      numberRange(f.quoteNumber, (q: QuoteRecord) => q.quoteNumber),
      equals(f.status as string | undefined, (q: QuoteRecord) => q.quoteStatus),
      numberRange(f.cost, (q: QuoteRecord) => q.total),
      dateRange(f.sentAt, (q: QuoteRecord) => q.sentAt),
      dateRange(f.updatedAt, (q: QuoteRecord) => q.updatedAt),
      dateRange(f.createdAt, (q: QuoteRecord) => q.createdAt),
      idEquals(f.salespersonId, 'User', 'filter.salespersonId', (q: QuoteRecord) => q.salespersonId),
      search(args.searchTerm, (q: QuoteRecord) => [
        String(q.quoteNumber),
        q.title,
        clientName(data, q.clientId),
      ]),
    ],
    sortKeys: {
      PROPERTY_STREET1: street,
      CLIENT_PRIMARY_NAME: (q) => clientName(data, q.clientId),
      CREATED_AT: (q) => q.createdAt,
      UPDATED_AT: (q) => q.updatedAt,
      LAST_SENT_AT: (q) => q.sentAt,
      LAST_CHANGES_REQUESTED_AT: (q) => q.changesRequestedAt,
      APPROVED_AT: (q) => q.approvedAt,
      CONVERTED_AT: (q) => q.convertedAt,
      ARCHIVED_AT: (q) => q.archivedAt,
      QUOTE_NUMBER: (q) => q.quoteNumber,
      QUOTE_STATUS: (q) => q.quoteStatus,
      QUOTE_TOTAL: (q) => q.total,
      CLIENT_FIRST_NAME: (q) => data.find('clients', q.clientId)?.firstName ?? null,
      CLIENT_LAST_NAME: (q) => data.find('clients', q.clientId)?.lastName ?? null,
    },
    sort: sortOf(args),
    defaultOrder: [descending('UPDATED_AT')],
  };
}

export function jobsSpec(args: Args, data: AccountData): ListSpec<JobRecord> {
  const f = filterOf(args);
  const client = (j: JobRecord): ClientRecord | undefined => data.find('clients', j.clientId);
  const dated = f.startAt !== undefined || f.endAt !== undefined;
  return {
    where: [
      equals(f.jobType as string | undefined, (j: JobRecord) => j.jobType),
      dateRange(f.createdAt, (j: JobRecord) => j.createdAt),
      scheduledRange(f.startAt, (j) => j.startAt, f.includeUnscheduled),
      scheduledRange(f.endAt, (j) => j.endAt, f.includeUnscheduled),
      dateRange(f.completedAt, (j: JobRecord) => j.completedAt),
      !dated && f.includeUnscheduled === false ? (j: JobRecord) => j.startAt !== null : undefined,
      equals(f.status as string | undefined, (j: JobRecord) => j.jobStatus),
      visitsMatch(data, f.visitsScheduledBetween, f.visitsAssignedToUserId),
      f.onlyInvoiceable === true ? (j: JobRecord) => j.uninvoicedTotal > 0 || j.total === 0 : undefined,
      idIn(f.ids, 'Job', 'filter.ids', (j: JobRecord) => j.id),
      search(args.searchTerm, (j: JobRecord) => [String(j.jobNumber), j.title, clientName(data, j.clientId)]),
    ],
    sortKeys: jobSortKeys(client),
    sort: sortOf(args),
    defaultOrder: [descending('UPDATED_AT')],
  };
}

function jobSortKeys(client: (j: JobRecord) => ClientRecord | undefined): SortKeys<JobRecord> {
  return {
    CLIENT_FIRST_NAME: (j) => client(j)?.firstName ?? null,
    CLIENT_PRIMARY_NAME: (j) => {
      const c = client(j);
      return c ? displayName(c) : null;
    },
    UPDATED_AT: (j) => j.updatedAt,
    JOB_NUMBER: (j) => j.jobNumber,
    TOTAL_COST: (j) => j.total,
    JOB_STATUS: (j) => j.jobStatus,
    SCHEDULE: (j) => j.startAt,
    VISIT_START_DATE: (j) => j.startAt,
  };
}

/** Unscheduled jobs have no dates: they match a date range only when includeUnscheduled is true. */
function scheduledRange(
  input: unknown,
  value: (job: JobRecord) => number | null,
  includeUnscheduled: unknown,
): Predicate<JobRecord> | undefined {
  const inRange = dateRange(input, value);
  if (!inRange) return undefined;
  return (job) => (job.startAt === null ? includeUnscheduled === true : inRange(job));
}

function visitsMatch(
  data: AccountData,
  window: unknown,
  userInput: unknown,
): Predicate<JobRecord> | undefined {
  const inWindow = dateRange(window, (v: VisitRecord) => v.startAt);
  const userId = decodeFilterId(userInput, 'User', 'filter.visitsAssignedToUserId');
  if (!inWindow && userId === undefined) return undefined;
  const visitMatches = allOf<VisitRecord>([
    inWindow,
    userId === undefined ? undefined : (v) => v.assignedUserIds.includes(userId),
  ]);
  return (job) => data.childrenOf('visits', 'jobId', job.id).some(visitMatches);
}

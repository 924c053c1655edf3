import type { AccountData } from '../../data/account-data';
import { displayName } from '../../data/people';
import type { ClientRecord, JobRecord, QuoteRecord, VisitRecord } from '../../data/records';
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
import { ascending, descending, type SortKeys } from '../sorting';
import { clientName, filterOf, sortInputs, type ListSpec } from './helpers';

/** The root lists of quotes, jobs and visits: filters, searches, sorts, default orders. */

export function quotesSpec(args: Args, data: AccountData): ListSpec<QuoteRecord> {
  const filter = filterOf(args);
  const street = (quote: QuoteRecord): string =>
    data.find('properties', quote.propertyId)?.address.street1 ?? '';
  return {
    where: [
      idEquals(filter.clientId, 'Client', 'filter.clientId', (quote: QuoteRecord) => quote.clientId),
      numberRange(filter.quoteNumber, (quote: QuoteRecord) => quote.quoteNumber),
      equals(filter.status as string | undefined, (quote: QuoteRecord) => quote.quoteStatus),
      numberRange(filter.cost, (quote: QuoteRecord) => quote.total),
      dateRange(filter.sentAt, (quote: QuoteRecord) => quote.sentAt),
      dateRange(filter.updatedAt, (quote: QuoteRecord) => quote.updatedAt),
      dateRange(filter.createdAt, (quote: QuoteRecord) => quote.createdAt),
      idEquals(
        filter.salespersonId,
        'User',
        'filter.salespersonId',
        (quote: QuoteRecord) => quote.salespersonId,
      ),
      search(args.searchTerm, (quote: QuoteRecord) => [
        String(quote.quoteNumber),
        quote.title,
        clientName(data, quote.clientId),
      ]),
    ],
    sortKeys: {
      PROPERTY_STREET1: street,
      CLIENT_PRIMARY_NAME: (quote) => clientName(data, quote.clientId),
      CREATED_AT: (quote) => quote.createdAt,
      UPDATED_AT: (quote) => quote.updatedAt,
      LAST_SENT_AT: (quote) => quote.sentAt,
      LAST_CHANGES_REQUESTED_AT: (quote) => quote.changesRequestedAt,
      APPROVED_AT: (quote) => quote.approvedAt,
      CONVERTED_AT: (quote) => quote.convertedAt,
      ARCHIVED_AT: (quote) => quote.archivedAt,
      QUOTE_NUMBER: (quote) => quote.quoteNumber,
      QUOTE_STATUS: (quote) => quote.quoteStatus,
      QUOTE_TOTAL: (quote) => quote.total,
      CLIENT_FIRST_NAME: (quote) => data.find('clients', quote.clientId)?.firstName ?? null,
      CLIENT_LAST_NAME: (quote) => data.find('clients', quote.clientId)?.lastName ?? null,
    },
    sort: sortInputs(args),
    defaultOrder: [descending('UPDATED_AT')],
  };
}

export function jobsSpec(args: Args, data: AccountData, now: number): ListSpec<JobRecord> {
  const filter = filterOf(args);
  const client = (job: JobRecord): ClientRecord | undefined => data.find('clients', job.clientId);
  const dated = filter.startAt !== undefined || filter.endAt !== undefined;
  return {
    where: [
      equals(filter.jobType as string | undefined, (job: JobRecord) => job.jobType),
      dateRange(filter.createdAt, (job: JobRecord) => job.createdAt),
      scheduledRange(filter.startAt, (job) => job.startAt, filter.includeUnscheduled),
      scheduledRange(filter.endAt, (job) => job.endAt, filter.includeUnscheduled),
      dateRange(filter.completedAt, (job: JobRecord) => job.completedAt),
      !dated && filter.includeUnscheduled === false ? (job: JobRecord) => job.startAt !== null : undefined,
      equals(filter.status as string | undefined, (job: JobRecord) => data.jobStatus(job, now)),
      visitsMatch(data, filter.visitsScheduledBetween, filter.visitsAssignedToUserId),
      filter.onlyInvoiceable === true
        ? (job: JobRecord) => job.uninvoicedTotal > 0 || job.total === 0
        : undefined,
      idIn(filter.ids, 'Job', 'filter.ids', (job: JobRecord) => job.id),
      search(args.searchTerm, (job: JobRecord) => [
        String(job.jobNumber),
        job.title,
        clientName(data, job.clientId),
      ]),
    ],
    sortKeys: jobSortKeys(client, (job) => data.jobStatus(job, now)),
    sort: sortInputs(args),
    defaultOrder: [descending('UPDATED_AT')],
  };
}

function jobSortKeys(
  client: (job: JobRecord) => ClientRecord | undefined,
  status: (job: JobRecord) => string,
): SortKeys<JobRecord> {
  return {
    CLIENT_FIRST_NAME: (job) => client(job)?.firstName ?? null,
    CLIENT_PRIMARY_NAME: (job) => {
      const found = client(job);
      return found ? displayName(found) : null;
    },
    UPDATED_AT: (job) => job.updatedAt,
    JOB_NUMBER: (job) => job.jobNumber,
    TOTAL_COST: (job) => job.total,
    JOB_STATUS: status,
    SCHEDULE: (job) => job.startAt,
    VISIT_START_DATE: (job) => job.startAt,
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
  const inWindow = dateRange(window, (visit: VisitRecord) => visit.startAt);
  const userId = decodeFilterId(userInput, 'User', 'filter.visitsAssignedToUserId');
  if (!inWindow && userId === undefined) return undefined;
  const visitMatches = allOf<VisitRecord>([
    inWindow,
    userId === undefined ? undefined : (visit) => visit.assignedUserIds.includes(userId),
  ]);
  return (job) => data.childrenOf('visits', 'jobId', job.id).some(visitMatches);
}

export function visitsSpec(args: Args, data: AccountData, now: number): ListSpec<VisitRecord> {
  const filter = filterOf(args);
  const userId = decodeFilterId(filter.assignedTo, 'User', 'filter.assignedTo');
  const productId = decodeFilterId(
    filter.productOrServiceId,
    'ProductOrService',
    'filter.productOrServiceId',
  );
  return {
    where: [
      equals(filter.status as string | undefined, (visit: VisitRecord) => data.visitStatus(visit, now)),
      dateRange(filter.createdAt, (visit: VisitRecord) => visit.createdAt),
      dateRange(filter.startAt, (visit: VisitRecord) => visit.startAt),
      dateRange(filter.endAt, (visit: VisitRecord) => visit.endAt),
      dateRange(filter.completedAt, (visit: VisitRecord) => visit.completedAt),
      filter.invoiceStatus === 'INVOICED_ONLY' ? (visit: VisitRecord) => visit.invoiceId !== null : undefined,
      filter.invoiceStatus === 'UNINVOICED_ONLY'
        ? (visit: VisitRecord) => visit.invoiceId === null
        : undefined,
      filter.onlyRelevantToBillingPeriod === true ? billable(data) : undefined,
      userId === undefined ? undefined : (visit: VisitRecord) => visit.assignedUserIds.includes(userId),
      productId === undefined ? undefined : usesProduct(data, productId),
      idIn(filter.ids, 'Visit', 'filter.ids', (visit: VisitRecord) => visit.id),
    ],
    sortKeys: {
      CREATED_AT: (visit) => visit.createdAt,
      START_AT: (visit) => visit.startAt,
      CLIENT_PRIMARY_NAME: (visit) => clientName(data, visit.clientId),
      STATUS: (visit) => data.visitStatus(visit, now),
    },
    sort: sortInputs(args),
    defaultOrder: [ascending('START_AT')],
  };
}

/** Our reading of onlyRelevantToBillingPeriod: completed visits of visit-based jobs. */
function billable(data: AccountData): Predicate<VisitRecord> {
  return (visit) => visit.isComplete && data.find('jobs', visit.jobId)?.billingType === 'VISIT_BASED';
}

function usesProduct(data: AccountData, productId: number): Predicate<VisitRecord> {
  return (visit) =>
    data.childrenOf('jobLineItems', 'jobId', visit.jobId).some((item) => item.productId === productId);
}

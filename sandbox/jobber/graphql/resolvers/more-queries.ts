import type { AccountData } from '../../data/account-data';
import { displayName } from '../../data/people';
import type {
  ExpenseRecord,
  PaymentRecordRecord,
  ProductRecord,
  PropertyRecord,
  RequestRecord,
  TimeSheetEntryRecord,
  UserRecord,
  VisitRecord,
} from '../../data/records';
import type { Args } from '../context';
import { dateRange, decodeFilterId, equals, idEquals, idIn, search, type Predicate } from '../filters';
import { ascending, descending } from '../sorting';
import { sortInputs, type ListSpec } from './helpers';

type Filter = Record<string, unknown>;
const filterOf = (args: Args): Filter => (args.filter ?? {}) as Filter;
const sortOf = sortInputs;
const DAY_MS = 86_400_000;

export function visitsSpec(args: Args, data: AccountData): ListSpec<VisitRecord> {
  const f = filterOf(args);
  const userId = decodeFilterId(f.assignedTo, 'User', 'filter.assignedTo');
  const productId = decodeFilterId(f.productOrServiceId, 'ProductOrService', 'filter.productOrServiceId');
  const client = (v: VisitRecord): string => {
    const c = data.find('clients', v.clientId);
    return c ? displayName(c) : '';
  };
  return {
    where: [
      equals(f.status as string | undefined, (v: VisitRecord) => v.visitStatus),
      dateRange(f.createdAt, (v: VisitRecord) => v.createdAt),
      dateRange(f.startAt, (v: VisitRecord) => v.startAt),
      dateRange(f.endAt, (v: VisitRecord) => v.endAt),
      dateRange(f.completedAt, (v: VisitRecord) => v.completedAt),
      f.invoiceStatus === 'INVOICED_ONLY' ? (v: VisitRecord) => v.invoiceId !== null : undefined,
      f.invoiceStatus === 'UNINVOICED_ONLY' ? (v: VisitRecord) => v.invoiceId === null : undefined,
      f.onlyRelevantToBillingPeriod === true ? billable(data) : undefined,
      userId === undefined ? undefined : (v: VisitRecord) => v.assignedUserIds.includes(userId),
      productId === undefined ? undefined : usesProduct(data, productId),
      idIn(f.ids, 'Visit', 'filter.ids', (v: VisitRecord) => v.id),
    ],
    sortKeys: {
      CREATED_AT: (v) => v.createdAt,
      START_AT: (v) => v.startAt,
      CLIENT_PRIMARY_NAME: client,
      STATUS: (v) => v.visitStatus,
    },
    sort: sortOf(args),
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

const REQUEST_STATUS_ORDER = [
  'new',
  'today',
  'upcoming',
  'overdue',
  'unscheduled',
  'assessment_completed',
  'completed',
  'converted',
  'archived',
];

export function requestsSpec(args: Args, data: AccountData): ListSpec<RequestRecord> {
  const f = filterOf(args);
  const client = (r: RequestRecord) => data.find('clients', r.clientId);
  return {
    where: [
      unassigned(decodeFilterId(f.assignedTo, 'User', 'filter.assignedTo')),
      idEquals(f.clientId, 'Client', 'filter.clientId', (r: RequestRecord) => r.clientId),
      idEquals(f.propertyId, 'Property', 'filter.propertyId', (r: RequestRecord) => r.propertyId),
      equals(f.status as string | undefined, (r: RequestRecord) => r.requestStatus),
      dateRange(f.updatedAt, (r: RequestRecord) => r.updatedAt),
      dateRange(f.createdAt, (r: RequestRecord) => r.createdAt),
      search(args.searchTerm, (r: RequestRecord) => [r.title, r.contactName, r.companyName, r.email]),
    ],
    sortKeys: {
      UPDATED_AT: (r) => r.updatedAt,
      TITLE: (r) => r.title,
      REQUESTED_AT: (r) => r.createdAt,
      STATUS: (r) => REQUEST_STATUS_ORDER.indexOf(r.requestStatus),
      STATUS_AND_REQUESTED_AT: (r) => REQUEST_STATUS_ORDER.indexOf(r.requestStatus) * 1e13 - r.createdAt,
      PRIMARY_NAME: (r) => {
        const c = client(r);
        return c ? displayName(c) : null;
      },
      FIRST_NAME: (r) => client(r)?.firstName ?? null,
      LAST_NAME: (r) => client(r)?.lastName ?? null,
    },
    sort: sortOf(args),
    defaultOrder: [descending('UPDATED_AT')],
  };
}

/** The sandbox's requests have no assessment, so nobody is assigned to them. */
function unassigned(userId: number | undefined): Predicate<RequestRecord> | undefined {
  return userId === undefined ? undefined : () => false;
}

export function propertiesSpec(args: Args): ListSpec<PropertyRecord> {
  const f = filterOf(args);
  return {
    where: [
      idEquals(f.clientId, 'Client', 'filter.clientId', (p: PropertyRecord) => p.clientId),
      search(args.searchTerm, (p: PropertyRecord) => [
        p.address.street1,
        p.address.city,
        p.address.postalCode,
      ]),
    ],
    sortKeys: { CREATED_AT: (p) => p.createdAt },
    defaultOrder: [descending('CREATED_AT')],
  };
}

export function paymentRecordsSpec(args: Args): ListSpec<PaymentRecordRecord> {
  const f = filterOf(args);
  return {
    where: [
      dateRange(f.entryDate, (p: PaymentRecordRecord) => p.entryDate),
      equals(f.adjustmentType as string | undefined, (p: PaymentRecordRecord) => p.adjustmentType),
      equals(f.paymentType as string | undefined, (p: PaymentRecordRecord) => p.paymentType),
      equals(f.refundable as boolean | undefined, (p: PaymentRecordRecord) => isRefundable(p)),
      idEquals(f.clientId, 'Client', 'filter.clientId', (p: PaymentRecordRecord) => p.clientId),
    ],
    // Records keep one instant: created when entered, last changed when the receipt went out;
    // LIST_ORDER puts initial balances last, and the sandbox has none.
    sortKeys: {
      ENTRY_DATE: (p) => p.entryDate,
      CREATED_AT: (p) => p.entryDate,
      UPDATED_AT: (p) => p.sentAt ?? p.entryDate,
      LIST_ORDER: (p) => p.entryDate,
    },
    sort: sortOf(args),
    defaultOrder: [descending('ENTRY_DATE')],
  };
}

/** Our reading of `filter.refundable`: money taken in (payments and deposits), not refunds. */
function isRefundable(payment: PaymentRecordRecord): boolean {
  return payment.adjustmentType === 'PAYMENT' || payment.adjustmentType === 'DEPOSIT';
}

export function expensesSpec(args: Args): ListSpec<ExpenseRecord> {
  const f = filterOf(args);
  return {
    where: [
      search(args.searchTerm, (e: ExpenseRecord) => [e.title, e.description]),
      dateRange(f.createdAt, (e: ExpenseRecord) => e.createdAt),
      dateRange(f.updatedAt, (e: ExpenseRecord) => e.updatedAt),
      dateRange(f.date, (e: ExpenseRecord) => e.date),
      idEquals(f.enteredById, 'User', 'filter.enteredById', (e: ExpenseRecord) => e.enteredById),
      idEquals(
        f.reimbursableToId,
        'User',
        'filter.reimbursableToId',
        (e: ExpenseRecord) => e.reimbursableToId,
      ),
    ],
    sortKeys: { CREATED_AT: (e) => e.createdAt, UPDATED_AT: (e) => e.updatedAt, DATE: (e) => e.date },
    sort: sortOf(args),
    defaultOrder: [descending('CREATED_AT')],
  };
}

export function timeSheetEntriesSpec(args: Args, currentUserId: number): ListSpec<TimeSheetEntryRecord> {
  const f = filterOf(args);
  return {
    where: [
      activeOn(f.activeOnDate),
      idEquals(f.assignedTo, 'User', 'filter.assignedTo', (t: TimeSheetEntryRecord) => t.userId),
      equals(f.isApproved as boolean | undefined, (t: TimeSheetEntryRecord) => t.approved),
      equals(f.ticking as boolean | undefined, (t: TimeSheetEntryRecord) => t.ticking),
      dateRange(f.createdAt, (t: TimeSheetEntryRecord) => t.createdAt),
      dateRange(f.updatedAt, (t: TimeSheetEntryRecord) => t.updatedAt),
      dateRange(f.startAt, (t: TimeSheetEntryRecord) => t.startAt),
      f.currentUserOnly === true ? (t: TimeSheetEntryRecord) => t.userId === currentUserId : undefined,
    ],
    sortKeys: { START_AT: (t) => t.startAt },
    sort: sortOf(args),
    defaultOrder: [ascending('START_AT')],
  };
}

/** Entries running at any time during the 24 hours from the given instant. */
function activeOn(input: unknown): Predicate<TimeSheetEntryRecord> | undefined {
  if (typeof input !== 'number') return undefined;
  const end = input + DAY_MS;
  return (entry) => entry.startAt < end && (entry.endAt === null || entry.endAt >= input);
}

const LEVELS = ['NONE', 'READ', 'CREATE', 'WRITE', 'MANAGE', 'DELETE', 'FULL'];
const CREW_AREAS = new Set([
  'CLIENTS',
  'CLIENTS_INDEX',
  'WORK_ORDERS',
  'WORK_ORDERS_INDEX',
  'TIME_SHEETS',
  'JOB_NOTES',
  'TO_DOS',
  'FORMS_AND_CHECKLISTS',
]);

/** The sandbox's permission model: admins have FULL everywhere, crew READ on field work only. */
function permissionLevel(user: UserRecord, area: string): number {
  if (user.isAccountAdmin) return LEVELS.length - 1;
  return CREW_AREAS.has(area) ? 1 : 0;
}

/** Users with at least the given level in the area (any level above NONE when no level is given). */
function hasPermission(input: unknown): Predicate<UserRecord> | undefined {
  if (input === undefined || input === null) return undefined;
  const { area, level } = input as { area?: string | null; level?: string | null };
  const minimum = level ? LEVELS.indexOf(level) : 1;
  return (user) => (area ? permissionLevel(user, area) : permissionLevel(user, 'ACCOUNT')) >= minimum;
}

/** Lifecycle order of UsersSortKey.STATUS (Jobber: DEACTIVATED < SEND_INVITE < RESEND_INVITE < ACTIVATED). */
const STATUS_RANK: Readonly<Record<string, number>> = { DEACTIVATED: 0, ACTIVATED: 3 };

export function usersSpec(args: Args): ListSpec<UserRecord> {
  const f = filterOf(args);
  return {
    where: [
      equals(f.status as string | undefined, (u: UserRecord) => u.status),
      hasPermission(f.permissions),
      idIn(f.userIds, 'User', 'filter.userIds', (u: UserRecord) => u.id),
      search(args.searchTerm, (u: UserRecord) => [`${u.firstName} ${u.lastName}`, u.email]),
    ],
    sortKeys: {
      ADMIN: (u) => !u.isAccountAdmin,
      NAME: (u) => `${u.firstName} ${u.lastName}`,
      // owner > admin > user
      ROLE: (u) => (u.isAccountOwner ? 2 : u.isAccountAdmin ? 1 : 0),
      LAST_ACTIVE: (u) => u.lastLoginAt,
      STATUS: (u) => STATUS_RANK[u.status] ?? 0,
    },
    sort: sortOf(args),
    defaultOrder: [ascending('ADMIN'), ascending('NAME')],
  };
}

export function productsSpec(args: Args): ListSpec<ProductRecord> {
  const f = filterOf(args);
  const categories = Array.isArray(f.category) ? f.category.map((c) => String(c).toUpperCase()) : null;
  return {
    where: [
      categories ? (p: ProductRecord) => categories.includes(p.category) : undefined,
      idIn(f.ids, 'ProductOrService', 'filter.ids', (p: ProductRecord) => p.id),
      search(args.searchTerm, (p: ProductRecord) => [p.name]),
    ],
    sortKeys: {
      NAME: (p) => p.name,
      DESCRIPTION: (p) => p.description,
      MARKUP: (p) => p.markup,
      DEFAULT_UNIT_COST: (p) => p.defaultUnitCost,
      CATEGORY: (p) => p.category,
      ID: (p) => p.id,
    },
    sort: sortInputs({ sort: f.sort }),
    defaultOrder: [ascending('ID')],
  };
}

/**
 * What a record made through the control API holds before the caller's fields are laid over it:
 * one blank per collection (the compiler asks for one for every collection of the registry).
 * Conventions the control API relies on: a blank is null exactly where the field may be empty;
 * a required reference the caller must give is 0 (no record has id 0); derived fields are left
 * for data/recompute.ts.
 */
import type { CollectionName, RecordOf } from './collections';
import { BILLING_BLANKS } from './blank-billing-records';
import {
  address,
  defaultTaxRate,
  firstPropertyOf,
  givenId,
  line,
  nextNumber,
  totals,
  type BlankContext,
} from './blank-parts';
import type { CostModifier } from './records';
import { emptyCosting } from './work';

export type { BlankContext } from './blank-parts';

/** The shape of objects a blank leaves null (a quote without a discount), for checking what is given. */
export const OBJECT_SHAPES: Readonly<Record<string, object>> = {
  discount: { rate: 0, type: 'Percent' } satisfies CostModifier,
  requiredDeposit: { rate: 0, type: 'Percent' } satisfies CostModifier,
};

/** One blank element of each list of nested objects (a client's emails and phones). */
export const NESTED_BLANKS: Readonly<Record<string, object>> = {
  emails: { id: 0, address: '', description: 'MAIN', primary: false },
  phones: { id: 0, number: '', description: 'MAIN', primary: false, smsAllowed: false },
};

export const BLANKS: { readonly [C in CollectionName]: (context: BlankContext) => RecordOf<C> } = {
  users: ({ data, id, now }) => ({
    id,
    firstName: 'New',
    lastName: 'User',
    email: `user${id}@${data.spec.emailDomain}`,
    phone: '',
    role: 'crew',
    status: 'ACTIVATED',
    isAccountOwner: false,
    isAccountAdmin: false,
    labourRate: 0,
    timeZone: data.spec.timeZone,
    createdAt: now,
    lastLoginAt: null,
  }),
  taxRates: ({ id }) => ({
    id,
    name: 'New tax rate',
    label: 'Tax',
    tax: 0,
    default: false,
    description: null,
  }),
  products: ({ id }) => ({
    id,
    name: 'New service',
    description: '',
    category: 'SERVICE',
    defaultUnitCost: 0,
    internalUnitCost: 0,
    markup: 0,
    taxable: true,
    visible: true,
    durationMinutes: 60,
  }),
  clients: ({ data, id, now }) => ({
    id,
    firstName: 'New',
    lastName: 'Client',
    companyName: null,
    isCompany: false,
    isLead: false,
    isArchived: false,
    title: null,
    tags: [],
    emails: [],
    phones: [],
    billingAddress: address(data),
    balance: 0,
    createdAt: now,
    updatedAt: now,
  }),
  properties: ({ data, id, now }) => ({
    id,
    clientId: 0,
    address: address(data),
    isBillingAddress: false,
    taxRateId: null,
    routingOrder: null,
    createdAt: now,
  }),
  requests: ({ id, now }) => ({
    id,
    clientId: 0,
    propertyId: null,
    title: 'New request',
    requestStatus: 'new',
    source: 'Phone',
    companyName: null,
    contactName: '',
    email: null,
    phone: null,
    referringClientId: null,
    createdAt: now,
    updatedAt: now,
  }),
  quotes: (context) => ({
    id: context.id,
    quoteNumber: nextNumber(context.data.records.quotes, 'quoteNumber'),
    clientId: 0,
    propertyId: firstPropertyOf(context.data, givenId(context, 'clientId')),
    requestId: null,
    salespersonId: null,
    title: 'New quote',
    message: null,
    quoteStatus: 'draft',
    discount: null,
    requiredDeposit: null,
    depositAmount: 0,
    taxRateId: defaultTaxRate(context.data),
    ...totals,
    sentAt: null,
    approvedAt: null,
    changesRequestedAt: null,
    convertedAt: null,
    archivedAt: null,
    clientHubViewedAt: null,
    transitionedAt: context.now,
    createdAt: context.now,
    updatedAt: context.now,
  }),
  quoteLineItems: (context) => ({
    ...line(context),
    quoteId: 0,
    optional: false,
    recommended: false,
    textOnly: false,
    markup: null,
  }),
  jobs: (context) => ({
    id: context.id,
    jobNumber: nextNumber(context.data.records.jobs, 'jobNumber'),
    clientId: 0,
    propertyId: firstPropertyOf(context.data, givenId(context, 'clientId')),
    quoteId: null,
    requestId: null,
    salespersonId: null,
    title: 'New job',
    instructions: null,
    jobType: 'ONE_OFF',
    billingType: 'FIXED_PRICE',
    onHold: false,
    total: 0,
    invoicedTotal: 0,
    uninvoicedTotal: 0,
    costing: emptyCosting(),
    startAt: null,
    endAt: null,
    completedAt: null,
    createdAt: context.now,
    updatedAt: context.now,
  }),
  jobLineItems: (context) => ({ ...line(context), jobId: 0 }),
  visits: (context) => {
    const job = context.data.find('jobs', givenId(context, 'jobId'));
    return {
      id: context.id,
      jobId: 0,
      clientId: job?.clientId ?? 0,
      propertyId: job?.propertyId ?? 0,
      invoiceId: null,
      createdById: null,
      assignedUserIds: [],
      title: job?.title ?? 'Visit',
      instructions: null,
      allDay: false,
      isComplete: false,
      isLastScheduledVisit: false,
      startAt: null,
      endAt: null,
      completedAt: null,
      createdAt: context.now,
      visitBasedBillingTotal: null,
    };
  },
  ...BILLING_BLANKS,
};

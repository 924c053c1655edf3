/**
 * What a record made through the control API holds before the caller's fields are laid over it:
 * one blank per collection (the compiler asks for one for every collection of the registry).
 * Conventions the control API relies on: a blank is null exactly where the field may be empty;
 * a required reference the caller must give is 0 (no record has id 0); derived fields are left
 * for data/recompute.ts.
 */
import type { AccountData } from './account-data';
import type { CollectionName, RecordOf } from './collections';
import type { Address, CostModifier, LineItemRecord } from './records';
import { emptyCosting } from './work';

export interface BlankContext {
  readonly data: AccountData;
  /** The new record's id. */
  readonly id: number;
  /** The sandbox clock: createdAt and updatedAt. */
  readonly now: number;
  /** The caller's fields (stored form): some defaults follow them (a job's property is its client's). */
  readonly given: Readonly<Record<string, unknown>>;
}

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

const given = (context: BlankContext, key: string): number | undefined => {
  const value = context.given[key];
  return typeof value === 'number' ? value : undefined;
};

function address(data: AccountData): Address {
  const { region } = data.spec;
  return {
    street1: '',
    street2: '',
    city: region.cities[0] ?? '',
    province: region.province,
    postalCode: '',
    country: region.country,
    latitude: region.latitude,
    longitude: region.longitude,
  };
}

/** The next human-facing number of a series (quote #, job #, invoice #). */
function nextNumber(records: readonly object[], key: string): number {
  return (
    records.reduce((highest, record) => {
      const value = (record as Record<string, unknown>)[key];
      return typeof value === 'number' ? Math.max(highest, value) : highest;
    }, 0) + 1
  );
}

const defaultTaxRate = (data: AccountData): number | null =>
  data.records.taxRates.find((rate) => rate.default)?.id ?? null;

const firstPropertyOf = (data: AccountData, clientId: number | undefined): number =>
  clientId === undefined ? 0 : (data.childrenOf('properties', 'clientId', clientId)[0]?.id ?? 0);

const owner = (data: AccountData): number => data.records.users.find((user) => user.isAccountOwner)?.id ?? 0;

function line({ id, now }: BlankContext): LineItemRecord {
  return {
    id,
    productId: null,
    name: 'New line item',
    description: '',
    category: 'SERVICE',
    quantity: 1,
    unitPrice: 0,
    totalPrice: 0,
    unitCost: 0,
    totalCost: 0,
    taxable: true,
    createdAt: now,
    updatedAt: now,
  };
}

const totals = { subtotal: 0, discountAmount: 0, taxAmount: 0, total: 0, nonTaxAmount: 0 };

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
    propertyId: firstPropertyOf(context.data, given(context, 'clientId')),
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
    propertyId: firstPropertyOf(context.data, given(context, 'clientId')),
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
    const job = context.data.find('jobs', given(context, 'jobId'));
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
  invoices: (context) => {
    const property = firstPropertyOf(context.data, given(context, 'clientId'));
    return {
      id: context.id,
      invoiceNumber: nextNumber(context.data.records.invoices, 'invoiceNumber'),
      clientId: 0,
      propertyIds: property === 0 ? [] : [property],
      jobIds: [],
      visitIds: [],
      taxRateId: defaultTaxRate(context.data),
      subject: 'For Services Rendered',
      message: null,
      isBadDebt: false,
      invoiceNet: 30,
      discount: null,
      depositAmount: 0,
      paymentsTotal: 0,
      tipsTotal: 0,
      invoiceBalance: 0,
      ...totals,
      issuedDate: null,
      dueDate: null,
      receivedDate: null,
      dateViewedInClientHub: null,
      createdAt: context.now,
      updatedAt: context.now,
    };
  },
  invoiceLineItems: (context) => {
    const invoice = context.data.find('invoices', given(context, 'invoiceId'));
    return {
      ...line(context),
      invoiceId: 0,
      jobId: invoice?.jobIds[0] ?? null,
      taxRateId: invoice?.taxRateId ?? defaultTaxRate(context.data) ?? 0,
      date: null,
    };
  },
  paymentRecords: (context) => ({
    id: context.id,
    typename: 'CashPaymentRecord',
    clientId: 0,
    invoiceId: given(context, 'quoteId') === undefined ? 0 : null,
    quoteId: null,
    refundedPaymentRecordId: null,
    adjustmentType: 'PAYMENT',
    paymentType: 'CASH',
    paymentOrigin: 'EMPLOYEE_ONLINE_ORIGIN',
    amount: 0,
    rawAmount: 0,
    tipAmount: null,
    feeAmount: null,
    details: null,
    reference: null,
    entryDate: context.now,
    sentAt: null,
    updatedAt: context.now,
  }),
  expenses: ({ data, id, now }) => ({
    id,
    title: 'New expense',
    description: null,
    total: 0,
    enteredById: owner(data),
    paidById: null,
    reimbursableToId: null,
    linkedJobId: null,
    date: data.zone.midnight(data.zone.localDay(now)),
    createdAt: now,
    updatedAt: now,
  }),
  timeSheetEntries: (context) => ({
    id: context.id,
    userId: 0,
    jobId: null,
    visitId: null,
    clientId: null,
    label: 'Time',
    note: null,
    labourRate: context.data.find('users', given(context, 'userId'))?.labourRate ?? 0,
    finalDuration: 0,
    ticking: true,
    approved: false,
    payable: true,
    approvedById: null,
    paidById: null,
    startAt: context.now,
    endAt: null,
    createdAt: context.now,
    updatedAt: context.now,
  }),
};

/**
 * The sandbox's stored records. Ids are numbers (encoded to Jobber's EncodedId on the way out),
 * instants are epoch milliseconds (ISO 8601 UTC on the way out), money is dollars rounded to cents.
 * Foreign keys end in `Id`/`Ids`, instants in `At`/`Date` (or are called `date`): the dump and
 * the GraphQL layer rely on these names.
 */

import type { CostModifier, Totals } from './amounts';

export interface Address {
  street1: string;
  street2: string;
  city: string;
  province: string;
  postalCode: string;
  country: string;
  latitude: number;
  longitude: number;
}

export interface UserRecord {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  role: 'owner' | 'office' | 'crew';
  status: 'ACTIVATED' | 'DEACTIVATED';
  isAccountOwner: boolean;
  isAccountAdmin: boolean;
  labourRate: number;
  /** The user's own time zone (User.timezone): the account's, except an office manager working remotely. */
  timeZone: string;
  createdAt: number;
  lastLoginAt: number | null;
}

export interface TaxRateRecord {
  id: number;
  name: string;
  label: string;
  tax: number;
  default: boolean;
  description: string | null;
}

export interface ProductRecord {
  id: number;
  name: string;
  description: string;
  category: 'SERVICE' | 'PRODUCT';
  defaultUnitCost: number;
  internalUnitCost: number;
  markup: number;
  taxable: boolean;
  visible: boolean;
  durationMinutes: number;
}

export interface ClientEmail {
  id: number;
  address: string;
  description: string;
  primary: boolean;
}

export interface ClientPhone {
  id: number;
  number: string;
  description: string;
  primary: boolean;
  smsAllowed: boolean;
}

export interface ClientRecord {
  id: number;
  firstName: string;
  lastName: string;
  companyName: string | null;
  isCompany: boolean;
  isLead: boolean;
  isArchived: boolean;
  title: string | null;
  tags: string[];
  emails: ClientEmail[];
  phones: ClientPhone[];
  billingAddress: Address;
  /** Sum of the balances of the client's sent invoices. */
  balance: number;
  createdAt: number;
  updatedAt: number;
}

export interface PropertyRecord {
  id: number;
  clientId: number;
  address: Address;
  isBillingAddress: boolean;
  taxRateId: number | null;
  routingOrder: number | null;
  createdAt: number;
}

export interface RequestRecord {
  id: number;
  clientId: number;
  propertyId: number | null;
  title: string;
  requestStatus: string;
  source: string;
  companyName: string | null;
  contactName: string;
  email: string | null;
  phone: string | null;
  referringClientId: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface QuoteRecord extends Totals {
  id: number;
  quoteNumber: number;
  clientId: number;
  propertyId: number;
  requestId: number | null;
  salespersonId: number | null;
  title: string;
  message: string | null;
  quoteStatus: string;
  discount: CostModifier | null;
  requiredDeposit: CostModifier | null;
  depositAmount: number;
  taxRateId: number | null;
  sentAt: number | null;
  approvedAt: number | null;
  changesRequestedAt: number | null;
  convertedAt: number | null;
  archivedAt: number | null;
  clientHubViewedAt: number | null;
  transitionedAt: number;
  createdAt: number;
  updatedAt: number;
}

export interface LineItemRecord {
  id: number;
  productId: number | null;
  name: string;
  description: string;
  category: 'SERVICE' | 'PRODUCT';
  quantity: number;
  unitPrice: number;
  totalPrice: number;
  unitCost: number;
  totalCost: number;
  taxable: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface QuoteLineItemRecord extends LineItemRecord {
  quoteId: number;
  optional: boolean;
  recommended: boolean;
  textOnly: boolean;
  markup: number | null;
}

export interface JobLineItemRecord extends LineItemRecord {
  jobId: number;
}

export interface InvoiceLineItemRecord extends LineItemRecord {
  invoiceId: number;
  jobId: number | null;
  taxRateId: number;
  date: number | null;
}

export interface JobCosting {
  expenseCost: number;
  labourCost: number;
  labourDuration: number;
  lineItemCost: number;
  totalCost: number;
  totalRevenue: number;
  profitAmount: number;
  profitPercentage: number | null;
}

export interface JobRecord {
  id: number;
  jobNumber: number;
  clientId: number;
  propertyId: number;
  quoteId: number | null;
  requestId: number | null;
  salespersonId: number | null;
  title: string;
  instructions: string | null;
  jobType: 'ONE_OFF' | 'RECURRING';
  billingType: 'FIXED_PRICE' | 'VISIT_BASED';
  /** Put on hold by the office; the status (statuses.ts) is derived when read. */
  onHold: boolean;
  total: number;
  invoicedTotal: number;
  uninvoicedTotal: number;
  costing: JobCosting;
  startAt: number | null;
  endAt: number | null;
  completedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface VisitRecord {
  id: number;
  jobId: number;
  clientId: number;
  propertyId: number;
  invoiceId: number | null;
  createdById: number | null;
  assignedUserIds: number[];
  title: string;
  instructions: string | null;
  allDay: boolean;
  isComplete: boolean;
  isLastScheduledVisit: boolean;
  startAt: number | null;
  endAt: number | null;
  completedAt: number | null;
  createdAt: number;
  /** What the visit bills on a visit-based job (its share of the job's line items); null otherwise. */
  visitBasedBillingTotal: number | null;
}

export type { CostModifier, Totals } from './amounts';
export type { ExpenseRecord, InvoiceRecord, PaymentRecord, TimeSheetEntryRecord } from './billing-records';

/**
 * The facts of Jobber's public API at version 2025-04-16 that the sandbox must serve (issue 12,
 * docs/jobber-api.md §7). public-api.test.ts pins them against the sandbox's introspection; the
 * 2022-03-10 comparison (schema-signature.test.ts) accepts a difference only when it is one of them.
 */

/** Not in the public API: the sandbox must not serve them, the connector must never select them. */
export const ABSENT_FIELDS = [
  'Account.accountOwner',
  'Account.currentUser',
  'Account.taxRates',
  'Quote.discount',
  'Quote.requiredDeposit',
  'Invoice.discount',
  'Visit.amounts',
  'Expense.accountingCode',
  'JobCosting.belowMinimumThreshold',
  'VisitFilterAttributes.isComplete',
  'TimeSheetEntriesFilterAttributes.isPayable',
] as const;

export const ABSENT_TYPES = ['CostModifier', 'VisitAmounts', 'AccountingCode'] as const;

export const ACCOUNT_FIELDS = [
  'createdAt',
  'dedicatedPhoneNumber',
  'earliestInvoiceIssuedDate',
  'features',
  'id',
  'industry',
  'name',
  'phone',
  'signupName',
] as const;

/**
 * Public fields and filters whose exact type no public source shows us: the sandbox refuses them
 * rather than guess (docs/sandbox.md, "What the sandbox cannot know").
 */
export const LEFT_OUT = ['Account.industry', 'InvoiceFilterAttributes.excludeOrigin'] as const;

/** Exact signatures. */
export const SIGNATURES: Readonly<Record<string, string>> = {
  'ProductOrService.category': 'ProductsAndServicesCategory!',
  'QuoteLineItem.category': 'ProductsAndServicesCategory!',
  'JobLineItem.category': 'ProductsAndServicesCategory!',
  'InvoiceLineItem.category': 'ProductsAndServicesCategory!',
  'Quote.lastTransitioned': 'QuoteLastTransitioned!',
  'Query.clients(sort)': 'ClientsSortInput',
  'Query.user(id)': 'EncodedId',
  'Query.users': 'UserConnection!',
  'User.isAccountOwner': 'Boolean!',
  'User.isCurrentUser': 'Boolean!',
  'User.timezone': 'Timezone',
};

/** Enums whose values are exactly these. */
export const EXACT_ENUMS: Readonly<Record<string, readonly string[]>> = {
  ProductsAndServicesCategory: ['PRODUCT', 'SERVICE'],
  WorkItemCategoryTypeEnum: ['Product', 'Service'],
  VisitsSortableFields: ['CLIENT_PRIMARY_NAME', 'CREATED_AT', 'START_AT', 'STATUS'],
};

/** Values Jobber added after 2022-03-10. */
export const ADDED_ENUM_VALUES: Readonly<Record<string, readonly string[]>> = {
  PaymentType: ['ACH_BANK_PAYMENT', 'CASH_APP', 'E_TRANSFER', 'PAYPAL', 'VENMO', 'ZELLE'],
  PaymentOrigin: ['CARD_READER', 'TAP_TO_PAY'],
  JobberPaymentTransactionStatus: ['PARTIALLY_REFUNDED'],
  QuotesSortKey: ['CLIENT_FIRST_NAME', 'CLIENT_LAST_NAME'],
  PermissionAreaFilterEnum: [
    'BOOKKEEPING',
    'CLIENT_MEDIA',
    'JOB_COSTING',
    'MARKETING_SUITE',
    'SALES_PIPELINE',
    'WEBSITE',
  ],
};

/** The payment-record types of the newer methods, all implementing PaymentRecordInterface. */
export const NEWER_PAYMENT_RECORD_TYPES = [
  'AchBankPaymentPaymentRecord',
  'CashAppPaymentRecord',
  'ETransferPaymentRecord',
  'PaypalPaymentRecord',
  'VenmoPaymentRecord',
  'ZellePaymentRecord',
] as const;

/** The 16 types implementing an interface the sandbox used not to declare. */
export const INTERFACES: Readonly<Record<string, string>> = {
  Visit: 'ScheduledItemInterface',
  QuoteLineItem: 'LineItemInterface',
  JobLineItem: 'LineItemInterface',
  InvoiceLineItem: 'LineItemInterface',
  Client: 'CustomFieldsInterface',
  Property: 'CustomFieldsInterface',
  Quote: 'CustomFieldsInterface',
  Job: 'CustomFieldsInterface',
  Invoice: 'CustomFieldsInterface',
  ProductOrService: 'CustomFieldsInterface',
  PropertyAddress: 'AddressInterface',
  InvoiceBillingAddress: 'AddressInterface',
  User: 'UserInterface',
  UserEmail: 'EmailInterface',
  UserPhone: 'PhoneNumberInterface',
  MutationErrors: 'UserErrorsInterface',
};

/**
 * Optional arguments the sandbox used to lack. Jobber's public schema has 17 such; the others
 * (`Client.defaultEmails(emailType)`, `Client.emails(filter)`, `Client.phones(filter)`, …) take
 * input types the sandbox does not model and are left out.
 */
export const OPTIONAL_ARGUMENTS: Readonly<Record<string, string>> = {
  'Query.clients(searchFields)': '[ClientSearchField!]',
  'Query.clients(sort)': 'ClientsSortInput',
  'Query.expenses(searchTerm)': 'String',
  'Query.paymentRecords(sort)': 'PaymentRecordSortAttributes',
  'Query.products(filter)': 'ProductsFilterInput',
  'Query.products(searchTerm)': 'String',
  'Query.requests(timezone)': 'Timezone',
  'Query.users(searchTerm)': 'String',
  'Query.users(sort)': '[UsersSortInput!]',
  'Client.jobs(filter)': 'JobFilterAttributes',
  'Client.jobs(sort)': '[JobsSortInput!]',
};

/** The filter of each root list query: exactly these input fields (dates as Iso8601DateTimeRangeInput). */
export const FILTERS: Readonly<Record<string, readonly string[]>> = {
  InvoiceFilterAttributes: [
    'clientId',
    'createdAt',
    'dueDate',
    'excludeOrigin',
    'invoiceNumber',
    'issuedDate',
    'status',
    'total',
    'updatedAt',
  ],
  ClientFilterAttributes: ['createdAt', 'isArchived', 'isCompany', 'isLead', 'tags', 'updatedAt'],
  QuoteFilterAttributes: [
    'clientId',
    'cost',
    'createdAt',
    'quoteNumber',
    'salespersonId',
    'sentAt',
    'status',
    'updatedAt',
  ],
  RequestFilterAttributes: ['assignedTo', 'clientId', 'createdAt', 'propertyId', 'status', 'updatedAt'],
  ExpenseFilterAttributes: ['createdAt', 'date', 'enteredById', 'reimbursableToId', 'updatedAt'],
  TimeSheetEntriesFilterAttributes: [
    'activeOnDate',
    'assignedTo',
    'createdAt',
    'currentUserOnly',
    'isApproved',
    'startAt',
    'ticking',
    'updatedAt',
  ],
  JobFilterAttributes: [
    'completedAt',
    'createdAt',
    'endAt',
    'ids',
    'includeUnscheduled',
    'jobType',
    'onlyInvoiceable',
    'startAt',
    'status',
    'visitsAssignedToUserId',
    'visitsScheduledBetween',
  ],
  VisitFilterAttributes: [
    'assignedTo',
    'completedAt',
    'createdAt',
    'endAt',
    'ids',
    'invoiceStatus',
    'onlyRelevantToBillingPeriod',
    'productOrServiceId',
    'startAt',
    'status',
  ],
  PaymentRecordFilterAttributes: ['adjustmentType', 'clientId', 'entryDate', 'paymentType', 'refundable'],
};

/** The root list queries that can sort by UPDATED_AT; no other can. */
export const UPDATED_AT_SORTS = ['clients', 'expenses', 'invoices', 'jobs', 'paymentRecords'] as const;

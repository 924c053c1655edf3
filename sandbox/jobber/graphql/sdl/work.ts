/** Quotes and jobs, with their line items and job costing. */
export const WORK_SDL = /* GraphQL */ `
  type Quote implements CustomFieldsInterface {
    id: EncodedId!
    quoteNumber: String!
    title: String
    message: String
    quoteStatus: QuoteStatusTypeEnum!
    amounts: QuoteAmounts!
    client: Client
    property: Property
    request: Request
    taxDetails: TaxDetails
    clientHubViewedAt: ISO8601DateTime
    sentAt: ISO8601DateTime
    transitionedAt: ISO8601DateTime!
    createdAt: ISO8601DateTime!
    updatedAt: ISO8601DateTime!
    jobberWebUri: String!
    customFields: [CustomFieldUnion!]!
    lineItems(
      after: String
      before: String
      first: Int
      last: Int
      filter: QuoteLineItemFilterAttributes
    ): QuoteLineItemConnection!
    jobs(after: String, before: String, first: Int, last: Int, sort: [QuoteJobsSortInput!]): JobConnection
    depositRecords(after: String, before: String, first: Int, last: Int): PaymentRecordConnection!
    # newer than 2022-03-10 (jobber-api.md §7-§8)
    lastTransitioned: QuoteLastTransitioned!
    salesperson: User
  }

  type QuoteAmounts {
    depositAmount: Float!
    discountAmount: Float!
    nonTaxAmount: Float!
    outstandingDepositAmount: Float!
    subtotal: Float!
    taxAmount: Float!
    total: Float!
  }

  input QuoteFilterAttributes {
    clientId: EncodedId
    quoteNumber: IntRangeInput
    status: QuoteStatusTypeEnum
    cost: FloatRangeInput
    sentAt: Iso8601DateTimeRangeInput
    updatedAt: Iso8601DateTimeRangeInput
    createdAt: Iso8601DateTimeRangeInput
    # newer than 2022-03-10 (jobber-api.md §7-§8)
    salespersonId: EncodedId
  }

  input QuotesSortInput {
    key: QuotesSortKey!
    direction: SortDirectionEnum!
  }

  enum QuotesSortKey {
    PROPERTY_STREET1
    CLIENT_PRIMARY_NAME
    CREATED_AT
    LAST_SENT_AT
    LAST_CHANGES_REQUESTED_AT
    APPROVED_AT
    CONVERTED_AT
    ARCHIVED_AT
    QUOTE_NUMBER
    QUOTE_STATUS
    QUOTE_TOTAL
    CLIENT_FIRST_NAME
    CLIENT_LAST_NAME
  }

  enum QuoteStatusTypeEnum {
    draft
    awaiting_response
    archived
    approved
    converted
    changes_requested
  }

  # The fields the three kinds of line item share (Jobber's interface has more than the sandbox serves).
  interface LineItemInterface {
    category: ProductsAndServicesCategory!
    createdAt: ISO8601DateTime!
    description: String!
    id: EncodedId!
    linkedProductOrService: ProductOrService
    name: String!
    quantity: Float!
    taxable: Boolean!
    totalPrice: Float!
    unitPrice: Float!
    updatedAt: ISO8601DateTime!
  }

  type QuoteLineItem implements LineItemInterface {
    category: ProductsAndServicesCategory!
    createdAt: ISO8601DateTime!
    description: String!
    id: EncodedId!
    linkedProductOrService: ProductOrService
    markup: Float
    name: String!
    optional: Boolean!
    quantity: Float!
    recommended: Boolean
    taxable: Boolean!
    textOnly: Boolean!
    totalPrice: Float!
    unitPrice: Float!
    updatedAt: ISO8601DateTime!
  }

  input QuoteLineItemFilterAttributes {
    approved: Boolean
  }

  input QuoteJobsSortInput {
    key: QuoteJobsSortKey!
    direction: SortDirectionEnum!
  }

  enum QuoteJobsSortKey {
    UPDATED_AT
  }

  type TaxDetails {
    totalTaxAmount: Float!
    totalTaxRate: TaxRateBase!
  }

  type Job implements CustomFieldsInterface {
    id: EncodedId!
    jobNumber: Int!
    title: String
    instructions: String
    jobStatus: JobStatusTypeEnum!
    jobType: JobTypeTypeEnum!
    billingType: BillingStrategy!
    total: Float!
    client: Client!
    property: Property!
    quote: Quote
    request: Request
    startAt: ISO8601DateTime
    endAt: ISO8601DateTime
    completedAt: ISO8601DateTime
    createdAt: ISO8601DateTime!
    updatedAt: ISO8601DateTime!
    jobberWebUri: String!
    customFields: [CustomFieldUnion!]!
    visitsInfo: VisitsInfo!
    lineItems(after: String, before: String, first: Int, last: Int): JobLineItemConnection!
    visits(
      after: String
      before: String
      first: Int
      last: Int
      filter: VisitFilterAttributes
      sort: [VisitsSortInput!]
      timezone: Timezone
    ): VisitConnection!
    invoices(after: String, before: String, first: Int, last: Int): InvoiceConnection!
    paymentRecords(after: String, before: String, first: Int, last: Int): PaymentRecordConnection!
    # newer than 2022-03-10 (jobber-api.md §7-§8)
    invoicedTotal: Float!
    uninvoicedTotal: Float!
    jobCosting: JobCosting
    jobBalanceTotals: JobBalanceTotals
    salesperson: User
    expenses(after: String, before: String, first: Int, last: Int): ExpenseConnection!
    timeSheetEntries(after: String, before: String, first: Int, last: Int): TimeSheetEntryConnection!
  }

  type VisitsInfo {
    futureCount: Int!
    incompleteTotal: Int!
    pastCount: Int!
    scheduledCount: Int!
    unscheduledCount: Int!
  }

  input JobFilterAttributes {
    jobType: JobTypeTypeEnum
    createdAt: Iso8601DateTimeRangeInput
    startAt: Iso8601DateTimeRangeInput
    endAt: Iso8601DateTimeRangeInput
    completedAt: Iso8601DateTimeRangeInput
    includeUnscheduled: Boolean
    status: JobStatusTypeEnum
    # newer than 2022-03-10 (jobber-api.md §7-§8)
    visitsScheduledBetween: Iso8601DateTimeRangeInput
    visitsAssignedToUserId: EncodedId
    onlyInvoiceable: Boolean
    ids: [EncodedId!]
  }

  input JobsSortInput {
    key: JobSortKey!
    direction: SortDirectionEnum!
  }

  enum JobSortKey {
    CLIENT_FIRST_NAME
    CLIENT_PRIMARY_NAME
    UPDATED_AT
    # newer than 2022-03-10 (jobber-api.md §7-§8)
    JOB_NUMBER
    TOTAL_COST
    JOB_STATUS
    SCHEDULE
    VISIT_START_DATE
  }

  enum JobStatusTypeEnum {
    requires_invoicing
    archived
    late
    today
    upcoming
    action_required
    on_hold
    unscheduled
    active
    # newer than 2022-03-10 (jobber-api.md §7-§8)
    expiring_within_30_days
  }

  enum JobTypeTypeEnum {
    ONE_OFF
    RECURRING
  }

  enum BillingStrategy {
    FIXED_PRICE
    VISIT_BASED
  }

  type JobLineItem implements LineItemInterface {
    category: ProductsAndServicesCategory!
    createdAt: ISO8601DateTime!
    description: String!
    id: EncodedId!
    linkedProductOrService: ProductOrService
    name: String!
    quantity: Float!
    taxable: Boolean!
    totalPrice: Float!
    unitPrice: Float!
    updatedAt: ISO8601DateTime!
    # newer than 2022-03-10 (jobber-api.md §7-§8)
    unitCost: Float
    totalCost: Float
  }

  # newer than 2022-03-10: the type name of lastTransitioned is our guess (fields per jobber-api.md §7.3)
  type QuoteLastTransitioned {
    approvedAt: ISO8601DateTime
    changesRequestedAt: ISO8601DateTime
    convertedAt: ISO8601DateTime
  }

  # newer than 2022-03-10 (signatures from Jobber's 2025-04-16 introspection)
  type JobCosting {
    expenseCost: Float!
    id: EncodedId!
    labourCost: Float!
    labourDuration: Seconds!
    lineItemCost: Float!
    profitAmount: Float!
    profitPercentage: Float
    totalCost: Float!
    totalRevenue: Float!
  }

  type JobBalanceTotals {
    outstandingAmount: Float
    totalAmount: Float
  }
`;

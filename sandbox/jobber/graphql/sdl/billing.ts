/** Invoices, payments, expenses and timesheets. */
export const BILLING_SDL = /* GraphQL */ `
  type Invoice implements CustomFieldsInterface {
    id: EncodedId!
    invoiceNumber: String!
    subject: String!
    message: String
    invoiceStatus: InvoiceStatusTypeEnum!
    amounts: InvoiceAmounts
    client: Client
    billingAddress: InvoiceBillingAddress
    issuedDate: ISO8601DateTime
    dueDate: ISO8601DateTime
    receivedDate: ISO8601DateTime
    invoiceNet: Int
    createdAt: ISO8601DateTime!
    updatedAt: ISO8601DateTime!
    dateViewedInClientHub: ISO8601DateTime
    taxRate: TaxRate
    taxCalculationMethod: String!
    taxDetails: TaxDetails
    jobberWebUri: String!
    customFields: [CustomFieldUnion!]!
    lineItems(after: String, before: String, first: Int, last: Int): InvoiceLineItemConnection!
    jobs(after: String, before: String, first: Int, last: Int): JobConnection!
    visits(after: String, before: String, first: Int, last: Int): VisitConnection!
    paymentRecords(after: String, before: String, first: Int, last: Int): PaymentRecordConnection!
    properties(after: String, before: String, first: Int, last: Int): PropertyConnection!
  }

  type InvoiceAmounts {
    depositAmount: Float!
    discountAmount: Float!
    invoiceBalance: Float!
    nonTaxAmount: Float!
    paymentsTotal: Float!
    subtotal: Float!
    taxAmount: Float!
    tipsTotal: Float!
    total: Float!
  }

  type InvoiceBillingAddress implements AddressInterface {
    street: String!
    street1: String
    street2: String
    city: String
    province: String
    postalCode: String
    country: String
    coordinates: GeoPoint
  }

  # Jobber also has excludeOrigin, whose type is not known, so the sandbox refuses it (docs/sandbox.md).
  input InvoiceFilterAttributes {
    clientId: EncodedId
    invoiceNumber: EncodedId
    total: FloatRangeInput
    issuedDate: Iso8601DateTimeRangeInput
    dueDate: Iso8601DateTimeRangeInput
    updatedAt: Iso8601DateTimeRangeInput
    createdAt: Iso8601DateTimeRangeInput
    status: InvoiceStatusTypeEnum
  }

  input InvoiceSortInput {
    key: InvoiceSortKey!
    direction: SortDirectionEnum!
  }

  enum InvoiceSortKey {
    INVOICE_NUMBER
    INVOICE_STATUS
    CLIENT_PRIMARY_NAME
    CREATED_AT
    ISSUED_DATE
    RECEIVED_DATE
    DUE_DATE
    INVOICE_TIP_TOTAL
    INVOICE_TOTAL
    INVOICE_BALANCE
    INVOICE_TAX_PERCENT
    INVOICE_TAX_AMOUNT
    INVOICE_DEPOSIT_AMOUNT
    INVOICE_DISCOUNT_AMOUNT
    # newer than 2022-03-10 (jobber-api.md §7-§8)
    UPDATED_AT
  }

  enum InvoiceStatusTypeEnum {
    draft
    awaiting_payment
    paid
    past_due
    bad_debt
    # newer than 2022-03-10 (jobber-api.md §7-§8)
    sent_not_due
  }

  type InvoiceLineItem implements LineItemInterface {
    category: ProductsAndServicesCategory!
    createdAt: ISO8601DateTime!
    date: ISO8601DateTime
    description: String!
    id: EncodedId!
    linkedProductOrService: ProductOrService
    name: String!
    quantity: Float!
    taxRate: TaxRate!
    taxable: Boolean!
    totalPrice: Float!
    unitPrice: Float!
    updatedAt: ISO8601DateTime!
  }

  interface PaymentRecordInterface {
    adjustmentType: IncomeAdjustmentType!
    amount: Float!
    client: Client
    details: String
    entryDate: ISO8601DateTime!
    id: EncodedId!
    invoice: Invoice
    paymentOrigin: PaymentOrigin
    paymentType: PaymentType
    quote: Quote
    sentAt: ISO8601DateTime
    # newer than 2022-03-10 (jobber-api.md §7-§8)
    rawAmount: Float!
    canEdit: Boolean!
  }

  input PaymentRecordFilterAttributes {
    entryDate: Iso8601DateTimeRangeInput
    adjustmentType: IncomeAdjustmentType
    paymentType: PaymentType
    # newer than 2022-03-10 (jobber-api.md §7-§8)
    refundable: Boolean
    clientId: EncodedId
  }

  # One input, not a list.
  input PaymentRecordSortAttributes {
    key: PaymentRecordSortKey!
    direction: SortDirectionEnum!
  }

  enum PaymentRecordSortKey {
    ENTRY_DATE
    CREATED_AT
    UPDATED_AT
    LIST_ORDER
  }

  type PaymentRecord {
    adjustmentType: IncomeAdjustmentType!
    amount: Float!
    entryDate: ISO8601DateTime!
    id: EncodedId!
    jobberPaymentTransactionStatus: JobberPaymentTransactionStatus
    tipAmount: Float
  }

  enum PaymentType {
    CASH
    CHEQUE
    CREDIT_CARD
    BANK_TRANSFER
    MONEY_ORDER
    OTHER
    JOBBER_PAYMENTS
    EPAYMENT
    CONSUMER_FINANCING
    # newer than 2022-03-10 (jobber-api.md §7.4)
    ZELLE
    CASH_APP
    PAYPAL
    VENMO
    E_TRANSFER
    ACH_BANK_PAYMENT
  }

  enum IncomeAdjustmentType {
    INVOICE
    REFUND
    CORRECTION
    INITIAL_BALANCE
    FAILED_ACH_PAYMENT
    PAYMENT
    DEPOSIT
    BAD_DEBT
  }

  enum PaymentOrigin {
    SWIPE_ORIGIN
    MOBILE_ORIGIN
    CLIENT_ONLINE_ORIGIN
    SYSTEM_GENERATED
    TERMINAL_ORIGIN
    EWALLET_ORIGIN
    UNKNOWN_ORIGIN
    EMPLOYEE_ONLINE_ORIGIN
    API_ORIGIN
    # newer than 2022-03-10 (jobber-api.md §7.4)
    CARD_READER
    TAP_TO_PAY
  }

  enum JobberPaymentTransactionStatus {
    IN_DISPUTE
    PENDING
    REFUNDED
    FAILED
    DISPUTED
    SUCCEEDED
    # newer than 2022-03-10 (jobber-api.md §7.4)
    PARTIALLY_REFUNDED
  }

  type Expense {
    id: EncodedId!
    title: String!
    description: String
    date: ISO8601DateTime!
    total: Float
    enteredBy: User
    paidBy: User
    reimbursableTo: User
    linkedJob: Job
    createdAt: ISO8601DateTime!
    updatedAt: ISO8601DateTime!
  }

  input ExpenseFilterAttributes {
    createdAt: Iso8601DateTimeRangeInput
    updatedAt: Iso8601DateTimeRangeInput
    date: Iso8601DateTimeRangeInput
    enteredById: EncodedId
    reimbursableToId: EncodedId
  }

  input ExpensesSortInput {
    key: ExpensesSortKey!
    direction: SortDirectionEnum!
  }

  enum ExpensesSortKey {
    CREATED_AT
    UPDATED_AT
    DATE
  }

  type TimeSheetEntry {
    id: EncodedId!
    startAt: ISO8601DateTime!
    finalDuration: Seconds!
    approved: Boolean!
    approvedBy: User
    paidBy: User
    note: String
    ticking: Boolean!
    user: User
    job: Job
    visit: Visit
    visitDurationTotal: Int!
    # newer than 2022-03-10 (jobber-api.md §7-§8)
    endAt: ISO8601DateTime
    createdAt: ISO8601DateTime!
    updatedAt: ISO8601DateTime!
    label: String
    labourRate: Float
    payable: Boolean!
    client: Client
  }

  # startsAfter, startsBefore and includeEveryAccountTimer were removed (2023-05-05, 2023-08-18)
  input TimeSheetEntriesFilterAttributes {
    activeOnDate: ISO8601DateTime
    assignedTo: EncodedId
    # newer than 2022-03-10 (jobber-api.md §7.2)
    isApproved: Boolean
    ticking: Boolean
    createdAt: Iso8601DateTimeRangeInput
    updatedAt: Iso8601DateTimeRangeInput
    currentUserOnly: Boolean
    startAt: Iso8601DateTimeRangeInput
  }

  input TimeSheetEntriesSortAttributes {
    field: TimeSheetEntriesSortableFieldsEnum!
    direction: SortDirectionEnum!
  }

  enum TimeSheetEntriesSortableFieldsEnum {
    START_AT
  }
`;

/**
 * Root types, the account and its users, shared inputs and enums, tax rates, products and services,
 * as Jobber's public API shows them at 2025-04-16 (docs/jobber-api.md §7).
 */
export const CORE_SDL = /* GraphQL */ `
  scalar Timezone

  scalar Seconds

  scalar ISO8601DateTime

  scalar EncodedId

  type Query {
    account: Account
    client(id: EncodedId!): Client
    clients(
      filter: ClientFilterAttributes
      searchTerm: String
      searchFields: [ClientSearchField!]
      # one input, not a list (docs/jobber-api.md §7.2)
      sort: ClientsSortInput
      after: String
      before: String
      first: Int
      last: Int
    ): ClientConnection!
    expense(id: EncodedId!): Expense
    expenses(
      filter: ExpenseFilterAttributes
      searchTerm: String
      sort: [ExpensesSortInput!]
      after: String
      before: String
      first: Int
      last: Int
    ): ExpenseConnection
    invoice(id: EncodedId!): Invoice
    invoices(
      filter: InvoiceFilterAttributes
      searchTerm: String
      sort: [InvoiceSortInput!]
      after: String
      before: String
      first: Int
      last: Int
    ): InvoiceConnection!
    job(id: EncodedId!): Job
    jobs(
      filter: JobFilterAttributes
      sort: [JobsSortInput!]
      searchTerm: String
      after: String
      before: String
      first: Int
      last: Int
    ): JobConnection!
    paymentRecord(id: EncodedId!): PaymentRecordInterface
    paymentRecords(
      filter: PaymentRecordFilterAttributes
      sort: PaymentRecordSortAttributes
      after: String
      before: String
      first: Int
      last: Int
    ): PaymentRecordInterfaceConnection
    productOrService(id: EncodedId!): ProductOrService!
    productOrServices(after: String, before: String, first: Int, last: Int): ProductOrServiceConnection!
    products(
      filter: ProductsFilterInput
      searchTerm: String
      after: String
      before: String
      first: Int
      last: Int
    ): ProductOrServiceConnection!
    properties(
      filter: PropertiesFilterAttributes
      searchTerm: String
      after: String
      before: String
      first: Int
      last: Int
    ): PropertyConnection!
    property(id: EncodedId!): Property
    quote(id: EncodedId!): Quote
    quotes(
      filter: QuoteFilterAttributes
      searchTerm: String
      sort: [QuotesSortInput!]
      after: String
      before: String
      first: Int
      last: Int
    ): QuoteConnection!
    request(id: EncodedId!): Request
    requests(
      filter: RequestFilterAttributes
      searchTerm: String
      # a list since 2024-11-12 (jobber-api.md §8)
      sort: [RequestsSortInput!]
      timezone: Timezone
      after: String
      before: String
      first: Int
      last: Int
    ): RequestConnection!
    taxRates(searchTerm: String, after: String, before: String, first: Int, last: Int): TaxRateConnection!
    timeSheetEntries(
      sort: [TimeSheetEntriesSortAttributes!]
      filter: TimeSheetEntriesFilterAttributes
      after: String
      before: String
      first: Int
      last: Int
    ): TimeSheetEntryConnection!
    user(id: EncodedId): User
    users(
      filter: UsersFilterAttributes
      searchTerm: String
      sort: [UsersSortInput!]
      after: String
      before: String
      first: Int
      last: Int
    ): UserConnection!
    visit(id: EncodedId!): Visit
    visits(
      filter: VisitFilterAttributes
      sort: [VisitsSortInput!]
      timezone: Timezone
      after: String
      before: String
      first: Int
      last: Int
    ): VisitConnection!
  }

  type Mutation {
    appDisconnect: AppDisconnectPayload!
  }

  type AppDisconnectPayload {
    app: Application
    userErrors: [MutationErrors!]!
  }

  type Application {
    id: EncodedId!
    name: String!
    author: String!
  }

  interface UserErrorsInterface {
    message: String!
    path: [String!]!
  }

  type MutationErrors implements UserErrorsInterface {
    message: String!
    path: [String!]!
  }

  # No accountOwner, currentUser or taxRates in the public API; industry is left out because the
  # values of its enum are not known (docs/sandbox.md).
  type Account {
    id: EncodedId!
    name: String!
    createdAt: ISO8601DateTime!
    dedicatedPhoneNumber: String
    earliestInvoiceIssuedDate: ISO8601DateTime
    features: [AccountFeature!]
    phone: String
    signupName: String
  }

  type AccountFeature {
    available: Boolean!
    discoverable: Boolean!
    enabled: Boolean!
    name: String!
  }

  interface UserInterface {
    id: EncodedId!
    name: Name!
    email: UserEmail!
    phone: UserPhone
    status: UserStatusEnum!
    isAccountAdmin: Boolean!
    isAccountOwner: Boolean!
    isCurrentUser: Boolean!
    timezone: Timezone
    lastLoginAt: ISO8601DateTime
  }

  type User implements UserInterface {
    id: EncodedId!
    name: Name!
    email: UserEmail!
    phone: UserPhone
    status: UserStatusEnum!
    isAccountAdmin: Boolean!
    isAccountOwner: Boolean!
    isCurrentUser: Boolean!
    timezone: Timezone
    lastLoginAt: ISO8601DateTime
  }

  type Name {
    first: String!
    full: String!
    last: String!
  }

  interface EmailInterface {
    raw: String!
    isValid: Boolean!
  }

  type UserEmail implements EmailInterface {
    raw: String!
    isValid: Boolean!
  }

  interface PhoneNumberInterface {
    areaCode: String
    countryCode: String
    friendly: String
    isValid: Boolean!
    raw: String!
  }

  type UserPhone implements PhoneNumberInterface {
    areaCode: String
    countryCode: String
    friendly: String
    isValid: Boolean!
    raw: String!
  }

  input UsersFilterAttributes {
    status: UsersStatusFilterEnum!
    permissions: UserPermissionFilterAttributes
    userIds: [EncodedId!]
  }

  input UsersSortInput {
    key: UsersSortKey!
    direction: SortDirectionEnum!
  }

  # ROLE ranks owner > admin > user
  enum UsersSortKey {
    NAME
    ROLE
    LAST_ACTIVE
    STATUS
  }

  enum UsersStatusFilterEnum {
    ACTIVATED
    DEACTIVATED
  }

  enum UserStatusEnum {
    ACTIVATED
    DEACTIVATED
    NOT_INVITED
    RESEND_INVITE
    SEND_INVITE
  }

  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
  }

  input Iso8601DateTimeRangeInput {
    before: ISO8601DateTime
    after: ISO8601DateTime
    eq: ISO8601DateTime
  }

  input FloatRangeInput {
    min: Float
    max: Float
    eq: Float
  }

  input IntRangeInput {
    min: Int
    max: Int
    eq: Int
  }

  enum SortDirectionEnum {
    ASCENDING
    DESCENDING
  }

  type TaxRate {
    id: EncodedId!
    name: String!
    label: String!
    tax: Float!
    default: Boolean!
    description: String
    components: [TaxRateBase!]
  }

  type TaxRateBase {
    default: Boolean!
    description: String
    id: EncodedId!
    label: String!
    name: String!
    qboTaxType: String
    tax: Float!
  }

  # Jobber's accounts may define custom fields; the sandbox's have none, so customFields is always
  # empty and the union is cut to one member (docs/sandbox.md).
  interface CustomFieldsInterface {
    customFields: [CustomFieldUnion!]!
  }

  union CustomFieldUnion = CustomFieldText

  type CustomFieldText {
    id: EncodedId
    label: String!
    valueText: String!
  }

  type ProductOrService implements CustomFieldsInterface {
    # EncodedId since 2022-09-15 (Int! in 2022-03-10)
    id: EncodedId!
    name: String!
    description: String
    category: ProductsAndServicesCategory!
    customFields: [CustomFieldUnion!]!
    defaultUnitCost: Float!
    internalUnitCost: Float
    markup: Float
    taxable: Boolean
    visible: Boolean
  }

  enum ProductsAndServicesCategory {
    PRODUCT
    SERVICE
  }

  # Package was removed on 2023-11-15
  enum WorkItemCategoryTypeEnum {
    Product
    Service
  }

  input ProductsFilterInput {
    category: [WorkItemCategoryTypeEnum!]
    sort: ProductsAndServicesSortInput
    ids: [EncodedId!]
  }

  input ProductsAndServicesSortInput {
    key: ProductsAndServicesSortKey!
    direction: SortDirectionEnum!
  }

  enum ProductsAndServicesSortKey {
    NAME
    DESCRIPTION
    MARKUP
    DEFAULT_UNIT_COST
    CATEGORY
  }
`;

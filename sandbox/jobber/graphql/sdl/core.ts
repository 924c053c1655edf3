/** Root types, the account and its users, shared inputs and enums, tax rates, products and services. */
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
      after: String
      before: String
      first: Int
      last: Int
    ): ClientConnection!
    expense(id: EncodedId!): Expense
    expenses(
      filter: ExpenseFilterAttributes
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
      after: String
      before: String
      first: Int
      last: Int
    ): PaymentRecordInterfaceConnection
    productOrService(id: EncodedId!): ProductOrService!
    productOrServices(after: String, before: String, first: Int, last: Int): ProductOrServiceConnection!
    products(after: String, before: String, first: Int, last: Int): ProductOrServiceConnection!
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
      # a list since 2024-11-12 (jobber-api.md §8); keys from Jobber's 2025-04-16 introspection
      sort: [RequestsSortInput!]
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

  type MutationErrors {
    message: String!
    path: [String!]!
  }

  type Account {
    id: EncodedId!
    name: String!
    createdAt: ISO8601DateTime!
    accountOwner: User!
    currentUser: User!
    taxRates: [TaxRate!]
  }

  type User {
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
    account: Account
  }

  type Name {
    first: String!
    full: String!
    last: String!
  }

  type UserEmail {
    raw: String!
    isValid: Boolean!
  }

  type UserPhone {
    areaCode: String
    countryCode: String
    friendly: String
    isValid: Boolean!
    raw: String!
  }

  input UsersFilterAttributes {
    status: UsersStatusFilterEnum!
    permissions: UserPermissionFilterAttributes
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

  type ProductOrService {
    # EncodedId since 2022-09-15 (Int! in 2022-03-10)
    id: EncodedId!
    name: String!
    description: String
    category: WorkItemCategoryTypeEnum!
    defaultUnitCost: Float!
    internalUnitCost: Float
    markup: Float
    taxable: Boolean
    visible: Boolean
  }

  enum WorkItemCategoryTypeEnum {
    Product
    Service
    Package
  }
`;

/** Clients, their properties and requests. */
export const CLIENTS_SDL = /* GraphQL */ `
  type Client implements CustomFieldsInterface {
    id: EncodedId!
    name: String!
    firstName: String!
    lastName: String!
    companyName: String
    isCompany: Boolean!
    isLead: Boolean!
    isArchived: Boolean!
    isArchivable: Boolean!
    title: String
    secondaryName: String
    balance: Float!
    billingAddress: ClientAddress
    emails: [Email!]!
    phones: [ClientPhoneNumber!]!
    defaultEmails: [String!]!
    tags(after: String, before: String, first: Int, last: Int): TagConnection!
    customFields: [CustomFieldUnion!]!
    createdAt: ISO8601DateTime!
    updatedAt: ISO8601DateTime!
    jobberWebUri: String!
    clientProperties(after: String, before: String, first: Int, last: Int): PropertyConnection!
    jobs(
      after: String
      before: String
      first: Int
      last: Int
      filter: JobFilterAttributes
      sort: [JobsSortInput!]
    ): JobConnection!
    quotes(after: String, before: String, first: Int, last: Int): QuoteConnection!
    invoices(after: String, before: String, first: Int, last: Int): InvoiceConnection!
    requests(after: String, before: String, first: Int, last: Int): RequestConnection!
  }

  type ClientAddress {
    city: String!
    country: String!
    latitude: String!
    longitude: String!
    postalCode: String!
    province: String!
    street: String!
    street1: String!
    street2: String!
  }

  type Email {
    address: String!
    client: Client!
    description: String!
    id: EncodedId!
    primary: Boolean!
  }

  type ClientPhoneNumber {
    client: Client!
    description: String!
    friendly: String!
    id: EncodedId!
    normalizedPhoneNumber: String
    number: String!
    primary: Boolean!
    smsAllowed: Boolean!
  }

  type Tag {
    id: EncodedId!
    label: String!
  }

  input ClientFilterAttributes {
    isCompany: Boolean
    isLead: Boolean
    isArchived: Boolean
    updatedAt: Iso8601DateTimeRangeInput
    createdAt: Iso8601DateTimeRangeInput
    tags: [String!]
  }

  enum ClientSearchField {
    NAMES
    EMAILS
    PRIMARY_EMAIL
    PHONES
    NOTES
    CUSTOM_FIELDS
    PROPERTIES
  }

  input ClientsSortInput {
    key: ClientsSortKey!
    direction: SortDirectionEnum!
  }

  enum ClientsSortKey {
    PRIMARY_NAME
    UPDATED_AT
    FIRST_NAME
    LAST_NAME
  }

  type Property implements CustomFieldsInterface {
    id: EncodedId!
    address: PropertyAddress!
    client: Client
    isBillingAddress: Boolean
    taxRate: TaxRate
    routingOrder: Int
    jobberWebUri: String!
    customFields: [CustomFieldUnion!]!
    jobs(after: String, before: String, first: Int, last: Int): JobConnection!
    quotes(after: String, before: String, first: Int, last: Int): QuoteConnection!
    requests(after: String, before: String, first: Int, last: Int): RequestConnection!
  }

  interface AddressInterface {
    street: String!
    street1: String
    street2: String
    city: String
    province: String
    postalCode: String
    country: String
    coordinates: GeoPoint
  }

  type PropertyAddress implements AddressInterface {
    id: EncodedId!
    street: String!
    street1: String
    street2: String
    city: String
    province: String
    postalCode: String
    country: String
    coordinates: GeoPoint
  }

  type GeoPoint {
    latitude: Float!
    latitudeString: String!
    longitude: Float!
    longitudeString: String!
    point: String!
  }

  input PropertiesFilterAttributes {
    clientId: EncodedId
  }

  type Request {
    id: EncodedId!
    title: String
    requestStatus: RequestStatusTypeEnum!
    source: String!
    companyName: String
    contactName: String
    email: String
    phone: String
    client: Client!
    property: Property
    referringClient: Client
    createdAt: ISO8601DateTime!
    updatedAt: ISO8601DateTime!
    jobberWebUri: String!
    jobs(after: String, before: String, first: Int, last: Int): JobConnection!
    quotes(after: String, before: String, first: Int, last: Int): QuoteConnection!
  }

  input RequestFilterAttributes {
    # EncodedId as on visits; the type is inferred (docs/sandbox.md)
    assignedTo: EncodedId
    clientId: EncodedId
    propertyId: EncodedId
    status: RequestStatusTypeEnum
    updatedAt: Iso8601DateTimeRangeInput
    createdAt: Iso8601DateTimeRangeInput
  }

  input RequestsSortInput {
    key: RequestsSortKey!
    direction: SortDirectionEnum!
  }

  enum RequestsSortKey {
    TITLE
    REQUESTED_AT
    STATUS
    STATUS_AND_REQUESTED_AT
    PRIMARY_NAME
    FIRST_NAME
    LAST_NAME
  }

  enum RequestStatusTypeEnum {
    new
    completed
    converted
    archived
    upcoming
    overdue
    unscheduled
    assessment_completed
    today
  }
`;

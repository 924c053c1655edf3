/** Visits: the scheduled work of jobs. */
export const VISITS_SDL = /* GraphQL */ `
  type Visit {
    id: EncodedId!
    title: String
    instructions: String
    visitStatus(timezone: Timezone): VisitStatusTypeEnum!
    startAt: ISO8601DateTime
    endAt: ISO8601DateTime
    completedAt: ISO8601DateTime
    createdAt: ISO8601DateTime!
    allDay: Boolean!
    amounts: VisitAmounts
    duration: Int
    isComplete: Boolean!
    isLastScheduledVisit: Boolean!
    client: Client!
    job: Job!
    property: Property!
    invoice: Invoice
    createdBy: User
    assignedUsers(after: String, before: String, first: Int, last: Int): UserConnection
    lineItems(after: String, before: String, first: Int, last: Int): JobLineItemConnection!
    timeSheetEntries(after: String, before: String, first: Int, last: Int): TimeSheetEntryConnection
  }

  type VisitAmounts {
    visitBasedBillingTotal: Float
  }

  input VisitFilterAttributes {
    status: VisitStatusTypeEnum
    createdAt: Iso8601DateTimeRangeInput
    startAt: Iso8601DateTimeRangeInput
    endAt: Iso8601DateTimeRangeInput
    completedAt: Iso8601DateTimeRangeInput
    invoiceStatus: VisitInvoiceStatus
    onlyRelevantToBillingPeriod: Boolean
    assignedTo: EncodedId
    productOrServiceId: EncodedId
    # newer than 2022-03-10 (jobber-api.md §7-§8)
    ids: [EncodedId!]
    isComplete: Boolean
  }

  input VisitsSortInput {
    key: VisitsSortableFields!
    direction: SortDirectionEnum!
  }

  enum VisitsSortableFields {
    CREATED_AT
    START_AT
    CLIENT_PRIMARY_NAME
    # newer than 2022-03-10 (jobber-api.md §7-§8)
    STATUS
  }

  enum VisitStatusTypeEnum {
    ACTIVE
    COMPLETED
    LATE
    TODAY
    UNSCHEDULED
    UPCOMING
  }

  enum VisitInvoiceStatus {
    INVOICED_ONLY
    UNINVOICED_ONLY
  }
`;

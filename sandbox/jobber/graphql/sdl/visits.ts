/** Visits: the scheduled work of jobs. */
export const VISITS_SDL = /* GraphQL */ `
  # Jobber's interface also has isDefaultTitle and overrideOrder, which the sandbox does not serve.
  interface ScheduledItemInterface {
    allDay: Boolean!
    assignedUsers(after: String, before: String, first: Int, last: Int): UserConnection
    createdBy: User
    duration: Int
    endAt: ISO8601DateTime
    id: EncodedId!
    startAt: ISO8601DateTime
    title: String
  }

  # No amounts (VisitAmounts) in the public API.
  type Visit implements ScheduledItemInterface {
    id: EncodedId!
    title: String
    instructions: String
    visitStatus(timezone: Timezone): VisitStatusTypeEnum!
    startAt: ISO8601DateTime
    endAt: ISO8601DateTime
    completedAt: ISO8601DateTime
    createdAt: ISO8601DateTime!
    allDay: Boolean!
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
  }

  # No UPDATED_AT: visits carry no change signal.
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

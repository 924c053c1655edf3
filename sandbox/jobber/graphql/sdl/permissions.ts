/** The permission filter of `users` (areas and levels as in Jobber's schema). */
export const PERMISSIONS_SDL = /* GraphQL */ `
  input UserPermissionFilterAttributes {
    area: PermissionAreaFilterEnum
    level: PermissionLevelFilterEnum
  }

  enum PermissionAreaFilterEnum {
    CHEMICAL_TREATMENTS
    CLIENTS
    BUNKER
    CLIENTS_INDEX
    EXPENSES
    FORMS_AND_CHECKLISTS
    INVOICES
    INVOICES_INDEX
    CLIENT_NOTES
    JOB_NOTES
    INVOICE_NOTES
    QUOTE_NOTES
    WORK_REQUEST_NOTES
    PRICING
    WORK_REQUESTS
    WORK_REQUESTS_INDEX
    QUOTES
    QUOTES_INDEX
    REPORTS
    TIME_SHEETS
    TO_DOS
    WORK_ORDERS
    WORK_ORDERS_INDEX
    TWO_WAY_SMS
    ACCOUNT
    BOOKKEEPING
    CLIENT_MEDIA
    JOB_COSTING
    MARKETING_SUITE
    SALES_PIPELINE
    WEBSITE
  }

  enum PermissionLevelFilterEnum {
    NONE
    READ
    CREATE
    WRITE
    MANAGE
    DELETE
    FULL
  }
`;

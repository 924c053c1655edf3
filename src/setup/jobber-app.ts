/**
 * What the owner registers in Jobber's Developer Center for this connector. One source for the
 * setup page and `npm run setup`'s summary.
 */

export interface JobberScope {
  /** The area as the Developer Center groups its scope checkboxes. */
  readonly area: string;
  /** The catalog objects (src/catalog) whose data needs this area's read scope. */
  readonly objects: readonly string[];
}

/** Read scopes only: the connector never writes to Jobber. */
export const JOBBER_READ_SCOPES: readonly JobberScope[] = [
  { area: 'Clients', objects: ['clients', 'properties'] },
  { area: 'Requests', objects: ['requests'] },
  { area: 'Quotes', objects: ['quotes', 'quoteLineItems'] },
  { area: 'Jobs', objects: ['jobs', 'jobLineItems'] },
  { area: 'Scheduled items', objects: ['visits'] },
  { area: 'Invoices', objects: ['invoices', 'invoiceLineItems'] },
  { area: 'Payments', objects: ['payments'] },
  { area: 'Expenses', objects: ['expenses'] },
  { area: 'Timesheets', objects: ['timesheets'] },
  { area: 'Products and services', objects: ['products'] },
  { area: 'Users', objects: ['users'] },
];

/** "Clients, Requests, …": the list a person reads. */
export function readScopeAreas(): string {
  return JOBBER_READ_SCOPES.map((scope) => scope.area).join(', ');
}

/** The Looker Studio link that adds a data source of a deployment (its id is the connector id). */
export function lookerStudioLink(deploymentId: string): string {
  return `https://lookerstudio.google.com/datasources/create?connectorId=${encodeURIComponent(deploymentId)}`;
}

/** The deployment id inside a web app URL `…/macros/s/<deploymentId>/exec`; null for any other URL. */
export function deploymentIdOf(webAppUrl: string): string | null {
  const match = /\/macros\/s\/([\w-]+)\/exec$/.exec(webAppUrl);
  return match?.[1] ?? null;
}

/*
 * The baseline of the benchmarks: the connector a competent developer writes first. It is one Apps
 * Script file of top-level functions (bench/connectors.ts drops the module marker tsc adds), which
 * the local runtime loads like dist/Code.js. Same OAuth setup and the same 25 plain invoice fields as ours, but:
 *   - every getData asks Jobber for every field it offers, whatever the chart needs;
 *   - pages have a fixed size (100, Jobber's maximum);
 *   - THROTTLED is handled by sleeping a fixed second and trying again;
 *   - nothing is cached.
 * It does pass the report's date range to Jobber (reading the whole account for every chart would
 * be a straw man) and formats values the way Looker Studio expects.
 */
/* eslint-disable @typescript-eslint/no-unused-vars -- Apps Script calls the entry points by name. */

const NAIVE_PAGE_SIZE = 100;
const NAIVE_THROTTLE_SLEEP_MS = 1000;
const NAIVE_MAX_TRIES_PER_PAGE = 60;

interface NaiveField {
  readonly id: string;
  readonly label: string;
  readonly type:
    | 'TEXT'
    | 'NUMBER'
    | 'URL'
    | 'CITY'
    | 'REGION'
    | 'COUNTRY'
    | 'CURRENCY_USD'
    | 'YEAR_MONTH_DAY'
    | 'YEAR_MONTH_DAY_SECOND';
  readonly metric?: boolean;
  /** Dot path into the GraphQL node. */
  readonly path: string;
}

const NAIVE_FIELDS: readonly NaiveField[] = [
  { id: 'invoiceId', label: 'Invoice ID', type: 'TEXT', path: 'id' },
  { id: 'invoiceNumber', label: 'Invoice number', type: 'TEXT', path: 'invoiceNumber' },
  { id: 'invoiceStatus', label: 'Invoice status', type: 'TEXT', path: 'invoiceStatus' },
  { id: 'issuedDate', label: 'Issued date', type: 'YEAR_MONTH_DAY', path: 'issuedDate' },
  { id: 'dueDate', label: 'Due date', type: 'YEAR_MONTH_DAY', path: 'dueDate' },
  { id: 'subject', label: 'Subject', type: 'TEXT', path: 'subject' },
  { id: 'paymentTermsDays', label: 'Payment terms (days)', type: 'NUMBER', path: 'invoiceNet' },
  { id: 'jobberWebUri', label: 'Link', type: 'URL', path: 'jobberWebUri' },
  { id: 'clientId', label: 'Client ID', type: 'TEXT', path: 'client.id' },
  { id: 'clientName', label: 'Client', type: 'TEXT', path: 'client.name' },
  { id: 'billingCity', label: 'Billing city', type: 'CITY', path: 'billingAddress.city' },
  { id: 'billingProvince', label: 'Billing province', type: 'REGION', path: 'billingAddress.province' },
  { id: 'billingCountry', label: 'Billing country', type: 'COUNTRY', path: 'billingAddress.country' },
  { id: 'receivedDate', label: 'Paid date', type: 'YEAR_MONTH_DAY', path: 'receivedDate' },
  { id: 'createdAt', label: 'Created', type: 'YEAR_MONTH_DAY_SECOND', path: 'createdAt' },
  { id: 'updatedAt', label: 'Last updated', type: 'YEAR_MONTH_DAY_SECOND', path: 'updatedAt' },
  {
    id: 'viewedInClientHubAt',
    label: 'Viewed',
    type: 'YEAR_MONTH_DAY_SECOND',
    path: 'dateViewedInClientHub',
  },
  { id: 'subtotal', label: 'Subtotal', type: 'CURRENCY_USD', metric: true, path: 'amounts.subtotal' },
  {
    id: 'discountAmount',
    label: 'Discount',
    type: 'CURRENCY_USD',
    metric: true,
    path: 'amounts.discountAmount',
  },
  { id: 'taxAmount', label: 'Tax', type: 'CURRENCY_USD', metric: true, path: 'amounts.taxAmount' },
  { id: 'tipsTotal', label: 'Tips', type: 'CURRENCY_USD', metric: true, path: 'amounts.tipsTotal' },
  { id: 'total', label: 'Total', type: 'CURRENCY_USD', metric: true, path: 'amounts.total' },
  {
    id: 'depositAmount',
    label: 'Deposits',
    type: 'CURRENCY_USD',
    metric: true,
    path: 'amounts.depositAmount',
  },
  {
    id: 'amountPaid',
    label: 'Amount paid',
    type: 'CURRENCY_USD',
    metric: true,
    path: 'amounts.paymentsTotal',
  },
  {
    id: 'balanceDue',
    label: 'Balance due',
    type: 'CURRENCY_USD',
    metric: true,
    path: 'amounts.invoiceBalance',
  },
];

const NAIVE_QUERY = `query NaiveInvoices($after: String, $filter: InvoiceFilterAttributes) {
  invoices(first: ${NAIVE_PAGE_SIZE}, after: $after, filter: $filter) {
    nodes {
      id invoiceNumber invoiceStatus issuedDate dueDate subject invoiceNet jobberWebUri
      client { id name }
      billingAddress { city province country }
      receivedDate createdAt updatedAt dateViewedInClientHub
      amounts { subtotal discountAmount taxAmount tipsTotal total depositAmount paymentsTotal invoiceBalance }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const naiveConnector = DataStudioApp.createCommunityConnector();

function naiveService(): GoogleAppsScriptOAuth2.OAuth2Service {
  const properties = PropertiesService.getScriptProperties();
  const base = properties.getProperty('JOBBER_BASE_URL') || 'https://api.getjobber.com';
  return OAuth2.createService('jobber')
    .setAuthorizationBaseUrl(`${base}/api/oauth/authorize`)
    .setTokenUrl(`${base}/api/oauth/token`)
    .setClientId(properties.getProperty('JOBBER_CLIENT_ID') || '')
    .setClientSecret(properties.getProperty('JOBBER_CLIENT_SECRET') || '')
    .setCallbackFunction('authCallback')
    .setPropertyStore(PropertiesService.getUserProperties());
}

function getAuthType(): unknown {
  return naiveConnector.newAuthTypeResponse().setAuthType(naiveConnector.AuthType.OAUTH2).build();
}

function isAuthValid(): boolean {
  return naiveService().hasAccess();
}

function resetAuth(): void {
  naiveService().reset();
}

function get3PAuthorizationUrls(): string {
  return naiveService().getAuthorizationUrl();
}

function authCallback(request: object): GoogleAppsScript.HTML.HtmlOutput {
  const granted = naiveService().handleCallback(request);
  return HtmlService.createHtmlOutput(granted ? 'Connected. You can close this tab.' : 'Access denied.');
}

function isAdminUser(): boolean {
  return false;
}

function getConfig(): unknown {
  const config = naiveConnector.getConfig();
  config.newInfo().setId('about').setText('Jobber invoices, filtered by issued date.');
  config.setDateRangeRequired(true);
  return config.build();
}

function getSchema(): unknown {
  return { schema: naiveSchema(NAIVE_FIELDS) };
}

function getData(request: GoogleAppsScript.Data_Studio.Request<unknown>): unknown {
  const wanted = request.fields.map((field) => {
    const found = NAIVE_FIELDS.filter((candidate) => candidate.id === field.name)[0];
    if (!found) naiveConnector.newUserError().setText(`Unknown field ${field.name}`).throwException();
    return found as NaiveField;
  });
  const nodes = naiveFetchInvoices(request.dateRange.startDate, request.dateRange.endDate);
  const rows = nodes.map((node) => ({ values: wanted.map((field) => naiveValue(field, node)) }));
  return { schema: naiveSchema(wanted), rows };
}

function naiveSchema(fields: readonly NaiveField[]): unknown[] {
  return fields.map((field) => {
    const builder = naiveConnector.getFields();
    const entry = field.metric ? builder.newMetric() : builder.newDimension();
    entry.setId(field.id).setName(field.label).setType(naiveConnector.FieldType[field.type]);
    return (builder.build() as unknown[])[0];
  });
}

type NaiveNode = Record<string, unknown>;

/** Every page of invoices issued in the date range (whole UTC days). */
function naiveFetchInvoices(startDate: string, endDate: string): NaiveNode[] {
  const filter = { issuedDate: { after: `${startDate}T00:00:00Z`, before: naiveNextDay(endDate) } };
  const nodes: NaiveNode[] = [];
  let after: string | null = null;
  for (;;) {
    const page = naiveQuery({ after, filter }).invoices as {
      nodes: NaiveNode[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

function naiveQuery(variables: Record<string, unknown>): Record<string, unknown> {
  const base =
    PropertiesService.getScriptProperties().getProperty('JOBBER_BASE_URL') || 'https://api.getjobber.com';
  for (let attempt = 1; ; attempt++) {
    const response = UrlFetchApp.fetch(`${base}/api/graphql`, {
      method: 'post',
      contentType: 'application/json',
      headers: {
        Authorization: `Bearer ${naiveService().getAccessToken()}`,
        'X-JOBBER-GRAPHQL-VERSION': '2025-04-16',
      },
      payload: JSON.stringify({ query: NAIVE_QUERY, variables }),
      muteHttpExceptions: true,
    });
    const body = JSON.parse(response.getContentText()) as {
      data?: Record<string, unknown>;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    const throttled = body.errors?.some((error) => error.extensions?.code === 'THROTTLED');
    if (throttled && attempt < NAIVE_MAX_TRIES_PER_PAGE) {
      Utilities.sleep(NAIVE_THROTTLE_SLEEP_MS);
      continue;
    }
    if (body.errors?.length || !body.data)
      naiveConnector
        .newUserError()
        .setText('Jobber returned an error.')
        .setDebugText(JSON.stringify(body.errors ?? response.getResponseCode()))
        .throwException();
    return body.data as Record<string, unknown>;
  }
}

function naiveValue(field: NaiveField, node: NaiveNode): string | number | null {
  let value: unknown = node;
  for (const key of field.path.split('.'))
    value = value && typeof value === 'object' ? (value as NaiveNode)[key] : null;
  if (value === null || value === undefined) return null;
  if (field.type === 'YEAR_MONTH_DAY') return String(value).slice(0, 10).replace(/-/g, '');
  if (field.type === 'YEAR_MONTH_DAY_SECOND') return String(value).slice(0, 19).replace(/[-T:]/g, '');
  return typeof value === 'number' ? value : String(value);
}

function naiveNextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 19) + 'Z';
}

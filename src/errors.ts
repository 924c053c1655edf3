/**
 * Every error the connector raises, in one place.
 *
 * - `JobberFailure`: what went wrong talking to Jobber, classified once (jobber/classify) so the
 *   retry table can decide by `kind`, never by message text.
 * - `ConnectorError`: what a Looker Studio user sees. `userText` says what to do next;
 *   `debugText` is shown to admins only. Neither ever contains a token, a secret or personal data.
 */

export type JobberFailureKind =
  | 'throttled' // THROTTLED inside an HTTP 200: the cost bucket is short
  | 'rate_limited' // HTTP 429: the request guard (2,500 requests / 5 min)
  | 'server' // HTTP 5xx
  | 'network' // no response at all
  | 'unauthorized' // HTTP 401: access token invalid or expired
  | 'disconnected' // the app was disconnected from the Jobber account
  | 'account_inactive' // the Jobber account is not active
  | 'permission_hidden' // a field was hidden due to the app's permissions (scopes)
  | 'malformed' // a body that is not the JSON Jobber documents
  | 'graphql' // any other GraphQL error
  | 'http'; // any other HTTP status

export interface ThrottleStatus {
  readonly maximumAvailable: number;
  readonly currentlyAvailable: number;
  readonly restoreRate: number;
}

export interface JobberFailureDetails {
  readonly status?: number;
  /** Seconds, from a Retry-After header. */
  readonly retryAfterSeconds?: number;
  readonly requestedQueryCost?: number;
  readonly throttleStatus?: ThrottleStatus;
}

export class JobberFailure extends Error {
  override readonly name = 'JobberFailure';
  constructor(
    readonly kind: JobberFailureKind,
    message: string,
    readonly details: JobberFailureDetails = {},
  ) {
    super(message);
  }
}

export type ConnectorErrorCode =
  | 'INVALID_REQUEST' // the report asked for something this connector cannot serve
  | 'SETUP_INCOMPLETE' // the connector's admin has not configured it
  | 'RECONNECT_REQUIRED' // the Jobber authorization is gone: reconnect
  | 'ACCOUNT_INACTIVE' // the Jobber account itself is not active
  | 'PERMISSION_MISSING' // the Jobber app lacks a scope for the requested data
  | 'TIME_BUDGET_EXCEEDED' // the request needs more time than one execution has
  | 'JOBBER_UNAVAILABLE' // Jobber kept failing after the retries the policy allows
  | 'JOBBER_REJECTED' // Jobber refused the query (a bug or an API change)
  | 'INTERNAL'; // anything unexpected

export class ConnectorError extends Error {
  override readonly name = 'ConnectorError';
  constructor(
    readonly code: ConnectorErrorCode,
    readonly userText: string,
    readonly debugText: string = '',
  ) {
    super(`${code}: ${userText}`);
  }
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}

export function isJobberFailure(error: unknown): error is JobberFailure {
  return error instanceof JobberFailure;
}

/** Text for logs and debug output: the message only, never a stack or an object dump. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

const SECRET_SHAPES: readonly RegExp[] = [
  /eyJ[\w-]*\.[\w-]*\.[\w-]*/g, // JWTs
  /\b[0-9a-f]{32,}\b/gi, // hex secrets and opaque tokens
  /((?:access|refresh)_token|client_secret|authorization|[?&]code)(["'\s:=]+)(?:Bearer\s+)?[^\s"'&,}]+/gi,
];

/** Removes anything shaped like a token or a secret. Applied to every text that leaves the connector. */
export function redact(text: string): string {
  return SECRET_SHAPES.reduce(
    (result, shape) =>
      result.replace(shape, (match: string, ...groups: unknown[]) => redactMatch(match, groups)),
    text,
  );
}

function redactMatch(match: string, groups: unknown[]): string {
  const [name, separator] = groups;
  if (typeof name === 'string' && typeof separator === 'string') return `${name}${separator}[redacted]`;
  return '[redacted]';
}

// ---------------------------------------------------------------------------------------------
// Jobber access errors: the one place their user texts live (docs/troubleshooting.md lists them).

const RECONNECT_STEP =
  'Reconnect: in Looker Studio, edit the data source, click "Reconnect" (or "Authorize") and sign in to Jobber again.';

export function reconnectRequired(debugText: string): ConnectorError {
  return new ConnectorError(
    'RECONNECT_REQUIRED',
    `Your Jobber connection has expired or was revoked. ${RECONNECT_STEP}`,
    debugText,
  );
}

export function appDisconnected(debugText: string): ConnectorError {
  return new ConnectorError(
    'RECONNECT_REQUIRED',
    `The connector was disconnected from your Jobber account. ${RECONNECT_STEP}`,
    debugText,
  );
}

export function accountInactive(debugText: string): ConnectorError {
  return new ConnectorError(
    'ACCOUNT_INACTIVE',
    'Jobber says your Jobber account is not active, so it refuses to share its data. Reactivate the ' +
      'account in Jobber (or ask its owner), then reconnect the data source.',
    debugText,
  );
}

/**
 * The next step for a missing or rejected Jobber app: the connector's setup page when a web app is
 * deployed (its URL), else the editor's Script Properties.
 */
export function setupIncomplete(missing: readonly string[], setupPageUrl?: string | null): ConnectorError {
  return new ConnectorError(
    'SETUP_INCOMPLETE',
    setupPageUrl
      ? "This Jobber connector is not set up yet. Its administrator must open the connector's setup " +
          `page (${setupPageUrl}) and enter the Jobber app's Client ID and Client Secret.`
      : 'This Jobber connector is not set up yet. Its administrator must add the Jobber app credentials ' +
          `(script properties ${missing.join(', ')}) to the Apps Script project.`,
    `missing script properties: ${missing.join(', ')}`,
  );
}

export function clientRejected(debugText: string, setupPageUrl?: string | null): ConnectorError {
  return new ConnectorError(
    'SETUP_INCOMPLETE',
    setupPageUrl
      ? "Jobber rejected this connector's app credentials. Its administrator must open the connector's " +
          `setup page (${setupPageUrl}) and enter the Jobber app's current Client ID and Client Secret ` +
          '(the secret may have been rolled in Jobber).'
      : "Jobber rejected this connector's app credentials. Its administrator must check the script " +
          'properties JOBBER_CLIENT_ID and JOBBER_CLIENT_SECRET (the secret may have been rolled in Jobber).',
    debugText,
  );
}

export function timeBudgetExceeded(limitMs: number, debugText: string): ConnectorError {
  return new ConnectorError(
    'TIME_BUDGET_EXCEEDED',
    `This chart needs more data from Jobber than can be fetched in one go (limit ${Math.round(limitMs / 1000)} s). ` +
      'Nothing partial was shown. Choose a shorter date range or fewer fields, then refresh the report.',
    debugText,
  );
}

/**
 * The same budget error, raised before reading: Jobber's totalCount shows the date range holds more
 * records than the bucket can pay for within the budget.
 */
export function rangeTooLarge(
  limitMs: number,
  records: number,
  fitting: number,
  debugText: string,
): ConnectorError {
  return new ConnectorError(
    'TIME_BUDGET_EXCEEDED',
    `This chart needs more data from Jobber than can be fetched in one go (limit ${Math.round(limitMs / 1000)} s): ` +
      `its date range holds ${formatCount(records)} records, and at most about ${formatCount(fitting)} can be read. ` +
      'Nothing partial was shown. Choose a shorter date range or fewer fields, then refresh the report.',
    debugText,
  );
}

/** 50162 → "50,162" without relying on the platform's locale. */
function formatCount(value: number): string {
  return String(Math.max(0, Math.floor(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function queryTooWide(costPerNode: number, limit: number): ConnectorError {
  return new ConnectorError(
    'INVALID_REQUEST',
    'This chart asks Jobber for too many fields at once. Remove some fields from the chart and try again.',
    `one node costs ${costPerNode}, above Jobber's limit of ${limit} points per query`,
  );
}

export function lockUnavailable(debugText: string): ConnectorError {
  return new ConnectorError(
    'JOBBER_UNAVAILABLE',
    'Another chart is renewing your Jobber authorization right now. Refresh the report in a moment.',
    debugText,
  );
}

/** The user error for a Jobber failure the retry policy gave up on. */
export function failureToConnectorError(failure: JobberFailure): ConnectorError {
  const debugText = `${failure.kind}: ${failure.message}`;
  switch (failure.kind) {
    case 'unauthorized':
      return reconnectRequired(debugText);
    case 'disconnected':
      return appDisconnected(debugText);
    case 'account_inactive':
      return accountInactive(debugText);
    case 'permission_hidden':
      return new ConnectorError(
        'PERMISSION_MISSING',
        "The connector's Jobber app is not allowed to read some of the fields in this chart. Remove " +
          'those fields, or ask the connector administrator to add the permission to the Jobber app; ' +
          'then reconnect the data source.',
        debugText,
      );
    case 'throttled':
    case 'rate_limited':
      return new ConnectorError(
        'JOBBER_UNAVAILABLE',
        "Jobber's usage limit for your account is reached (other reports or apps may be using it). " +
          'Wait a minute, then refresh the report.',
        debugText,
      );
    case 'server':
    case 'network':
    case 'malformed':
      return new ConnectorError(
        'JOBBER_UNAVAILABLE',
        'Jobber is not answering properly right now. Wait a minute, then refresh the report.',
        debugText,
      );
    case 'graphql':
    case 'http':
      return new ConnectorError(
        'JOBBER_REJECTED',
        'Jobber rejected the query for this chart. This is a connector problem or a change in ' +
          "Jobber's API: please report it on the connector's support page.",
        debugText,
      );
  }
}

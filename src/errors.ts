/**
 * Every error the connector raises, and every text a Looker Studio user can read, in one place
 * (nothing else in src/ builds a ConnectorError; test/errors.test.ts checks it).
 *
 * - `JobberFailure`: what went wrong talking to Jobber, classified once (jobber/classify) so the
 *   retry table can decide by `kind`, never by message text.
 * - `ConnectorError`: what a Looker Studio user sees. `userText` says what to do next;
 *   `debugText` is shown to admins only. Neither ever contains a token, a secret or personal data.
 *   A user error that wraps a failure keeps it as its `cause`.
 */

export type JobberFailureKind =
  | 'throttled' // THROTTLED inside an HTTP 200: the cost bucket is short
  | 'rate_limited' // HTTP 429: the request guard (2,500 requests / 5 min)
  | 'server' // HTTP 5xx
  | 'network' // no response at all
  | 'daily_quota' // Google's daily UrlFetch quota for the Google account is used up (not Jobber)
  | 'unauthorized' // HTTP 401: access token invalid or expired
  | 'disconnected' // the app was disconnected from the Jobber account
  | 'account_inactive' // the Jobber account is not active
  | 'permission_hidden' // a field was hidden due to the app's permissions (scopes)
  | 'malformed' // a body that is not the JSON Jobber documents
  | 'schema_mismatch' // Jobber's schema lacks a field, argument or value the query uses
  | 'graphql' // any other GraphQL error
  | 'http'; // any other HTTP status

export interface ThrottleStatus {
  readonly maximumAvailable: number;
  readonly currentlyAvailable: number;
  readonly restoreRate: number;
}

/**
 * One thing Jobber's schema refused (docs/jobber-api.md §4.1): a field it does not have
 * (undefinedField), an argument or input field it does not accept (argumentNotAccepted), or a
 * variable value that does not fit the variable's type (invalidVariable: an unknown filter field or
 * enum value). `documentPath` is graphql-ruby's path: the operation, then field names.
 */
export interface SchemaMismatch {
  readonly code: 'undefinedField' | 'argumentNotAccepted' | 'invalidVariable';
  /** undefinedField: the type lacking the field; argumentNotAccepted: Field, InputObject or Directive. */
  readonly typeName?: string;
  /** undefinedField: the missing field; argumentNotAccepted: the field (or input type) refusing it. */
  readonly fieldName?: string;
  readonly argumentName?: string;
  /** invalidVariable: the variable ($filter → 'filter') and the path of each problem inside its value. */
  readonly variable?: string;
  readonly valuePaths?: ReadonlyArray<readonly string[]>;
  readonly documentPath?: readonly string[];
  /** Jobber's message, for admins. */
  readonly message: string;
}

export interface JobberFailureDetails {
  readonly status?: number;
  /** Seconds, from a Retry-After header. */
  readonly retryAfterSeconds?: number;
  readonly requestedQueryCost?: number;
  readonly throttleStatus?: ThrottleStatus;
  readonly schemaMismatches?: readonly SchemaMismatch[];
}

/**
 * Jobber's texts for situations it documents only by message (jobber-api.md §4), in GraphQL answers
 * (jobber/classify.ts) and in failed token refreshes (auth/token-keeper.ts): matched in one place each.
 */
export const JOBBER_DISCONNECTED_TEXT = /disconnected this app/i;
export const JOBBER_INACTIVE_TEXT = /account is not active/i;

/**
 * Apps Script's exception when the Google account's daily UrlFetch quota is used up: "Service
 * invoked too many times for one day: urlfetch." (the quotas page spells it without "for one day").
 * Not the per-minute rate limit ("… in a short time"), which passes and is retried as a network failure.
 */
export const URLFETCH_DAILY_QUOTA_TEXT = /Service invoked too many times(?: for one day)?: urlfetch/i;

export class JobberFailure extends Error {
  override readonly name = 'JobberFailure';
  constructor(
    readonly kind: JobberFailureKind,
    message: string,
    readonly details: JobberFailureDetails = {},
    cause?: unknown,
  ) {
    super(message);
    keepCause(this, cause);
  }
}

export type ConnectorErrorCode =
  | 'INVALID_REQUEST' // the report asked for something this connector cannot serve
  | 'SETUP_INCOMPLETE' // the connector's admin has not configured it
  | 'RECONNECT_REQUIRED' // the Jobber authorization is gone: reconnect
  | 'ACCOUNT_INACTIVE' // the Jobber account itself is not active
  | 'PERMISSION_MISSING' // the Jobber app lacks a scope for the requested data
  | 'TIME_BUDGET_EXCEEDED' // the request needs more time than one execution has
  | 'COPY_IN_PROGRESS' // the private copy is still reading history: refresh to continue
  | 'JOBBER_UNAVAILABLE' // Jobber kept failing after the retries the policy allows
  | 'GOOGLE_QUOTA_EXCEEDED' // Google's daily UrlFetch quota of the user's Google account is used up
  | 'JOBBER_REJECTED' // Jobber refused the query (a bug or an API change)
  | 'JOBBER_SCHEMA_CHANGED' // Jobber's schema lacks a field, filter or value the report uses
  | 'INTERNAL'; // anything unexpected

export class ConnectorError extends Error {
  override readonly name = 'ConnectorError';
  readonly schemaMismatches: readonly SchemaMismatch[];
  constructor(
    readonly code: ConnectorErrorCode,
    readonly userText: string,
    readonly debugText: string = '',
    details: ConnectorErrorDetails = {},
  ) {
    super(`${code}: ${userText}`);
    this.schemaMismatches = details.schemaMismatches ?? [];
    keepCause(this, details.cause);
  }
}

export interface ConnectorErrorDetails {
  /** The failure this error reports, kept as its `cause`. */
  readonly cause?: unknown;
  /** What Jobber's schema refused, so the report code can name the fields that use it. */
  readonly schemaMismatches?: readonly SchemaMismatch[];
}

/** Keeps the error a failure wraps as its `cause` (ES2022's, set by hand: the bundle targets ES2019). */
function keepCause(error: Error, cause: unknown): void {
  if (cause !== undefined)
    Object.defineProperty(error, 'cause', { value: cause, configurable: true, writable: true });
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

/**
 * Values that look like a token, a secret, a code or an e-mail address, in text that came from
 * outside (Jobber's bodies, exception messages). Only values are replaced, never the words around
 * them: a name such as "authorization" or "client_secret" is kept unless a value follows it after
 * `:` or `=`. The connector's own user texts are never passed through here.
 */
const SECRET_SHAPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '[redacted]'], // JWTs
  [
    /\b((?:access|refresh|id)_token|client_secret|password|secret|api_?key|authorization)(\s*["']?\s*[:=]\s*["']?\s*)(?:Bearer\s+)?[^\s"'&,;}]+/gi,
    '$1$2[redacted]',
  ],
  [/\b(Bearer\s+)[\w.~+/=-]{8,}/g, '$1[redacted]'],
  [/([?&]code=)[^\s&#"']+/g, '$1[redacted]'],
  [/[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, '[redacted]'], // e-mail addresses
  [/[\w-]{32,}/g, '[redacted]'], // opaque tokens and hex secrets: 32+ characters without a break
  [/(?=[\w+/-]*\d)[\w+/-]{32,}={0,2}/g, '[redacted]'], // base64 secrets (with a digit, so not a path)
];

/**
 * Removes the values shaped like a token, a secret or an e-mail address from text that came from
 * outside (Jobber's answers, exception messages) before it reaches a log line or a debug text.
 */
export function redact(text: string): string {
  return SECRET_SHAPES.reduce((result, [shape, replacement]) => result.replace(shape, replacement), text);
}

// ---------------------------------------------------------------------------------------------
// What Looker Studio users read: every user text lives below (docs/troubleshooting.md lists them).

/** For anything that is not a ConnectorError: the error boundary's text. */
export const UNEXPECTED_PROBLEM_TEXT =
  'The Jobber connector hit an unexpected problem. Refresh the report; if it happens again, ' +
  'report it on the connector support page with the time it happened.';

// A report's configuration or request the connector cannot serve.

function invalidRequest(userText: string, debugText: string): ConnectorError {
  return new ConnectorError('INVALID_REQUEST', userText, debugText);
}

/** A short, printable rendering of a value a request carried. */
function printable(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const EDIT_SOURCE = 'Edit the data source and';

export const noObjectChosen = (): ConnectorError =>
  invalidRequest(
    `This data source has no Jobber object chosen. ${EDIT_SOURCE} choose what to report on (for example Invoices).`,
    'configParams.object is missing',
  );

export const unknownObject = (value: unknown): ConnectorError =>
  invalidRequest(
    `This data source asks for a Jobber object the connector does not know ("${printable(value)}"). ` +
      `${EDIT_SOURCE} choose one of the listed objects.`,
    `unknown object ${printable(value)}`,
  );

export const unknownDateField = (value: unknown, object: { label: string; id: string }): ConnectorError =>
  invalidRequest(
    `"${printable(value)}" is not one of the dates this data source can filter by (${object.label}). ` +
      `${EDIT_SOURCE} choose one of the listed dates.`,
    `unknown dateField ${printable(value)} for ${object.id}`,
  );

export const unknownCurrency = (value: unknown): ConnectorError =>
  invalidRequest(
    `"${printable(value)}" is not a currency Looker Studio supports. ${EDIT_SOURCE} choose a currency from the list.`,
    `unknown currency ${printable(value)}`,
  );

export const badCacheMinutes = (value: unknown, maxMinutes: number): ConnectorError =>
  invalidRequest(
    `"Keep data for" must be a whole number of minutes from 0 to ${maxMinutes}; it is "${printable(value)}". ` +
      `${EDIT_SOURCE} correct it.`,
    `bad cacheMinutes ${printable(value)}`,
  );

export const badPrivateCopy = (value: unknown): ConnectorError =>
  invalidRequest(
    `"Keep a private copy" must be on or off; it is "${printable(value)}". ${EDIT_SOURCE} tick or untick it.`,
    `bad privateCopy ${printable(value)}`,
  );

export const badReconcileMinutes = (value: unknown, min: number, max: number): ConnectorError =>
  invalidRequest(
    `"Look for deleted records every" must be a whole number of minutes from ${min} to ${max}; it is ` +
      `"${printable(value)}". ${EDIT_SOURCE} correct it.`,
    `bad reconcileMinutes ${printable(value)}`,
  );

export const noFields = (): ConnectorError =>
  invalidRequest(
    'The chart asked for no fields. Add a dimension or a metric to it.',
    'request.fields is empty',
  );

export const unknownField = (name: unknown, object: { label: string; id: string }): ConnectorError =>
  invalidRequest(
    `The field "${printable(name)}" does not exist in this data source (${object.label}). ` +
      'Open the data source, click Refresh fields, then remove or replace the field in the chart.',
    `unknown field ${printable(name)} for ${object.id}`,
  );

export const missingDateRange = (): ConnectorError =>
  invalidRequest(
    'This report needs a date range. Add a date range control to the page or set a default date range on the chart.',
    'request.dateRange is missing',
  );

export const invertedDateRange = (start: unknown, end: unknown): ConnectorError =>
  invalidRequest(
    `The date range starts after it ends (${printable(start)} to ${printable(end)}). ` +
      'Pick a start date on or before the end date.',
    'dateRange is inverted',
  );

export const notADate = (value: unknown): ConnectorError =>
  invalidRequest(
    `"${printable(value)}" is not a date (YYYY-MM-DD). Pick the date range again.`,
    `bad date ${printable(value)}`,
  );

/**
 * The private copy (src/replica) still lacks part of what the chart shows; nothing partial is shown
 * and the next request of any chart continues from where this one stopped.
 */
export const copyInProgress = (
  what: { readonly records: string; readonly firstTime: boolean },
  done: number,
  total: number | null,
): ConnectorError =>
  new ConnectorError(
    'COPY_IN_PROGRESS',
    `${what.firstTime ? 'Reading your Jobber history for the first time' : 'Reading more of your Jobber history'}: ` +
      `${total === null ? formatCount(done) : `${formatCount(done)} of ${formatCount(total)}`} ${what.records} so far. ` +
      'Refresh in a minute to continue.',
    `replica backfill: ${done} of ${total ?? '?'} ${what.records}`,
  );

/** A chart waited for another chart's fetch of the same data until its own budget ran out. */
export const waitedForSharedFetch = (object: string): ConnectorError =>
  new ConnectorError(
    'TIME_BUDGET_EXCEEDED',
    'Another chart of this report is still loading the same Jobber data. Refresh the report in a ' +
      'minute or two: the charts will then load from the cache.',
    `Waited for a concurrent fetch of ${object} until the execution's time budget ran out.`,
  );

// Jobber access errors.

const RECONNECT_STEP =
  'Reconnect: in Looker Studio, edit the data source, click "Reconnect" (or "Authorize") and sign in to Jobber again.';

export function reconnectRequired(debugText: string, cause?: unknown): ConnectorError {
  return new ConnectorError(
    'RECONNECT_REQUIRED',
    `Your Jobber connection has expired or was revoked. ${RECONNECT_STEP}`,
    debugText,
    { cause },
  );
}

export function appDisconnected(debugText: string, cause?: unknown): ConnectorError {
  return new ConnectorError(
    'RECONNECT_REQUIRED',
    `The connector was disconnected from your Jobber account. ${RECONNECT_STEP}`,
    debugText,
    { cause },
  );
}

export function accountInactive(debugText: string, cause?: unknown): ConnectorError {
  return new ConnectorError(
    'ACCOUNT_INACTIVE',
    'Jobber says your Jobber account is not active, so it refuses to share its data. Reactivate the ' +
      'account in Jobber (or ask its owner), then reconnect the data source.',
    debugText,
    { cause },
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

export function clientRejected(
  debugText: string,
  setupPageUrl?: string | null,
  cause?: unknown,
): ConnectorError {
  return new ConnectorError(
    'SETUP_INCOMPLETE',
    setupPageUrl
      ? "Jobber rejected this connector's app credentials. Its administrator must open the connector's " +
          `setup page (${setupPageUrl}) and enter the Jobber app's current Client ID and Client Secret ` +
          '(the secret may have been rolled in Jobber).'
      : "Jobber rejected this connector's app credentials. Its administrator must check the script " +
          'properties JOBBER_CLIENT_ID and JOBBER_CLIENT_SECRET (the secret may have been rolled in Jobber).',
    debugText,
    { cause },
  );
}

export function timeBudgetExceeded(limitMs: number, debugText: string, cause?: unknown): ConnectorError {
  return new ConnectorError(
    'TIME_BUDGET_EXCEEDED',
    `This chart needs more data from Jobber than can be fetched in one go (limit ${Math.round(limitMs / 1000)} s). ` +
      'Nothing partial was shown. Choose a shorter date range or fewer fields, then refresh the report.',
    debugText,
    { cause },
  );
}

/**
 * A token renewal was due in the last 30 s of the execution's budget, where it is not started (an
 * answer lost when Apps Script stops the execution would end the authorization). The token is
 * kept: the next execution renews it first.
 */
export function refreshTooLate(debugText: string): ConnectorError {
  return new ConnectorError(
    'TIME_BUDGET_EXCEEDED',
    'This chart came too close to its time limit to renew your Jobber authorization safely, so it ' +
      'stopped. Nothing partial was shown, and your Jobber connection is kept. Refresh the report: ' +
      'it renews the authorization first.',
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

export function lockUnavailable(debugText: string, cause?: unknown): ConnectorError {
  return new ConnectorError(
    'JOBBER_UNAVAILABLE',
    'Another chart is renewing your Jobber authorization right now. Refresh the report in a moment.',
    debugText,
    { cause },
  );
}

/** The user error for a Jobber failure the retry policy gave up on; the failure is its `cause`. */
export function failureToConnectorError(failure: JobberFailure): ConnectorError {
  const error = userErrorFor(failure);
  keepCause(error, failure);
  return error;
}

function userErrorFor(failure: JobberFailure): ConnectorError {
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
    case 'daily_quota':
      return new ConnectorError(
        'GOOGLE_QUOTA_EXCEEDED',
        "Google's daily quota of URL fetches for your Google account is used up (20,000 a day, " +
          '100,000 with Google Workspace; every Apps Script project of the account counts), so the ' +
          'connector cannot ask Jobber for data. Google resets the quota 24 hours after the first ' +
          'fetch of the day: refresh the report then. Nothing partial was shown.',
        debugText,
      );
    case 'schema_mismatch':
      return schemaChanged([], failure.details.schemaMismatches ?? [], debugText);
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

// ---------------------------------------------------------------------------------------------
// Jobber's schema differs from the one the connector was built for (docs/troubleshooting.md).

export const TROUBLESHOOTING_URL =
  'https://github.com/jobber-looker-studio/connector/blob/main/docs/troubleshooting.md';

/**
 * Jobber refused part of the query because its API no longer has (or does not yet have) something
 * the report uses. `uses` names what in the report needs it: field labels, or its date range or a
 * filter. Never a generic "connector problem": the user can remove that part, or update.
 */
export function schemaChanged(
  uses: readonly string[],
  mismatches: readonly SchemaMismatch[],
  debugText: string,
): ConnectorError {
  const jobber = mismatches.map((mismatch) => mismatch.message).join('; ');
  return new ConnectorError(
    'JOBBER_SCHEMA_CHANGED',
    schemaChangedText(uses),
    jobber === '' ? debugText : `${debugText} | Jobber: ${jobber}`,
    { schemaMismatches: mismatches },
  );
}

/** The same error, naming what of the report uses the refused part (connector/schema-mismatch.ts). */
export function renameSchemaChanged(error: ConnectorError, uses: readonly string[]): ConnectorError {
  return new ConnectorError(error.code, schemaChangedText(uses), error.debugText, {
    schemaMismatches: error.schemaMismatches,
    cause: error,
  });
}

function schemaChangedText(uses: readonly string[]): string {
  const what =
    uses.length > 0
      ? `Jobber's API no longer accepts what this chart needs for ${uses.join(', ')}.`
      : "Jobber's API no longer accepts part of what this chart asks for.";
  const next =
    uses.length > 0
      ? ` Remove ${uses.length > 1 ? 'them' : 'it'} from the chart to see the rest`
      : ' Remove the fields, filters or date range added last';
  return `${what}${next}, or update the connector to a version made for Jobber's current API: see ${TROUBLESHOOTING_URL}#jobbers-api-changed`;
}

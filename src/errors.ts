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

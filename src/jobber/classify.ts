import {
  JOBBER_DISCONNECTED_TEXT as DISCONNECTED,
  JOBBER_INACTIVE_TEXT as INACTIVE,
  JobberFailure,
  redact,
  type JobberFailureDetails,
  type JobberFailureKind,
  type ThrottleStatus,
} from '../errors';
import type { HttpResponse } from '../platform';
import { isJsonObject, parseJsonObject, type JsonObject } from '../json';
import { schemaMismatchesOf } from './schema-mismatch';

/** What Jobber reports about a query's cost (jobber-api.md §5.2). */
export interface CostReport {
  readonly requestedQueryCost: number;
  readonly actualQueryCost: number;
  readonly throttleStatus?: ThrottleStatus;
}

export type Classified =
  | { readonly ok: true; readonly data: JsonObject; readonly cost?: CostReport }
  | { readonly ok: false; readonly failure: JobberFailure; readonly cost?: CostReport };

// Jobber documents these situations only by their message text (jobber-api.md §4), so this is
// the one place where text decides a kind; everything downstream uses the kind.
const PERMISSION_HIDDEN = /hidden due to permissions/i;
const TEMPORARILY_UNAVAILABLE = /temporarily unavailable/i;

/** Sorts one HTTP response from the GraphQL endpoint into data or a typed failure. */
export function classifyResponse(response: HttpResponse, nowMs: number): Classified {
  const body = parseJsonObject(response.body);
  const messages = body ? messagesOf(body) : [];
  const cost = body ? costOf(body) : undefined;
  const failed = (kind: JobberFailureKind, extra: JobberFailureDetails = {}): Classified => ({
    ok: false,
    cost,
    failure: new JobberFailure(kind, describe(response.status, messages), {
      status: response.status,
      ...costDetails(cost),
      ...extra,
    }),
  });

  if (messages.some((m) => DISCONNECTED.test(m))) return failed('disconnected');
  if (messages.some((m) => INACTIVE.test(m))) return failed('account_inactive');
  // THROTTLED is documented inside an HTTP 200, but its status is unconfirmed: the code decides.
  if (body && hasThrottledError(body)) return failed('throttled');
  if (response.status === 401) return failed('unauthorized');
  if (response.status === 429) return failed('rate_limited', retryAfter(response, nowMs));
  if (response.status >= 500) return failed('server');
  // A schema refusal is documented in an HTTP 200 (graphql-ruby); a 4xx carrying one means the same.
  const mismatches = body && !messages.some((m) => PERMISSION_HIDDEN.test(m)) ? schemaMismatchesOf(body) : [];
  if (mismatches.length > 0) return failed('schema_mismatch', { schemaMismatches: mismatches });
  if (response.status < 200 || response.status >= 300)
    return failed(messages.some((m) => PERMISSION_HIDDEN.test(m)) ? 'permission_hidden' : 'http');
  if (!body) return failed('malformed');
  const errorKind = graphqlErrorKind(body, messages);
  if (errorKind) return failed(errorKind);
  if (!isJsonObject(body.data)) return failed('malformed');
  return { ok: true, data: body.data, cost };
}

function graphqlErrorKind(body: JsonObject, messages: readonly string[]): JobberFailureKind | undefined {
  const errors = Array.isArray(body.errors) ? body.errors : [];
  if (messages.some((m) => PERMISSION_HIDDEN.test(m))) return 'permission_hidden';
  if (errors.length > 0) return 'graphql';
  if (body.data === undefined && messages.some((m) => TEMPORARILY_UNAVAILABLE.test(m))) return 'server';
  return undefined;
}

function hasThrottledError(body: JsonObject): boolean {
  if (!Array.isArray(body.errors)) return false;
  return body.errors.some(
    (error) => isJsonObject(error) && isJsonObject(error.extensions) && error.extensions.code === 'THROTTLED',
  );
}

/** Every message Jobber may put in a body: `errors[].message`, `message`, `error`, `error.message`. */
function messagesOf(body: JsonObject): string[] {
  const found: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value === 'string') found.push(value);
    else if (isJsonObject(value) && typeof value.message === 'string') found.push(value.message);
  };
  if (Array.isArray(body.errors)) body.errors.forEach(add);
  add(body.message);
  add(body.error);
  return found;
}

/** Malformed cost extensions are ignored: pacing then falls back to THROTTLED answers. */
function costOf(body: JsonObject): CostReport | undefined {
  const extensions = isJsonObject(body.extensions) ? body.extensions : undefined;
  const cost = extensions && isJsonObject(extensions.cost) ? extensions.cost : undefined;
  if (!cost) return undefined;
  const { requestedQueryCost, actualQueryCost } = cost;
  if (!isCount(requestedQueryCost)) return undefined;
  return {
    requestedQueryCost,
    actualQueryCost: isCount(actualQueryCost) ? actualQueryCost : 0,
    throttleStatus: throttleStatusOf(cost.throttleStatus),
  };
}

function throttleStatusOf(value: unknown): ThrottleStatus | undefined {
  if (!isJsonObject(value)) return undefined;
  const { maximumAvailable, currentlyAvailable, restoreRate } = value;
  if (!isCount(maximumAvailable) || !isCount(currentlyAvailable) || !isCount(restoreRate)) return undefined;
  if (maximumAvailable <= 0 || restoreRate <= 0) return undefined;
  return { maximumAvailable, currentlyAvailable, restoreRate };
}

function costDetails(cost: CostReport | undefined): JobberFailureDetails {
  if (!cost) return {};
  return { requestedQueryCost: cost.requestedQueryCost, throttleStatus: cost.throttleStatus };
}

/** Retry-After in seconds: a number of seconds or an HTTP date. */
function retryAfter(response: HttpResponse, nowMs: number): JobberFailureDetails {
  const header = (response.headers['retry-after'] ?? '').trim();
  if (!header) return {};
  const seconds = /^\d+(\.\d+)?$/.test(header) ? Number(header) : (Date.parse(header) - nowMs) / 1000;
  return Number.isFinite(seconds) ? { retryAfterSeconds: Math.max(0, seconds) } : {};
}

function describe(status: number, messages: readonly string[]): string {
  const first = messages[0];
  const text = first === undefined ? '' : `: ${redact(first).slice(0, 200)}`;
  return `HTTP ${status}${text}`;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

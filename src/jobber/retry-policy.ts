import type { JobberFailure, JobberFailureKind } from '../errors';

/**
 * The retry policy: one table (data) and one decision function. Every request to Jobber goes
 * through `decide` after a failure; nothing else in the connector decides to retry.
 */

export type RetryAction = 'retry' | 'refresh_then_retry' | 'shrink_then_retry' | 'fail';

export type DecisionReason =
  | 'retryable' // wait, then send the same request again
  | 'refresh' // 401: renew the access token once, then send again
  | 'too_costly' // THROTTLED although the page costs more than the whole bucket: ask for fewer nodes
  | 'not_retryable' // the table says no retry for this kind
  | 'attempts_exhausted' // retried as often as the table allows
  | 'never_resolves' // THROTTLED although the query costs more than the whole bucket, and cannot shrink
  | 'time_budget'; // the wait would not fit in what is left of the execution's budget

export interface RetryDecision {
  readonly action: RetryAction;
  readonly waitMs: number;
  readonly reason: DecisionReason;
}

export interface RetryContext {
  /** Whether this request already had its one token refresh after a 401. */
  readonly refreshedAfterUnauthorized: boolean;
  readonly remainingBudgetMs: number;
  /** Whether the request can be made cheaper (a page that can hold fewer nodes). */
  readonly canShrink?: boolean;
  /**
   * How contended Jobber's bucket looks from this execution: THROTTLED answers so far, less one per
   * request that went through (never below the failures of this request). Default: `attempt`.
   */
  readonly contention?: number;
  /** A number in [0, 1) from the execution's seeded sequence, spreading the retries of concurrent charts. */
  readonly jitter?: number;
}

type WaitRule = 'refill' | 'retry_after' | 'backoff' | 'none';

interface RetryRule {
  /** Retries allowed for this kind of failure, per request; Infinity: as long as the budget allows. */
  readonly retries: number;
  readonly wait: WaitRule;
}

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 16_000;
export const RETRY_AFTER_MIN_MS = 1_000;
export const RETRY_AFTER_MAX_MS = 60_000;
/** A THROTTLED answer without a usable throttleStatus: 1 s restores 500 points at Jobber's rate. */
export const THROTTLE_FALLBACK_WAIT_MS = 1_000;
/** The most a THROTTLED retry is spread beyond the refill wait. */
export const THROTTLE_SPREAD_CAP_MS = 30_000;

export const RETRY_TABLE: Readonly<Record<JobberFailureKind, RetryRule>> = {
  throttled: { retries: Number.POSITIVE_INFINITY, wait: 'refill' },
  rate_limited: { retries: 3, wait: 'retry_after' },
  server: { retries: 4, wait: 'backoff' },
  network: { retries: 4, wait: 'backoff' },
  // Google's quota for the day: no retry can succeed before it resets, and each would cost a call.
  daily_quota: { retries: 0, wait: 'none' },
  unauthorized: { retries: 1, wait: 'none' },
  disconnected: { retries: 0, wait: 'none' },
  account_inactive: { retries: 0, wait: 'none' },
  permission_hidden: { retries: 0, wait: 'none' },
  // A body cut short or a page of the wrong shape (page-shape.ts): often a glitch on the way; a read
  // is safe to repeat, and nothing partial is ever kept.
  malformed: { retries: 2, wait: 'backoff' },
  schema_mismatch: { retries: 0, wait: 'none' },
  graphql: { retries: 0, wait: 'none' },
  http: { retries: 0, wait: 'none' },
};

/**
 * What to do after `failure`, the `attempt`-th failure of its kind for one request (1-based).
 */
export function decide(failure: JobberFailure, attempt: number, context: RetryContext): RetryDecision {
  const rule = RETRY_TABLE[failure.kind];
  if (failure.kind === 'unauthorized') {
    return context.refreshedAfterUnauthorized
      ? fail('attempts_exhausted')
      : { action: 'refresh_then_retry', waitMs: 0, reason: 'refresh' };
  }
  if (rule.retries === 0) return fail('not_retryable');
  if (failure.kind === 'throttled' && neverResolves(failure))
    // The only THROTTLED that shrinks a page: waiting cannot help, fewer nodes can.
    return context.canShrink === true
      ? { action: 'shrink_then_retry', waitMs: 0, reason: 'too_costly' }
      : fail('never_resolves');
  if (attempt > rule.retries) return fail('attempts_exhausted');
  const waitMs = waitFor(rule.wait, failure, attempt);
  if (waitMs >= context.remainingBudgetMs) return fail('time_budget');
  const spread = failure.kind === 'throttled' ? throttleSpreadMs(failure, attempt, context) : 0;
  // The spread never ends a read that the refill alone would let finish: it is cut to the budget.
  return {
    action: 'retry',
    waitMs: Math.min(waitMs + spread, context.remainingBudgetMs - 1),
    reason: 'retryable',
  };
}

/**
 * Beyond the refill wait, a THROTTLED retry waits a seeded random share of a window that doubles
 * with the contention: charts sharing the bucket then retry at different moments instead of all
 * waking when the same points are back (one wins, the rest are THROTTLED again, and the account's
 * requests pile up towards Jobber's 2,500-per-5-minutes guard). The window starts at the time the
 * bucket takes to restore this request's whole cost (at least 1 s), so it scales with the page.
 */
export function throttleSpreadMs(failure: JobberFailure, attempt: number, context: RetryContext): number {
  const { requestedQueryCost, throttleStatus } = failure.details;
  const restoreRate = throttleStatus?.restoreRate ?? 0;
  // At least a second: a THROTTLED answer whose numbers say the query fits (or has none) still spreads.
  const base = Math.max(
    THROTTLE_FALLBACK_WAIT_MS,
    requestedQueryCost !== undefined && restoreRate > 0 ? (requestedQueryCost * 1000) / restoreRate : 0,
  );
  const level = Math.max(1, context.contention ?? attempt);
  const window = Math.min(THROTTLE_SPREAD_CAP_MS, base * 2 ** Math.min(30, level - 1));
  return Math.floor(window * Math.min(Math.max(context.jitter ?? 0, 0), 1));
}

function fail(reason: DecisionReason): RetryDecision {
  return { action: 'fail', waitMs: 0, reason };
}

function neverResolves(failure: JobberFailure): boolean {
  const { requestedQueryCost, throttleStatus } = failure.details;
  return (
    requestedQueryCost !== undefined &&
    throttleStatus !== undefined &&
    requestedQueryCost > throttleStatus.maximumAvailable
  );
}

function waitFor(rule: WaitRule, failure: JobberFailure, attempt: number): number {
  switch (rule) {
    case 'refill':
      return refillWaitMs(failure);
    case 'retry_after':
      return retryAfterWaitMs(failure, attempt);
    case 'backoff':
      return backoffMs(attempt);
    case 'none':
      return 0;
  }
}

/** (requested − available) / restoreRate seconds: exactly until the bucket holds the query's cost. */
export function refillWaitMs(failure: JobberFailure): number {
  const { requestedQueryCost, throttleStatus } = failure.details;
  if (requestedQueryCost === undefined || !throttleStatus || throttleStatus.restoreRate <= 0)
    return THROTTLE_FALLBACK_WAIT_MS;
  const missing = requestedQueryCost - throttleStatus.currentlyAvailable;
  return Math.max(1, Math.ceil((missing * 1000) / throttleStatus.restoreRate));
}

/** Retry-After when Jobber sends it (clamped), else the same backoff as a server error. */
export function retryAfterWaitMs(failure: JobberFailure, attempt: number): number {
  const seconds = failure.details.retryAfterSeconds;
  if (seconds === undefined) return backoffMs(attempt);
  return Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_AFTER_MIN_MS, Math.ceil(seconds * 1000)));
}

/** 1 s, 2 s, 4 s, 8 s, … capped: deterministic, so tests and logs can tell exactly what happened. */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
}

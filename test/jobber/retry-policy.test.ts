import { JobberFailure, type JobberFailureKind } from '../../src/errors';
import {
  BACKOFF_CAP_MS,
  RETRY_AFTER_MAX_MS,
  RETRY_AFTER_MIN_MS,
  RETRY_TABLE,
  THROTTLE_SPREAD_CAP_MS,
  decide,
} from '../../src/jobber/retry-policy';

const plenty = { refreshedAfterUnauthorized: false, remainingBudgetMs: 300_000 };
const status = (currentlyAvailable: number) => ({
  maximumAvailable: 10_000,
  currentlyAvailable,
  restoreRate: 500,
});

function failure(kind: JobberFailureKind, details: JobberFailure['details'] = {}): JobberFailure {
  return new JobberFailure(kind, 'test', details);
}

describe('the retry table', () => {
  describe('THROTTLED', () => {
    it('waits exactly (requested − available) / restoreRate, in milliseconds, then retries (no jitter drawn)', () => {
      const throttled = failure('throttled', { requestedQueryCost: 1_005, throttleStatus: status(200) });
      expect(decide(throttled, 1, plenty)).toEqual({ action: 'retry', waitMs: 1_610, reason: 'retryable' });
    });

    it('rounds a fractional wait up to the next millisecond, never down', () => {
      const throttled = failure('throttled', { requestedQueryCost: 1_000, throttleStatus: status(999.7) });
      expect(decide(throttled, 1, plenty).waitMs).toBe(1);
    });

    it('fails at once when the query costs more than the whole bucket (it would never resolve)', () => {
      const throttled = failure('throttled', { requestedQueryCost: 10_001, throttleStatus: status(10_000) });
      expect(decide(throttled, 1, plenty)).toMatchObject({ action: 'fail', reason: 'never_resolves' });
    });

    it('retries as long as the budget allows, however often it was THROTTLED', () => {
      const throttled = failure('throttled', { requestedQueryCost: 500, throttleStatus: status(0) });
      expect(decide(throttled, 1_000, plenty).action).toBe('retry');
      expect(decide(throttled, 1_000, { ...plenty, remainingBudgetMs: 1_000 })).toMatchObject({
        action: 'fail',
        reason: 'time_budget',
      });
    });

    it('adds a seeded share of one refill of the whole query to the wait, so concurrent charts retry apart', () => {
      const throttled = failure('throttled', { requestedQueryCost: 1_005, throttleStatus: status(200) });
      const waitWith = (jitter: number): number => decide(throttled, 1, { ...plenty, jitter }).waitMs;
      expect(waitWith(0)).toBe(1_610);
      expect(waitWith(0.5)).toBe(1_610 + 1_005);
      expect(waitWith(0.999)).toBe(1_610 + 2_007);
    });

    it('spreads over at least a second, also when the answer says the query fits or has no numbers', () => {
      const odd = failure('throttled', { requestedQueryCost: 0, throttleStatus: status(10_000) });
      expect(decide(odd, 1, { ...plenty, jitter: 0.5 }).waitMs).toBe(1 + 500);
      expect(decide(failure('throttled'), 1, { ...plenty, jitter: 0.5 }).waitMs).toBe(1_000 + 500);
    });

    it('doubles the spread window with the contention the execution has seen, up to a cap', () => {
      const throttled = failure('throttled', { requestedQueryCost: 1_005, throttleStatus: status(200) });
      const spread = (contention: number): number =>
        decide(throttled, 1, { ...plenty, jitter: 0.5, contention }).waitMs - 1_610;
      expect([1, 2, 3, 4].map(spread)).toEqual([1_005, 2_010, 4_020, 8_040]);
      expect(spread(40)).toBe(THROTTLE_SPREAD_CAP_MS / 2);
    });

    it('cuts the spread to the budget, so it never ends a read the refill wait alone would let finish', () => {
      const throttled = failure('throttled', { requestedQueryCost: 1_005, throttleStatus: status(200) });
      const decision = decide(throttled, 3, {
        ...plenty,
        jitter: 0.9,
        contention: 5,
        remainingBudgetMs: 2_000,
      });
      expect(decision).toEqual({ action: 'retry', waitMs: 1_999, reason: 'retryable' });
    });

    it('shrinks a page only when Jobber counts it above the whole bucket, never because others drain it', () => {
      const contended = failure('throttled', { requestedQueryCost: 7_500, throttleStatus: status(900) });
      const shrinkable = { ...plenty, canShrink: true };
      for (const attempt of [1, 2, 5, 20])
        expect(decide(contended, attempt, shrinkable).action).toBe('retry');
      const tooCostly = failure('throttled', { requestedQueryCost: 10_500, throttleStatus: status(10_000) });
      expect(decide(tooCostly, 1, shrinkable)).toEqual({
        action: 'shrink_then_retry',
        waitMs: 0,
        reason: 'too_costly',
      });
    });

    it('waits one second when Jobber sent no usable throttleStatus', () => {
      expect(decide(failure('throttled'), 1, plenty)).toMatchObject({ action: 'retry', waitMs: 1_000 });
    });
  });

  describe('HTTP 429', () => {
    it('waits what Retry-After asks', () => {
      expect(decide(failure('rate_limited', { retryAfterSeconds: 7 }), 1, plenty).waitMs).toBe(7_000);
    });

    it('clamps Retry-After to a sane range', () => {
      expect(decide(failure('rate_limited', { retryAfterSeconds: 0 }), 1, plenty).waitMs).toBe(
        RETRY_AFTER_MIN_MS,
      );
      expect(decide(failure('rate_limited', { retryAfterSeconds: 3_600 }), 1, plenty).waitMs).toBe(
        RETRY_AFTER_MAX_MS,
      );
    });

    it('backs off exponentially without Retry-After, and stops after the allowed retries', () => {
      expect(decide(failure('rate_limited'), 1, plenty).waitMs).toBe(1_000);
      expect(decide(failure('rate_limited'), 2, plenty).waitMs).toBe(2_000);
      expect(decide(failure('rate_limited'), RETRY_TABLE.rate_limited.retries + 1, plenty).action).toBe(
        'fail',
      );
    });
  });

  describe.each<JobberFailureKind>(['server', 'network'])('%s failures', (kind) => {
    it('back off 1 s, 2 s, 4 s, 8 s, bounded', () => {
      const waits = [1, 2, 3, 4].map((attempt) => decide(failure(kind), attempt, plenty).waitMs);
      expect(waits).toEqual([1_000, 2_000, 4_000, 8_000]);
      expect(Math.max(...waits)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    });

    it('end after four retries', () => {
      expect(decide(failure(kind), 5, plenty)).toMatchObject({
        action: 'fail',
        reason: 'attempts_exhausted',
      });
    });
  });

  describe('HTTP 401', () => {
    it('asks for exactly one token refresh and one retry', () => {
      expect(decide(failure('unauthorized'), 1, plenty)).toEqual({
        action: 'refresh_then_retry',
        waitMs: 0,
        reason: 'refresh',
      });
    });

    it('fails once the request has already had its refresh', () => {
      const refreshed = { ...plenty, refreshedAfterUnauthorized: true };
      expect(decide(failure('unauthorized'), 2, refreshed)).toMatchObject({ action: 'fail' });
    });
  });

  describe('malformed answers (a body cut short, a page of the wrong shape)', () => {
    it('back off 1 s, then 2 s, and retry: a read is safe to repeat', () => {
      const waits = [1, 2].map((attempt) => decide(failure('malformed'), attempt, plenty));
      expect(waits).toEqual([
        { action: 'retry', waitMs: 1_000, reason: 'retryable' },
        { action: 'retry', waitMs: 2_000, reason: 'retryable' },
      ]);
    });

    it('end after two retries', () => {
      expect(decide(failure('malformed'), 3, plenty)).toMatchObject({
        action: 'fail',
        reason: 'attempts_exhausted',
      });
    });
  });

  it.each<JobberFailureKind>([
    'disconnected',
    'account_inactive',
    'permission_hidden',
    'daily_quota',
    'graphql',
    'http',
  ])('never retries %s', (kind) => {
    expect(decide(failure(kind), 1, plenty)).toEqual({
      action: 'fail',
      waitMs: 0,
      reason: 'not_retryable',
    });
  });

  it('fails instead of waiting past the execution budget', () => {
    const throttled = failure('throttled', { requestedQueryCost: 5_000, throttleStatus: status(0) });
    expect(decide(throttled, 1, { ...plenty, remainingBudgetMs: 9_999 })).toMatchObject({
      action: 'fail',
      reason: 'time_budget',
    });
    expect(decide(throttled, 1, { ...plenty, remainingBudgetMs: 10_001 }).action).toBe('retry');
  });

  it('has a row for every failure kind', () => {
    const kinds: JobberFailureKind[] = [
      'throttled',
      'rate_limited',
      'server',
      'network',
      'daily_quota',
      'unauthorized',
      'disconnected',
      'account_inactive',
      'permission_hidden',
      'malformed',
      'schema_mismatch',
      'graphql',
      'http',
    ];
    expect(Object.keys(RETRY_TABLE).sort()).toEqual([...kinds].sort());
  });
});

import { JobberFailure } from '../../src/errors';
import { RuntimeBudget } from '../../src/jobber/budget';
import { createJobberClient } from '../../src/jobber/client';
import { API_VERSION_HEADER } from '../../src/jobber/endpoints';
import type { HttpResponse } from '../../src/platform/platform';
import { FakeClock, MemoryProperties, ScriptedHttp, type Responder } from '../support/platform-fakes';
import { FakeTokens, dataResponse, freshStats, jsonResponse, throttledResponse } from './fakes';
import { errorOf } from './reader-support';

const GRAPHQL_URL = 'https://jobber.test/api/graphql';
const ok = (): HttpResponse => dataResponse({ account: { id: 'a1' } }, { requested: 2, available: 9_998 });
const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    jsonResponse({}, code, headers);

function setup(responders: Responder[], budgetMs = 300_000) {
  const clock = new FakeClock();
  const http = new ScriptedHttp(responders);
  const tokens = new FakeTokens();
  const stats = freshStats();
  const client = createJobberClient({
    http,
    clock,
    tokens,
    stats,
    userProperties: new MemoryProperties(),
    graphqlUrl: GRAPHQL_URL,
    budget: new RuntimeBudget(clock, clock.now(), budgetMs),
  });
  return { clock, http, tokens, stats, api: client.api };
}

const ACCOUNT_QUERY = { query: '{ account { id } }' };

describe('the GraphQL client', () => {
  it('POSTs JSON with the bearer token and the pinned API version', () => {
    const { api, http } = setup([ok]);
    expect(api.query({ query: 'query Q($n: Int) { a }', variables: { n: 1 } })).toEqual({
      account: { id: 'a1' },
    });
    const [request] = http.requests;
    expect(request).toMatchObject({ url: GRAPHQL_URL, method: 'post', contentType: 'application/json' });
    expect(request?.headers).toMatchObject({
      Authorization: 'Bearer access-1',
      [API_VERSION_HEADER]: '2025-04-16',
    });
    expect(JSON.parse(String(request?.payload))).toEqual({
      query: 'query Q($n: Int) { a }',
      variables: { n: 1 },
    });
  });

  it('waits what THROTTLED says plus a seeded spread of at most one refill of the query, then succeeds', () => {
    const { api, clock, stats } = setup([() => throttledResponse(1_005, 5), ok]);
    api.query(ACCOUNT_QUERY);
    const [wait = 0] = clock.sleeps;
    expect(clock.sleeps).toHaveLength(1);
    expect(wait).toBeGreaterThanOrEqual(2_000);
    expect(wait).toBeLessThan(2_000 + 2_010);
    expect(stats).toMatchObject({ requests: 2, throttledResponses: 1, retries: 1, waits: 1, waitedMs: wait });
  });

  it('spreads the THROTTLED retries of different charts, and replays the same waits for the same chart', () => {
    const waitsFor = (query: string): number[] => {
      const { api, clock } = setup([
        () => throttledResponse(1_005, 5),
        () => throttledResponse(1_005, 5),
        ok,
      ]);
      api.query({ query });
      return clock.sleeps;
    };
    expect(waitsFor('{ invoices { id } }')).toEqual(waitsFor('{ invoices { id } }'));
    expect(waitsFor('{ invoices { id } }')).not.toEqual(waitsFor('{ quotes { id } }'));
  });

  it('keeps retrying THROTTLED as long as the budget allows, not a fixed number of times', () => {
    const throttledTwelveTimes = Array.from({ length: 12 }, () => () => throttledResponse(105, 100));
    const { api, stats } = setup([...throttledTwelveTimes, ok]);
    expect(api.query(ACCOUNT_QUERY)).toEqual({ account: { id: 'a1' } });
    expect(stats.throttledResponses).toBe(12);
  });

  it('honours Retry-After on 429', () => {
    const { api, clock } = setup([status(429, { 'retry-after': '3' }), ok]);
    api.query(ACCOUNT_QUERY);
    expect(clock.sleeps).toEqual([3_000]);
  });

  it('backs off on 5xx and network failures, then succeeds', () => {
    const networkDown = () => {
      throw new Error('Address unavailable');
    };
    const { api, clock, stats } = setup([status(502), networkDown, status(503), ok]);
    api.query(ACCOUNT_QUERY);
    expect(clock.sleeps).toEqual([1_000, 1_000, 2_000]);
    expect(stats.retries).toBe(3);
  });

  it('keeps what went wrong as the cause: the user error wraps the failure, which wraps the fetch error', () => {
    const networkDown = () => {
      throw new Error('Address unavailable');
    };
    const { api } = setup([networkDown, networkDown, networkDown, networkDown, networkDown]);
    const error = errorOf(() => api.query(ACCOUNT_QUERY));
    expect(error.code).toBe('JOBBER_UNAVAILABLE');
    expect(error.cause).toBeInstanceOf(JobberFailure);
    expect((error.cause as JobberFailure).cause).toEqual(new Error('Address unavailable'));
  });

  it('says Google’s daily URL fetch quota is used up, and when it resets, without retrying', () => {
    const quotaUsedUp = () => {
      throw new Error('Exception: Service invoked too many times for one day: urlfetch.');
    };
    const { api, clock, http, stats } = setup([quotaUsedUp, quotaUsedUp]);
    const error = errorOf(() => api.query(ACCOUNT_QUERY));
    expect(error.code).toBe('GOOGLE_QUOTA_EXCEEDED');
    expect(error.userText).toContain(
      "Google's daily quota of URL fetches for your Google account is used up",
    );
    expect(error.userText).toContain('24 hours after the first fetch of the day');
    expect(error.userText).not.toContain('Jobber is not answering');
    expect(http.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(stats.retries).toBe(0);
  });

  it('still retries Apps Script’s short-time rate limit, which is not the daily quota', () => {
    const tooFast = () => {
      throw new Error('Exception: Service invoked too many times in a short time: urlfetch.');
    };
    const { api, http } = setup([tooFast, ok]);
    api.query(ACCOUNT_QUERY);
    expect(http.requests).toHaveLength(2);
  });

  it('says Jobber is unavailable after the retries the table allows, never returning data', () => {
    const { api, clock, http } = setup([status(500), status(500), status(500), status(500), status(500)]);
    expect(errorOf(() => api.query(ACCOUNT_QUERY)).code).toBe('JOBBER_UNAVAILABLE');
    expect(clock.sleeps).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(http.requests).toHaveLength(5);
  });

  it('renews the token once after a 401 and retries with the new one', () => {
    const { api, http, tokens, stats } = setup([status(401), ok]);
    api.query(ACCOUNT_QUERY);
    expect(tokens.renewals).toBe(1);
    expect(http.requests.map((r) => r.headers?.Authorization)).toEqual([
      'Bearer access-1',
      'Bearer access-2',
    ]);
    expect(stats.retries).toBe(1);
  });

  it('asks to reconnect, and forgets the authorization, when the renewed token is refused too', () => {
    const { api, tokens, http } = setup([status(401), status(401)]);
    expect(errorOf(() => api.query(ACCOUNT_QUERY)).code).toBe('RECONNECT_REQUIRED');
    expect(tokens.renewals).toBe(1);
    expect(tokens.forgotten).toBe(true);
    expect(http.requests).toHaveLength(2);
  });

  it.each([
    [
      'disconnected',
      { message: 'User has disconnected this app from their account. Please delete this token' },
      'RECONNECT_REQUIRED',
    ],
    ['inactive', { error: { message: 'This account is not active' } }, 'ACCOUNT_INACTIVE'],
  ])('forgets the authorization at once when the app is %s', (_what, body, code) => {
    const { api, tokens, http } = setup([() => jsonResponse(body, 401)]);
    expect(errorOf(() => api.query(ACCOUNT_QUERY)).code).toBe(code);
    expect(tokens.forgotten).toBe(true);
    expect(http.requests).toHaveLength(1);
  });

  it('reports a permission-hidden field as a missing permission, without retrying', () => {
    const hidden = () =>
      jsonResponse({
        data: null,
        errors: [{ message: 'The field jobs on an object of type Query was hidden due to permissions' }],
      });
    const { api, http } = setup([hidden]);
    expect(errorOf(() => api.query(ACCOUNT_QUERY)).code).toBe('PERMISSION_MISSING');
    expect(http.requests).toHaveLength(1);
  });

  it('rejects other GraphQL errors without retrying', () => {
    const { api } = setup([() => jsonResponse({ errors: [{ message: 'Syntax error' }] })]);
    expect(errorOf(() => api.query(ACCOUNT_QUERY)).code).toBe('JOBBER_REJECTED');
  });

  it('sleeps before a query the predicted bucket cannot pay for, instead of being THROTTLED', () => {
    const drained = () => dataResponse({ a: 1 }, { requested: 9_000, available: 500 });
    const { api, clock, stats } = setup([drained, ok]);
    api.query(ACCOUNT_QUERY);
    api.query({ ...ACCOUNT_QUERY, estimatedCost: 1_000 });
    expect(clock.sleeps).toEqual([1_000]);
    expect(stats).toMatchObject({ throttledResponses: 0, waits: 1, waitedMs: 1_000, retries: 0 });
  });

  it('ends with the time-budget error instead of sleeping past the budget', () => {
    const { api, clock } = setup([status(503)], 500);
    const error = errorOf(() => api.query(ACCOUNT_QUERY));
    expect(error.code).toBe('TIME_BUDGET_EXCEEDED');
    expect(error.userText).toContain('Nothing partial was shown');
    expect(clock.sleeps).toEqual([]);
  });

  it('says the usage limit is reached when THROTTLED would make it wait past the budget', () => {
    const { api, clock } = setup([() => throttledResponse(9_000, 0)], 10_000);
    const error = errorOf(() => api.query(ACCOUNT_QUERY));
    expect(error.code).toBe('JOBBER_UNAVAILABLE');
    expect(error.userText).toContain('usage limit');
    expect(clock.sleeps).toEqual([]);
  });

  it('sends nothing once the budget is spent', () => {
    const { api, clock, http } = setup([ok], 10_000);
    clock.nowMs += 10_000;
    expect(errorOf(() => api.query(ACCOUNT_QUERY)).code).toBe('TIME_BUDGET_EXCEEDED');
    expect(http.requests).toHaveLength(0);
  });

  it('counts the cost Jobber reports', () => {
    const { api, stats } = setup([
      () => dataResponse({ a: 1 }, { requested: 105, actual: 55, available: 9_945 }),
    ]);
    api.query(ACCOUNT_QUERY);
    expect(stats).toMatchObject({ requests: 1, requestedQueryCost: 105, actualQueryCost: 55 });
  });
});

import type { FaultSpec } from '../../sandbox/jobber/control-types';
import { CONNECTOR_BUNDLE } from '../../sandbox/paths';
import type { DataSource, LookerStudio } from '../../sandbox/studio';
import { useWorld } from '../support/e2e';
import {
  CLIENTS_CHART,
  clientsSource,
  isRefresh,
  lastSequence,
  requestsSince,
  storedTokens,
  userErrorOf,
} from './auth-support';
import { LIVE_ONLY } from './support/reports';

const CLIENTS_QUERY = 'clients(';
const EXPIRED = 2 * 3_600_000;

/** What the jobber_usage log line of the chart's execution says it cost. */
function usageOf(studio: LookerStudio): Record<string, number> {
  const execution = studio.executions[studio.executions.length - 1]?.result;
  const line = execution?.logs
    .map((log) => log.message)
    .find((message) => message.includes('"jobber_usage"'));
  return line ? (JSON.parse(line) as Record<string, number>) : {};
}

interface Case {
  /** Faults armed before the chart is read; GraphQL ones hit the clients query. */
  readonly faults: readonly FaultSpec[];
  /** Let the access token expire first, so the chart renews it. */
  readonly expired?: boolean;
}

/**
 * Every fault the sandbox can inject, against the built bundle: the chart either answers in full
 * after the retries the policy allows, or shows the user error that says what to do.
 */
describe('Jobber faults end to end', () => {
  const world = useWorld({
    sandbox: { accessTokenLifetimeSeconds: 3_600 },
    runtime: { bundlePath: CONNECTOR_BUNDLE },
  });
  let userCount = 0;

  /** A freshly connected user with a clients data source; the faults are armed last. */
  async function arm(
    scenario: Case,
  ): Promise<{ studio: LookerStudio; source: DataSource; user: string; since: number }> {
    const user = `reliability-${(userCount += 1)}@example.com`;
    const studio = await world().connect(user);
    // The faults target the live reader's own reads of the chart (the private copy reads otherwise).
    const source = await clientsSource(studio, LIVE_ONLY);
    if (scenario.expired) await world().sandbox.control.clock.advance(EXPIRED);
    await world().sandbox.control.faults.clear();
    await world().sandbox.control.setThrottleBudget(world().sandbox.accounts[0]?.id ?? '', 10_000);
    for (const fault of scenario.faults)
      await world().sandbox.control.faults.inject({
        ...(fault.endpoint === 'token' || fault.kind === 'invalidGrant'
          ? {}
          : { queryContains: CLIENTS_QUERY }),
        ...fault,
      });
    return { studio, source, user, since: await lastSequence(world()) };
  }

  describe('ending in success after retry', () => {
    it.each<[string, Case]>([
      ['HTTP 500', { faults: [{ kind: 'http', status: 500 }] }],
      ['HTTP 502', { faults: [{ kind: 'http', status: 502 }] }],
      ['HTTP 503', { faults: [{ kind: 'http', status: 503 }] }],
      ['HTTP 504', { faults: [{ kind: 'http', status: 504 }] }],
      ['Jobber’s incident answer', { faults: [{ kind: 'unavailable' }] }],
      ['four 5xx in a row', { faults: [{ kind: 'http', status: 502, times: 4 }] }],
      ['a slow answer', { faults: [{ kind: 'slow', delayMs: 300 }] }],
      ['no answer (socket closed)', { faults: [{ kind: 'timeout', holdMs: 300 }] }],
      ['a body cut short', { faults: [{ kind: 'malformedJson' }] }],
      ['THROTTLED', { faults: [{ kind: 'throttled' }] }],
      ['THROTTLED nine times', { faults: [{ kind: 'throttled', times: 9 }] }],
      [
        'THROTTLED twelve times (retries end with the budget, not after a count)',
        { faults: [{ kind: 'throttled', times: 12 }] },
      ],
      ['429 with Retry-After', { faults: [{ kind: 'rateLimited', retryAfterSeconds: 2 }] }],
      ['401 on a valid-looking token', { faults: [{ kind: 'unauthorized' }] }],
      [
        'a 503 from the token endpoint while renewing',
        { expired: true, faults: [{ kind: 'unavailable', endpoint: 'token' }] },
      ],
      [
        'a dropped token request while renewing',
        { expired: true, faults: [{ kind: 'timeout', holdMs: 300, endpoint: 'token' }] },
      ],
    ])('%s', async (_name, scenario) => {
      const { source, since } = await arm(scenario);
      const response = await source.getData(CLIENTS_CHART);
      expect(response.rows.length).toBeGreaterThan(0);
      const log = await requestsSince(world(), since);
      const faulted = log.filter((entry) => entry.fault !== undefined);
      expect(faulted.length).toBe(scenario.faults.reduce((sum, fault) => sum + (fault.times ?? 1), 0));
    });

    it('waits what Retry-After asks before retrying', async () => {
      const { studio, source } = await arm({ faults: [{ kind: 'rateLimited', retryAfterSeconds: 2 }] });
      await source.getData(CLIENTS_CHART);
      expect(usageOf(studio)).toMatchObject({ retries: 1, waits: 1, waitedMs: 2_000 });
    });

    it('waits for a bucket another client drained, at least as long as THROTTLED says, with one extra request', async () => {
      const { studio, source, since } = await arm({ faults: [] });
      await world().sandbox.control.setThrottleBudget(world().sandbox.accounts[0]?.id ?? '', 0);
      await source.getData(CLIENTS_CHART);
      const graphql = (await requestsSince(world(), since)).filter((entry) => entry.endpoint === 'graphql');
      const [throttled, answered] = graphql;
      expect(graphql.map((entry) => entry.outcome)).toEqual(['THROTTLED', 'ok']);
      expect(answered?.at).toBeGreaterThanOrEqual(
        (throttled?.at ?? 0) + ((throttled?.requestedCost ?? 0) / 500) * 1000,
      );
      expect(usageOf(studio)).toMatchObject({ requests: 2, throttledResponses: 1, waits: 1 });
    });

    it('renews the token exactly once after a 401, then retries once', async () => {
      const { studio, source, since } = await arm({ faults: [{ kind: 'unauthorized' }] });
      await source.getData(CLIENTS_CHART);
      expect((await requestsSince(world(), since)).filter(isRefresh)).toHaveLength(1);
      expect(usageOf(studio)).toMatchObject({ tokenRefreshes: 1, retries: 1 });
    });
  });

  describe('ending in a clear user error', () => {
    it.each<[string, Case, string, boolean]>([
      [
        'a body cut short three times',
        { faults: [{ kind: 'malformedJson', times: 3 }] },
        'Jobber is not answering properly',
        false,
      ],
      [
        'five 5xx in a row',
        { faults: [{ kind: 'http', status: 500, times: 5 }] },
        'Jobber is not answering properly',
        false,
      ],
      ['a GraphQL error', { faults: [{ kind: 'graphqlError' }] }, 'Jobber rejected the query', false],
      ['a field hidden by permissions', { faults: [{ kind: 'hiddenField' }] }, 'not allowed to read', false],
      [
        '429 four times',
        { faults: [{ kind: 'rateLimited', retryAfterSeconds: 1, times: 4 }] },
        'usage limit',
        false,
      ],
      ['401 again after the renewal', { faults: [{ kind: 'unauthorized', times: 2 }] }, 'Reconnect', true],
      [
        'the app disconnected',
        { faults: [{ kind: 'disconnected' }] },
        'disconnected from your Jobber account',
        true,
      ],
      ['the account inactive', { faults: [{ kind: 'inactiveAccount' }] }, 'account is not active', true],
      ['invalid_grant on renewal', { expired: true, faults: [{ kind: 'invalidGrant' }] }, 'Reconnect', true],
      [
        'a renewal answer lost after Jobber rotated the token (no client can prevent it)',
        { expired: true, faults: [{ kind: 'answerLost', endpoint: 'token' }] },
        'Reconnect',
        true,
      ],
    ])('%s', async (_name, scenario, text, forgetsTokens) => {
      const { studio, source, user } = await arm(scenario);
      const error = await userErrorOf(source.getData(CLIENTS_CHART));
      expect(error.text).toContain(text);
      expect(storedTokens(world(), user) === undefined).toBe(forgetsTokens);
      expect(await studio.isAuthValid()).toBe(!forgetsTokens);
    });

    it('shows why a lost renewal answer ends the authorization: Jobber rotated, the retry reused a dead token', async () => {
      const { source, since } = await arm({
        expired: true,
        faults: [{ kind: 'answerLost', endpoint: 'token' }],
      });
      await userErrorOf(source.getData(CLIENTS_CHART));
      const families = (await requestsSince(world(), since))
        .filter((entry) => isRefresh(entry) && entry.refreshFamily !== undefined)
        .map((entry) => entry.refreshFamily?.event);
      expect(families).toEqual(['rotated', 'reused_dead']);
    });

    it('starts no token renewal in the last 30 s of the budget: says to refresh, keeps the tokens, and the next load renews first', async () => {
      world().runtime.setScriptProperty('JOBBER_RUNTIME_BUDGET_SECONDS', '60');
      try {
        // The token has 130 s left (renewed under 120 s), and the first request waits 40 s for a 429:
        // the renewal then falls due 40 s into a 60 s budget.
        const { studio, source, user, since } = await arm({
          faults: [{ kind: 'rateLimited', retryAfterSeconds: 40 }],
        });
        await world().sandbox.control.clock.advance(3_600_000 - 130_000);
        const before = storedTokens(world(), user);

        const error = await userErrorOf(source.getData(CLIENTS_CHART));

        expect(error.text).toContain('came too close to its time limit to renew your Jobber authorization');
        expect(error.text).toContain('Refresh the report: it renews the authorization first');
        expect((await requestsSince(world(), since)).filter(isRefresh)).toEqual([]);
        expect(storedTokens(world(), user)).toEqual(before);
        expect(usageOf(studio)).toMatchObject({ outcome: 'TIME_BUDGET_EXCEEDED', tokenRefreshes: 0 });

        // The next executions (Looker Studio asks isAuthValid, then getData) renew first, then read.
        const mark = await lastSequence(world());
        expect(await studio.isAuthValid()).toBe(true);
        expect((await source.getData(CLIENTS_CHART)).rows.length).toBeGreaterThan(0);
        const next = await requestsSince(world(), mark);
        expect(next.filter(isRefresh)).toHaveLength(1);
        expect(next.findIndex(isRefresh)).toBeLessThan(
          next.findIndex((entry) => entry.endpoint === 'graphql'),
        );
      } finally {
        world().runtime.setScriptProperty('JOBBER_RUNTIME_BUDGET_SECONDS', null);
      }
    });

    it('says the usage limit is reached when THROTTLED lasts until the budget runs out', async () => {
      world().runtime.setScriptProperty('JOBBER_RUNTIME_BUDGET_SECONDS', '5');
      try {
        const { source, since } = await arm({ faults: [{ kind: 'throttled', times: 1_000 }] });
        const error = await userErrorOf(source.getData(CLIENTS_CHART));
        expect(error.text).toContain('usage limit');
        // The retries spread out instead of hammering Jobber for the whole 5 s.
        const graphql = (await requestsSince(world(), since)).filter((entry) => entry.endpoint === 'graphql');
        expect(graphql.length).toBeLessThan(20);
      } finally {
        world().runtime.setScriptProperty('JOBBER_RUNTIME_BUDGET_SECONDS', null);
      }
    });

    it('ends with the time-budget error instead of waiting past the budget', async () => {
      world().runtime.setScriptProperty('JOBBER_RUNTIME_BUDGET_SECONDS', '5');
      try {
        const { source } = await arm({ faults: [{ kind: 'rateLimited', retryAfterSeconds: 10 }] });
        const error = await userErrorOf(source.getData(CLIENTS_CHART));
        expect(error.text).toContain('limit 5 s');
        expect(error.text).toContain('Nothing partial was shown');
      } finally {
        world().runtime.setScriptProperty('JOBBER_RUNTIME_BUDGET_SECONDS', null);
      }
    });
  });
});

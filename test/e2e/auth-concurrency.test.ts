import { CONNECTOR_BUNDLE } from '../../sandbox/paths';
import type { ChartOutcome, ConfigParams, GetDataResponse } from '../../sandbox/studio';
import { useWorld, type World } from '../support/e2e';
import {
  CLIENTS_CHART,
  clientsSource,
  isInvalidGrant,
  isRefresh,
  lastSequence,
  requestsSince,
  storedTokens,
} from './auth-support';
import { LIVE_ONLY, rowSet } from './support/reports';

const CHARTS = 10;

/**
 * Looker Studio runs one getData per chart at once. With refresh token rotation on, ten executions
 * that all find an expired access token must renew it exactly once: a second refresh with the same
 * refresh token would be invalid_grant and end the authorization.
 */
describe('ten concurrent executions holding an expired token', () => {
  const world = useWorld({
    sandbox: { accessTokenLifetimeSeconds: 3_600, rotation: true },
    runtime: { bundlePath: CONNECTOR_BUNDLE, maxConcurrentExecutions: CHARTS },
  });

  /** Connects the user, lets the token expire, stalls the first refresh and opens ten charts at once. */
  async function openTenCharts(w: World, user: string, config: ConfigParams) {
    const studio = await w.connect(user);
    const source = await clientsSource(studio, config);
    const before = storedTokens(w, user);
    await w.sandbox.control.clock.advance(2 * 3_600_000);
    // The first refresh hangs for 2.5 s (real time) and then fails, holding the lock meanwhile, so
    // every execution has read the expired token and queued for the lock: the race at its widest.
    await w.sandbox.control.faults.inject({
      kind: 'timeout',
      holdMs: 2_500,
      endpoint: 'token',
      grantType: 'refresh_token',
    });
    const since = await lastSequence(w);
    const charts = Array.from({ length: CHARTS }, (_, index) => ({
      ...CLIENTS_CHART,
      name: `chart ${index}`,
    }));
    const outcomes = await source.dashboard(charts);
    const logs = studio.executions.slice(-CHARTS).flatMap((execution) => execution.result.logs);
    const answeredFrom = logs.flatMap((line) => /"source":"(\w+)"/.exec(line.message)?.slice(1) ?? []);
    return { before, outcomes, answeredFrom, log: await requestsSince(w, since) };
  }

  it('refresh once, get zero invalid_grant, and all ten answer', async () => {
    const user = 'dashboard@example.com';
    // Live reads: every chart reaches Jobber itself, so all ten meet the expired token. Through the
    // private copy one chart syncs for all (below), and the other nine never call Jobber.
    const { before, outcomes, answeredFrom, log } = await openTenCharts(world(), user, LIVE_ONLY);

    expect(outcomes.filter((outcome) => 'response' in outcome)).toHaveLength(CHARTS);
    expect(answeredFrom).toEqual(Array(CHARTS).fill('bypass'));
    expect(log.filter(isRefresh).map((entry) => entry.fault ?? entry.outcome)).toEqual(['timeout', 'issued']);
    expect(log.filter(isInvalidGrant)).toHaveLength(0);
    expect(
      log.filter((entry) => entry.endpoint === 'graphql' && entry.status === 200).length,
    ).toBeGreaterThanOrEqual(CHARTS);
    expect(storedTokens(world(), user)?.refresh_token).not.toBe(before?.refresh_token);
  });

  it('through the private copy: refresh once, zero invalid_grant, and all ten answer the same rows', async () => {
    const user = 'copy-dashboard@example.com';
    const { before, outcomes, answeredFrom, log } = await openTenCharts(world(), user, {});

    const responses = outcomes.flatMap((outcome: ChartOutcome): GetDataResponse[] =>
      'response' in outcome ? [outcome.response] : [],
    );
    expect(responses).toHaveLength(CHARTS);
    expect(answeredFrom).toEqual(Array(CHARTS).fill('copy'));
    expect(responses[0]?.rows.length).toBeGreaterThan(0);
    expect(new Set(responses.map((response) => JSON.stringify(rowSet(response)))).size).toBe(1);
    expect(log.filter(isRefresh).map((entry) => entry.fault ?? entry.outcome)).toEqual(['timeout', 'issued']);
    expect(log.filter(isInvalidGrant)).toHaveLength(0);
    expect(storedTokens(world(), user)?.refresh_token).not.toBe(before?.refresh_token);
  });
});

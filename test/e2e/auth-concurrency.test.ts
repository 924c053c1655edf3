import { CONNECTOR_BUNDLE } from '../../sandbox/paths';
import { useWorld } from '../support/e2e';
import {
  CLIENTS_CHART,
  clientsSource,
  isInvalidGrant,
  isRefresh,
  lastSequence,
  requestsSince,
  storedTokens,
} from './auth-support';

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

  it('refresh once, get zero invalid_grant, and all ten answer', async () => {
    const user = 'dashboard@example.com';
    const source = await clientsSource(await world().connect(user));
    const before = storedTokens(world(), user);
    await world().sandbox.control.clock.advance(2 * 3_600_000);
    // The first refresh hangs for 2.5 s (real time) and then fails, holding the lock meanwhile, so
    // every execution has read the expired token and queued for the lock: the race at its widest.
    await world().sandbox.control.faults.inject({
      kind: 'timeout',
      holdMs: 2_500,
      endpoint: 'token',
      grantType: 'refresh_token',
    });
    const since = await lastSequence(world());

    const charts = Array.from({ length: CHARTS }, (_, index) => ({
      ...CLIENTS_CHART,
      name: `chart ${index}`,
    }));
    const outcomes = await source.dashboard(charts);

    const log = await requestsSince(world(), since);
    expect(outcomes.filter((outcome) => 'response' in outcome)).toHaveLength(CHARTS);
    expect(log.filter(isRefresh).map((entry) => entry.fault ?? entry.outcome)).toEqual(['timeout', 'issued']);
    expect(log.filter(isInvalidGrant)).toHaveLength(0);
    expect(
      log.filter((entry) => entry.endpoint === 'graphql' && entry.status === 200).length,
    ).toBeGreaterThanOrEqual(CHARTS);
    expect(storedTokens(world(), user)?.refresh_token).not.toBe(before?.refresh_token);
  });
});

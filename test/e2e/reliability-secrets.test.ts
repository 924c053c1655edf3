import type { FaultSpec } from '../../sandbox/jobber/control-types';
import { CONNECTOR_BUNDLE } from '../../sandbox/paths';
import type { LookerStudio } from '../../sandbox/studio';
import { useWorld, type World } from '../support/e2e';
import { CLIENTS_CHART, clientsSource, storedTokens } from './auth-support';

const JWT_SHAPE = /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/;
const HEX_SECRET = /\b[0-9a-f]{64}\b/i;

/**
 * Drives the connector through authorization, renewals and every failure that carries tokens or
 * credentials nearby, remembering every token, code and secret that existed; then scans every
 * error text, debug text, log line and page the connector produced for any of them.
 */
describe('no token or secret in any error, debug text, log line or page', () => {
  const world = useWorld({
    sandbox: { accessTokenLifetimeSeconds: 3_600 },
    runtime: { bundlePath: CONNECTOR_BUNDLE },
  });
  const secrets = new Set<string>();
  const studios: LookerStudio[] = [];

  function remember(w: World, user: string): void {
    const tokens = storedTokens(w, user);
    if (tokens) [tokens.access_token, tokens.refresh_token].forEach((token) => secrets.add(token));
  }

  async function chartWith(
    user: string,
    faults: FaultSpec[],
    expire = false,
    afterConnect: () => void = () => undefined,
  ): Promise<void> {
    const w = world();
    const studio = await w.connect(user);
    studios.push(studio);
    remember(w, user);
    const source = await clientsSource(studio);
    afterConnect();
    if (expire) await w.sandbox.control.clock.advance(2 * 3_600_000);
    for (const fault of faults) await w.sandbox.control.faults.inject(fault);
    await source.getData(CLIENTS_CHART).catch(() => undefined);
    remember(w, user);
    await studio.isAuthValid();
    remember(w, user);
  }

  it('collects what the connector says across authorization, renewal and failures', async () => {
    const w = world();
    secrets.add(w.sandbox.app.clientSecret);
    secrets.add(w.sandbox.demo.accessToken);
    secrets.add(w.sandbox.demo.refreshToken);

    const dance = w.studio('secrets-dance@example.com');
    studios.push(dance);
    await w.sandbox.control.setConsent({ mode: 'approve' });
    const outcome = await dance.authorize();
    secrets.add(new URL(outcome.callbackUrl).searchParams.get('code') ?? '');
    remember(w, 'secrets-dance@example.com');

    const failing = w.studio('secrets-exchange@example.com');
    studios.push(failing);
    await w.sandbox.control.faults.inject({
      kind: 'http',
      status: 500,
      endpoint: 'token',
      grantType: 'authorization_code',
    });
    await w.sandbox.control.setConsent({ mode: 'approve' });
    secrets.add(new URL((await failing.authorize()).callbackUrl).searchParams.get('code') ?? '');

    await chartWith('secrets-renew@example.com', [], true);
    await chartWith('secrets-401@example.com', [{ kind: 'unauthorized', times: 2 }]);
    await chartWith('secrets-grant@example.com', [{ kind: 'invalidGrant' }], true);
    await chartWith(
      'secrets-token503@example.com',
      [{ kind: 'unavailable', endpoint: 'token', times: 5 }],
      true,
    );
    await chartWith('secrets-disconnected@example.com', [{ kind: 'disconnected' }]);
    await chartWith('secrets-inactive@example.com', [{ kind: 'inactiveAccount' }]);
    await chartWith('secrets-malformed@example.com', [{ kind: 'malformedJson' }]);
    await chartWith('secrets-graphql@example.com', [{ kind: 'graphqlError', message: 'Something broke' }]);
    await chartWith('secrets-5xx@example.com', [{ kind: 'http', status: 502, times: 5 }]);

    const wrongSecret = 'fe'.repeat(32);
    secrets.add(wrongSecret);
    try {
      await chartWith('secrets-client@example.com', [], true, () =>
        w.runtime.setScriptProperty('JOBBER_CLIENT_SECRET', wrongSecret),
      );
    } finally {
      w.runtime.setScriptProperty('JOBBER_CLIENT_SECRET', w.sandbox.app.clientSecret);
    }
    const reset = await w.connect('secrets-reset@example.com');
    studios.push(reset);
    remember(w, 'secrets-reset@example.com');
    await reset.resetAuth();
  });

  it('finds none of them, nor anything shaped like a token, in what the connector said', () => {
    const texts = studios.flatMap((studio) =>
      studio.executions.flatMap(({ functionName, result }) =>
        [
          result.error?.text,
          result.error?.debugText,
          ...result.logs.map((line) => line.message),
          functionName === 'authCallback' ? JSON.stringify(result.value ?? '') : undefined,
        ]
          .filter((text): text is string => typeof text === 'string' && text.length > 0)
          .map((text) => ({ functionName, text })),
      ),
    );
    const knownSecrets = [...secrets].filter((secret) => secret.length >= 8);
    expect(knownSecrets.length).toBeGreaterThanOrEqual(20);
    expect(texts.filter(({ text }) => /jobber_usage/.test(text)).length).toBeGreaterThanOrEqual(10);
    expect(texts.filter(({ text }) => /debug|retriev|HTTP \d{3}/i.test(text)).length).toBeGreaterThan(5);
    const leaks = texts.filter(
      ({ text }) =>
        JWT_SHAPE.test(text) || HEX_SECRET.test(text) || knownSecrets.some((secret) => text.includes(secret)),
    );
    expect(leaks).toEqual([]);
  });
});

import { CONNECTOR_BUNDLE } from '../../sandbox/paths';
import { REPORT_OWNER, useWorld } from '../support/e2e';
import {
  CLIENTS_CHART,
  clientsSource,
  isGraphql401,
  isInvalidGrant,
  isRefresh,
  lastSequence,
  requestsSince,
  storedTokens,
  userErrorOf,
} from './auth-support';

const HOUR_MS = 3_600_000;

/** The built bundle in the local Apps Script runtime, authorizing against the Jobber sandbox. */
describe('authorization end to end', () => {
  const world = useWorld({
    sandbox: { accessTokenLifetimeSeconds: 3_600 },
    runtime: { bundlePath: CONNECTOR_BUNDLE },
  });

  it('runs the whole OAuth dance and stores the account with its time zone', async () => {
    const studio = world().studio('dance@example.com');
    await world().sandbox.control.setConsent({ mode: 'approve' });
    const outcome = await studio.authorize();
    const account = world().sandbox.accounts[0];
    expect(outcome).toMatchObject({ validBefore: false, valid: true });
    expect(new URL(outcome.authorizeUrl).origin).toBe(world().sandbox.baseUrl);
    expect(outcome.page?.html).toContain('Connected to Jobber');
    expect(outcome.page?.html).toContain(account?.name.replace(/&/g, '&amp;'));
    const stored = JSON.parse(world().runtime.userProperties('dance@example.com')['jobber.account'] ?? '{}');
    expect(stored).toEqual({ id: account?.id, name: account?.name, timeZone: account?.timeZone });
  });

  it('stores nothing when the user denies on Jobber (the parameterless redirect never reaches the script)', async () => {
    await world().sandbox.control.setConsent({ mode: 'deny' });
    const outcome = await world().studio('denier@example.com').authorize();
    expect(outcome).toMatchObject({ page: null, valid: false });
    expect(world().runtime.userProperties('denier@example.com')).toEqual({});
  });

  it('shows the denial page for error=access_denied carrying a valid state', async () => {
    const studio = world().studio('cancel@example.com');
    const authorizeUrl = new URL(await studio.get3PAuthorizationUrls());
    const callback = new URL(authorizeUrl.searchParams.get('redirect_uri') ?? '');
    callback.searchParams.set('error', 'access_denied');
    callback.searchParams.set('state', authorizeUrl.searchParams.get('state') ?? '');
    const landing = await studio.deliverCallback(callback.toString());
    expect(landing.page?.html).toContain('Jobber access was not granted');
    expect(await studio.isAuthValid()).toBe(false);
  });

  it('shows the failure page when exchanging the code fails, with no code or secret in it', async () => {
    const user = 'failed-exchange@example.com';
    await world().sandbox.control.faults.inject({
      kind: 'http',
      status: 500,
      endpoint: 'token',
      grantType: 'authorization_code',
    });
    await world().sandbox.control.setConsent({ mode: 'approve' });
    const outcome = await world().studio(user).authorize();
    const code = new URL(outcome.callbackUrl).searchParams.get('code') ?? 'no code';
    expect(outcome.valid).toBe(false);
    expect(outcome.page?.html).toContain('Connecting to Jobber did not work');
    expect(outcome.page?.html).not.toContain(code);
    expect(outcome.page?.html).not.toContain(world().sandbox.app.clientSecret);
    expect(storedTokens(world(), user)).toBeUndefined();
  });

  it('renews an access token that expired in the middle of a session: one refresh, no 401', async () => {
    const user = 'session@example.com';
    const source = await clientsSource(await world().connect(user));
    await source.getData(CLIENTS_CHART);
    const before = storedTokens(world(), user);
    await world().sandbox.control.clock.advance(HOUR_MS + 60_000);
    const since = await lastSequence(world());
    const response = await source.getData(CLIENTS_CHART);
    const log = await requestsSince(world(), since);
    expect(response.rows.length).toBeGreaterThan(0);
    expect(log.filter(isRefresh)).toHaveLength(1);
    expect(log.filter(isGraphql401)).toHaveLength(0);
    expect(log.filter(isInvalidGrant)).toHaveLength(0);
    expect(storedTokens(world(), user)?.refresh_token).not.toBe(before?.refresh_token);
  });

  it('resetAuth forgets the tokens and the account; Looker Studio then asks to authorize again', async () => {
    const user = 'reset@example.com';
    const studio = await world().connect(user);
    await studio.resetAuth();
    const properties = world().runtime.userProperties(user);
    expect(properties['oauth2.jobber']).toBeUndefined();
    expect(properties['jobber.account']).toBeUndefined();
    expect(await studio.isAuthValid()).toBe(false);
    const error = await userErrorOf(clientsSource(studio).then((source) => source.getData(CLIENTS_CHART)));
    expect(error.text).toContain('Reconnect');
  });

  it('asks to reconnect, and forgets the tokens, after the app is disconnected in Jobber', async () => {
    const user = 'disconnected@example.com';
    const studio = await world().connect(user);
    const source = await clientsSource(studio);
    await world().sandbox.control.disconnect(world().sandbox.accounts[0]?.id ?? '');
    const error = await userErrorOf(source.getData(CLIENTS_CHART));
    expect(error.text).toContain('Reconnect');
    expect(storedTokens(world(), user)).toBeUndefined();
    expect(await studio.isAuthValid()).toBe(false);
    await world().connect(user);
    expect((await source.getData(CLIENTS_CHART)).rows.length).toBeGreaterThan(0);
  });

  it('gives the admin-facing setup error when the app credentials are missing', async () => {
    world().runtime.setScriptProperty('JOBBER_CLIENT_SECRET', null);
    try {
      const error = await userErrorOf(world().studio('setup@example.com').get3PAuthorizationUrls());
      expect(error.text).toContain('setup page');
      expect(error.debugText).toContain('JOBBER_CLIENT_SECRET');
    } finally {
      world().runtime.setScriptProperty('JOBBER_CLIENT_SECRET', world().sandbox.app.clientSecret);
    }
  });

  it('still reports the owner as an admin from ADMIN_EMAILS', async () => {
    world().runtime.setScriptProperty('ADMIN_EMAILS', REPORT_OWNER);
    expect(await world().studio(REPORT_OWNER).isAdminUser()).toBe(true);
    expect(await world().studio('dance@example.com').isAdminUser()).toBe(false);
  });
});

import { createJobberAccess } from '../../src/auth/jobber-access';
import { ConnectorError } from '../../src/errors';
import { ACCOUNT_PROPERTY } from '../../src/jobber/account';
import type { Responder } from '../jobber/fakes';
import { dataResponse, jsonResponse } from '../jobber/fakes';
import { reply } from './fake-jobber-oauth';
import { FakeUser, type Page } from './fake-platform';

const OWNER_ZONE = () =>
  dataResponse({
    account: { id: 'acc-1', name: 'Acme <Lawn> & Co' },
    user: { isAccountOwner: false, timezone: 'America/Phoenix' },
    users: { nodes: [{ isAccountOwner: true, timezone: 'America/Denver' }] },
  });
const HIDDEN = () =>
  jsonResponse({
    data: null,
    errors: [{ message: 'The field users on an object of type Query was hidden due to permissions' }],
  });

function access(user: FakeUser, graphql: Responder[] = [], onReset = jest.fn()) {
  const execution = user.execution(graphql);
  return { ...execution, onReset, access: createJobberAccess(execution.platform, { onReset }) };
}

function callback(
  user: FakeUser,
  parameter: Record<string, string>,
  graphql: Responder[] = [],
  onReset = jest.fn(),
) {
  const { access: jobber } = access(user, graphql, onReset);
  return jobber.entryPoints.authCallback({ parameter }) as unknown as Page;
}

function errorOf(action: () => unknown): ConnectorError {
  try {
    action();
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

describe('the auth entry points', () => {
  let user: FakeUser;
  beforeEach(() => (user = new FakeUser()));

  it('getAuthType says OAUTH2', () => {
    expect(access(user).access.entryPoints.getAuthType()).toEqual({ type: 'OAUTH2' });
  });

  describe('get3PAuthorizationUrls', () => {
    it('points at Jobber’s authorize URL on the configured host, with client id, redirect URI and state', () => {
      const url = new URL(access(user).access.entryPoints.get3PAuthorizationUrls());
      expect(`${url.origin}${url.pathname}`).toBe('https://jobber.test/api/oauth/authorize');
      expect(url.searchParams.get('client_id')).toBe('client-id-for-tests');
      expect(url.searchParams.get('response_type')).toBe('code');
      expect(url.searchParams.get('redirect_uri')).toMatch(/\/usercallback$/);
      expect(url.searchParams.get('state')).toBeTruthy();
      expect(url.toString()).not.toContain(user.endpoint.secret);
    });

    it('uses api.getjobber.com when no base URL is configured', () => {
      user.scriptProperties.deleteProperty('JOBBER_BASE_URL');
      const url = access(user).access.entryPoints.get3PAuthorizationUrls();
      expect(url.startsWith('https://api.getjobber.com/api/oauth/authorize?')).toBe(true);
    });

    it('gives the admin-facing setup error when the credentials are missing', () => {
      user.scriptProperties.deleteProperty('JOBBER_CLIENT_ID');
      user.scriptProperties.deleteProperty('JOBBER_CLIENT_SECRET');
      const error = errorOf(() => access(user).access.entryPoints.get3PAuthorizationUrls());
      expect(error.code).toBe('SETUP_INCOMPLETE');
      expect(error.userText).toContain('JOBBER_CLIENT_ID, JOBBER_CLIENT_SECRET');
    });
  });

  describe('authCallback', () => {
    it('exchanges the code, stores the tokens, the account and its time zone, and says connected', () => {
      const page = callback(user, { code: 'good-code', serviceName: 'jobber' }, [OWNER_ZONE]);
      expect(page.html).toContain('Connected to Jobber');
      expect(page.html).toContain('Acme &lt;Lawn&gt; &amp; Co');
      expect(user.storedToken()?.refresh_token).toBeTruthy();
      expect(JSON.parse(user.userProperties.getProperty(ACCOUNT_PROPERTY) ?? '{}')).toEqual({
        id: 'acc-1',
        name: 'Acme <Lawn> & Co',
        timeZone: 'America/Denver',
      });
    });

    it('forgets the previous account’s cached data on a new authorization', () => {
      user.userProperties.setProperty(
        ACCOUNT_PROPERTY,
        JSON.stringify({ id: 'old', name: 'Old', timeZone: 'UTC' }),
      );
      const onReset = jest.fn();
      callback(user, { code: 'good-code' }, [OWNER_ZONE], onReset);
      expect(onReset).toHaveBeenCalledTimes(1);
      expect(user.userProperties.getProperty(ACCOUNT_PROPERTY)).toContain('acc-1');
    });

    it.each([
      ['no parameters at all (Jobber’s denial)', {}],
      ['error=access_denied', { error: 'access_denied' }],
      ['only the state-token arguments', { serviceName: 'jobber' }],
    ])('treats %s as a denial', (_what, parameter) => {
      expect(callback(user, parameter).html).toContain('Jobber access was not granted');
      expect(user.storedToken()).toBeUndefined();
    });

    it('shows the failure page for another error, without echoing it', () => {
      const page = callback(user, { error: '<script>alert(1)</script>' });
      expect(page.html).toContain('did not work');
      expect(page.html).not.toContain('<script>');
    });

    it('shows the failure page when the token exchange fails, with no code or secret in it', () => {
      const page = callback(user, { code: 'expired-code' });
      expect(page.html).toContain('did not work');
      expect(page.html).not.toContain('expired-code');
      expect(page.html).not.toContain(user.endpoint.secret);
      expect(user.storedToken()).toBeUndefined();
    });

    it('shows the setup page when the credentials are missing', () => {
      user.scriptProperties.deleteProperty('JOBBER_CLIENT_SECRET');
      expect(callback(user, { code: 'good-code' }).html).toContain('not set up yet');
    });

    it('still says connected when Jobber does not answer the account query; account() asks again later', () => {
      const down = () => jsonResponse({}, 500);
      const page = callback(user, { code: 'good-code' }, [down, down, down, down, down]);
      expect(page.html).toContain('Connected to Jobber');
      expect(user.userProperties.getProperty(ACCOUNT_PROPERTY)).toBeNull();
      expect(access(user, [OWNER_ZONE]).access.api.account().timeZone).toBe('America/Denver');
    });
  });

  describe('the account time zone', () => {
    beforeEach(() => user.authorize());

    it('falls back to the user’s time zone when the other users are hidden', () => {
      const userZone = () =>
        dataResponse({
          account: { id: 'acc-1', name: 'Acme' },
          user: { isAccountOwner: false, timezone: 'Australia/Sydney' },
        });
      const account = access(user, [HIDDEN, userZone]).access.api.account();
      expect(account).toEqual({ id: 'acc-1', name: 'Acme', timeZone: 'Australia/Sydney' });
    });

    it('falls back to UTC when neither zone can be read', () => {
      const noZone = () =>
        dataResponse({
          account: { id: 'acc-1', name: 'Acme' },
          user: { isAccountOwner: false, timezone: null },
          users: { nodes: [] },
        });
      expect(access(user, [noZone]).access.api.account().timeZone).toBe('UTC');
    });

    it('is served from user properties without asking Jobber again', () => {
      access(user, [OWNER_ZONE]).access.api.account();
      const { access: later, http } = access(user, []);
      expect(later.api.account().id).toBe('acc-1');
      expect(http.requests).toHaveLength(0);
    });
  });

  describe('resetAuth', () => {
    it('clears this user’s tokens, stored account and cached report data', () => {
      user.authorize();
      user.userProperties.setProperty(
        ACCOUNT_PROPERTY,
        JSON.stringify({ id: 'a', name: 'A', timeZone: 'UTC' }),
      );
      const { access: jobber, onReset } = access(user);
      jobber.entryPoints.resetAuth();
      expect(user.storedToken()).toBeUndefined();
      expect(user.userProperties.getProperty(ACCOUNT_PROPERTY)).toBeNull();
      expect(onReset).toHaveBeenCalledTimes(1);
      expect(jobber.entryPoints.isAuthValid()).toBe(false);
    });

    it('clears the tokens even when clearing the cache fails, then reports the failure', () => {
      user.authorize();
      const failing = jest.fn(() => {
        throw new Error('cache down');
      });
      expect(() => access(user, [], failing).access.entryPoints.resetAuth()).toThrow('cache down');
      expect(user.storedToken()).toBeUndefined();
    });
  });

  describe('isAuthValid', () => {
    it('renews an expired token and logs one usage line', () => {
      user.authorize();
      user.clock.nowMs += 2 * 3_600_000;
      expect(access(user).access.entryPoints.isAuthValid()).toBe(true);
      const usage = user.logger.lines.filter((line) => line.event === 'jobber_usage');
      expect(usage).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({ entryPoint: 'isAuthValid', tokenRefreshes: 1 }),
        }),
      ]);
    });

    it('is false after Jobber refuses the refresh token', () => {
      user.authorize();
      user.clock.nowMs += 2 * 3_600_000;
      user.endpoint.failures.push(reply(400, { error: 'invalid_grant' }));
      expect(access(user).access.entryPoints.isAuthValid()).toBe(false);
    });
  });

  it('isAdminUser matches the ADMIN_EMAILS list, ignoring case and spacing', () => {
    user.scriptProperties.setProperty('ADMIN_EMAILS', 'someone@example.com;  OWNER@example.com');
    expect(access(user).access.entryPoints.isAdminUser()).toBe(true);
    user.scriptProperties.setProperty('ADMIN_EMAILS', 'someone@example.com');
    expect(access(user).access.entryPoints.isAdminUser()).toBe(false);
  });

  it('logs one line per execution with what it cost Jobber', () => {
    user.authorize();
    const { access: jobber } = access(user, [OWNER_ZONE]);
    jobber.logged('getData', () => jobber.api.account());
    const usage = user.logger.lines.filter((line) => line.event === 'jobber_usage');
    expect(usage).toHaveLength(1);
    expect(usage[0]?.data).toMatchObject({ entryPoint: 'getData', outcome: 'ok', requests: 1 });
  });
});

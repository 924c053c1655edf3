/**
 * The composition root: the auth entry points wired to the OAuth2 service, the token keeper, the
 * GraphQL client, the report cache and the usage line of one execution.
 */
import { CACHE_GENERATION_PROPERTY } from '../../src/cache';
import { createConnector } from '../../src/connector/app';
import { ConnectorError } from '../../src/errors';
import { ACCOUNT_PROPERTY } from '../../src/jobber/account';
import { dataResponse, jsonResponse } from '../jobber/fakes';
import { reply } from '../support/fake-token-endpoint';
import { FakeUser } from '../support/fake-user';
import type { Responder } from '../support/platform-fakes';

const OWNER_ZONE = () =>
  dataResponse({
    account: { id: 'acc-1', name: 'Acme <Lawn> & Co' },
    user: { isAccountOwner: false, timezone: 'America/Phoenix' },
    users: { nodes: [{ isAccountOwner: true, timezone: 'America/Denver' }] },
  });

function connector(user: FakeUser, graphql: Responder[] = []) {
  const platform = user.execution(undefined, graphql);
  return { http: platform.http, connector: createConnector(platform) };
}

/** The page authCallback shows, as HTML. */
function callback(user: FakeUser, parameter: Record<string, string>, graphql: Responder[] = []): string {
  return connector(user, graphql).connector.authCallback({ parameter }).getContent();
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
    expect(connector(user).connector.getAuthType()).toEqual({ type: 'OAUTH2' });
  });

  describe('get3PAuthorizationUrls', () => {
    it('points at Jobber’s authorize URL on the configured host, with client id, redirect URI and state', () => {
      const url = new URL(connector(user).connector.get3PAuthorizationUrls());
      expect(`${url.origin}${url.pathname}`).toBe('https://jobber.test/api/oauth/authorize');
      expect(url.searchParams.get('client_id')).toBe('client-id-for-tests');
      expect(url.searchParams.get('response_type')).toBe('code');
      expect(url.searchParams.get('redirect_uri')).toMatch(/\/usercallback$/);
      expect(url.searchParams.get('state')).toBeTruthy();
      expect(url.toString()).not.toContain(user.endpoint.secret);
    });

    it('uses api.getjobber.com when no base URL is configured', () => {
      user.scriptProperties.deleteProperty('JOBBER_BASE_URL');
      const url = connector(user).connector.get3PAuthorizationUrls();
      expect(url.startsWith('https://api.getjobber.com/api/oauth/authorize?')).toBe(true);
    });

    it('gives the admin-facing setup error when the credentials are missing', () => {
      user.scriptProperties.deleteProperty('JOBBER_CLIENT_ID');
      user.scriptProperties.deleteProperty('JOBBER_CLIENT_SECRET');
      const error = errorOf(() => connector(user).connector.get3PAuthorizationUrls());
      expect(error.code).toBe('SETUP_INCOMPLETE');
      expect(error.userText).toContain('JOBBER_CLIENT_ID, JOBBER_CLIENT_SECRET');
    });
  });

  describe('authCallback', () => {
    it('exchanges the code, stores the tokens, the account and its time zone, and says connected', () => {
      const page = callback(user, { code: 'good-code', serviceName: 'jobber' }, [OWNER_ZONE]);
      expect(page).toContain('Connected to Jobber');
      expect(page).toContain('Acme &lt;Lawn&gt; &amp; Co');
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
      user.userProperties.setProperty(CACHE_GENERATION_PROPERTY, 'old-generation');
      callback(user, { code: 'good-code' }, [OWNER_ZONE]);
      expect(user.userProperties.getProperty(CACHE_GENERATION_PROPERTY)).not.toBe('old-generation');
      expect(user.userProperties.getProperty(ACCOUNT_PROPERTY)).toContain('acc-1');
    });

    it.each([
      ['no parameters at all (Jobber’s denial)', {}],
      ['error=access_denied', { error: 'access_denied' }],
      ['only the state-token arguments', { serviceName: 'jobber' }],
    ])('treats %s as a denial', (_what, parameter) => {
      expect(callback(user, parameter)).toContain('Jobber access was not granted');
      expect(user.storedToken()).toBeUndefined();
    });

    it('shows the failure page for another error, without echoing it', () => {
      const page = callback(user, { error: '<script>alert(1)</script>' });
      expect(page).toContain('did not work');
      expect(page).not.toContain('<script>');
    });

    it('shows the failure page when the token exchange fails, with no code or secret in it', () => {
      const page = callback(user, { code: 'expired-code' });
      expect(page).toContain('did not work');
      expect(page).not.toContain('expired-code');
      expect(page).not.toContain(user.endpoint.secret);
      expect(user.storedToken()).toBeUndefined();
    });

    it('shows the setup page when the credentials are missing', () => {
      user.scriptProperties.deleteProperty('JOBBER_CLIENT_SECRET');
      expect(callback(user, { code: 'good-code' })).toContain('not set up yet');
    });

    it('still says connected when Jobber does not answer the account query (it is asked again later)', () => {
      const down = () => jsonResponse({}, 500);
      const page = callback(user, { code: 'good-code' }, [down, down, down, down, down]);
      expect(page).toContain('Connected to Jobber');
      expect(user.userProperties.getProperty(ACCOUNT_PROPERTY)).toBeNull();
    });
  });

  describe('resetAuth', () => {
    it('clears this user’s tokens, stored account and cached report data', () => {
      user.authorize();
      user.userProperties.setProperty(
        ACCOUNT_PROPERTY,
        JSON.stringify({ id: 'a', name: 'A', timeZone: 'UTC' }),
      );
      user.userProperties.setProperty(CACHE_GENERATION_PROPERTY, 'old-generation');
      const { connector: jobber } = connector(user);
      jobber.resetAuth();
      expect(user.storedToken()).toBeUndefined();
      expect(user.userProperties.getProperty(ACCOUNT_PROPERTY)).toBeNull();
      expect(user.userProperties.getProperty(CACHE_GENERATION_PROPERTY)).not.toBe('old-generation');
      expect(jobber.isAuthValid()).toBe(false);
    });

    it('clears the tokens even when clearing the cache fails, then reports the failure', () => {
      user.authorize();
      const setProperty = user.userProperties.setProperty.bind(user.userProperties);
      user.userProperties.setProperty = (key, value) => {
        if (key === CACHE_GENERATION_PROPERTY) throw new Error('properties down');
        return setProperty(key, value);
      };
      expect(() => connector(user).connector.resetAuth()).toThrow('properties down');
      expect(user.storedToken()).toBeUndefined();
    });
  });

  describe('isAuthValid', () => {
    it('renews an expired token and logs one usage line', () => {
      user.authorize();
      user.clock.nowMs += 2 * 3_600_000;
      expect(connector(user).connector.isAuthValid()).toBe(true);
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
      expect(connector(user).connector.isAuthValid()).toBe(false);
    });
  });

  it('isAdminUser matches the ADMIN_EMAILS list, ignoring case and spacing', () => {
    user.scriptProperties.setProperty('ADMIN_EMAILS', 'someone@example.com;  OWNER@example.com');
    expect(connector(user).connector.isAdminUser()).toBe(true);
    user.scriptProperties.setProperty('ADMIN_EMAILS', 'someone@example.com');
    expect(connector(user).connector.isAdminUser()).toBe(false);
  });

  it('logs one line per execution with what it cost Jobber', () => {
    callback(user, { code: 'good-code' }, [OWNER_ZONE]);
    const usage = user.logger.lines.filter((line) => line.event === 'jobber_usage');
    expect(usage).toHaveLength(1);
    expect(usage[0]?.data).toMatchObject({ entryPoint: 'authCallback', outcome: 'ok', requests: 1 });
  });
});

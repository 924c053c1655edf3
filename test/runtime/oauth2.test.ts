import type { Runtime } from '../../sandbox/runtime';
import { LOCAL_REDIRECT_URI, LOCAL_SCRIPT_ID } from '../../sandbox/shared/local-apps-script';
import { consentAt, installFakeOAuth, jwt, type FakeOAuth } from '../support/fake-oauth';
import { startFakeServer, type FakeServer } from '../support/fake-server';
import { ALICE, runtimeFor } from './support/scripts';

const SCRIPT = `
function service() {
  var props = PropertiesService.getScriptProperties();
  var s = OAuth2.createService('jobber')
    .setAuthorizationBaseUrl(BASE + '/api/oauth/authorize')
    .setTokenUrl(BASE + '/api/oauth/token')
    .setClientId(props.getProperty('CLIENT_ID'))
    .setClientSecret(props.getProperty('CLIENT_SECRET'))
    .setCallbackFunction('authCallback')
    .setPropertyStore(PropertiesService.getUserProperties())
    .setCache(CacheService.getUserCache())
    .setLock(LockService.getUserLock());
  if (props.getProperty('JWT_EXPIRY') === 'on') expiryFromAccessToken(s);
  return s;
}
function expiryFromAccessToken(s) {
  var original = s.ensureExpiresAtSet_;
  s.ensureExpiresAtSet_ = function (token) {
    original.call(this, token);
    if (token.expiresAt === undefined && token.access_token) {
      var part = token.access_token.split('.')[1];
      token.expiresAt = JSON.parse(Utilities.newBlob(Utilities.base64DecodeWebSafe(part)).getDataAsString()).exp;
    }
  };
}
function attempt(action) { try { return action(); } catch (e) { return 'threw ' + e.message; } }
function authorizationUrl() { return service().setParam('prompt', 'consent').getAuthorizationUrl(); }
function authCallback(request) {
  var result = attempt(function () { return service().handleCallback(request); });
  return HtmlService.createHtmlOutput(String(result));
}
function hasAccess() { var s = service(); return { access: s.hasAccess(), error: String(s.getLastError() || '') }; }
function accessToken() { return attempt(function () { return service().getAccessToken(); }); }
function token() { return service().getToken(); }
function reset() { var s = service(); s.getStorage().setValue('account', { id: 1 }); s.reset(); }
function failingRefresh() {
  var s = service();
  var caught = attempt(function () { s.refresh(); });
  return [caught, s.lock_.hasLock(), LockService.getUserLock().tryLock(0)];
}
function library() {
  return { redirect: OAuth2.getRedirectUri(), other: OAuth2.getRedirectUri('abc/def'), names: OAuth2.getServiceNames(PropertiesService.getUserProperties()),
    formats: OAuth2.TOKEN_FORMAT, serviceRedirect: service().getRedirectUri() };
}
function missingClientId() { return attempt(function () { return OAuth2.createService('x').setCallbackFunction('cb').getAuthorizationUrl(); }); }
`;

describe('the OAuth2 library stand-in (apps-script-oauth2 v43)', () => {
  let server: FakeServer;
  let oauth: FakeOAuth;
  let runtime: Runtime;

  beforeEach(async () => {
    server = await startFakeServer({ virtualClockStart: Date.UTC(2025, 4, 1, 12) });
    oauth = installFakeOAuth(server, LOCAL_REDIRECT_URI);
    runtime = runtimeFor(`var BASE = '${server.url}';\n${SCRIPT}`, {
      clock: { kind: 'virtual', sandboxUrl: server.url },
      scriptProperties: { CLIENT_ID: oauth.clientId, CLIENT_SECRET: oauth.clientSecret },
    });
  });
  afterEach(async () => {
    await runtime.close();
    await server.close();
  });

  async function authorize(): Promise<string> {
    const url = String((await runtime.run(ALICE, 'authorizationUrl')).value);
    const page = await runtime.deliverCallback(ALICE, await consentAt(url));
    return (page.value as { html: string }).html;
  }

  const stored = () =>
    JSON.parse(runtime.userProperties(ALICE)['oauth2.jobber'] ?? 'null') as Record<string, unknown> | null;
  const refreshes = () => oauth.tokenRequests.filter((request) => request.grant_type === 'refresh_token');

  it('builds the authorization URL with a state token routed to the callback function', async () => {
    const url = new URL(String((await runtime.run(ALICE, 'authorizationUrl')).value));
    expect(`${url.origin}${url.pathname}`).toBe(`${server.url}/api/oauth/authorize`);
    expect([...url.searchParams.keys()]).toEqual([
      'client_id',
      'response_type',
      'redirect_uri',
      'state',
      'prompt',
    ]);
    expect(url.searchParams.get('redirect_uri')).toBe(LOCAL_REDIRECT_URI);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect((await runtime.run(ALICE, 'missingClientId')).value).toBe('threw Client ID is required.');
  });

  it('exchanges the code in handleCallback and stores the token under oauth2.<service>, cached for 6 hours', async () => {
    expect(await authorize()).toBe('true');
    expect(oauth.tokenRequests[0]).toEqual({
      code: expect.any(String),
      client_id: oauth.clientId,
      client_secret: oauth.clientSecret,
      redirect_uri: LOCAL_REDIRECT_URI,
      grant_type: 'authorization_code',
    });
    const token = stored();
    expect(token).toEqual({ access_token: expect.any(String), refresh_token: expect.any(String) });
    expect(runtime.userCache(ALICE)['oauth2.jobber']).toBe(JSON.stringify(token));
    server.clock?.advance(21_600_000);
    await runtime.run(ALICE, 'library');
    expect(runtime.userCache(ALICE)['oauth2.jobber']).toBeUndefined();
    expect((await runtime.run(ALICE, 'token')).value).toEqual(token);
  });

  it('returns false on access_denied, throws on other errors, and exchanges a missing code as "undefined"', async () => {
    const deliver = async (query: string) => {
      const state = new URL(String((await runtime.run(ALICE, 'authorizationUrl')).value)).searchParams.get(
        'state',
      );
      const page = await runtime.deliverCallback(ALICE, `${LOCAL_REDIRECT_URI}?${query}&state=${state}`);
      return (page.value as { html: string }).html;
    };
    expect(await deliver('error=access_denied')).toBe('false');
    expect(await deliver('error=server_error')).toBe('threw Error authorizing token: server_error');
    expect(await deliver('nothing=here')).toBe('threw Error retrieving token: invalid_grant, bad code');
    expect(oauth.tokenRequests.at(-1)?.code).toBe('undefined');
  });

  it('never reaches the callback function when a denial redirects without the state, as Jobber’s does', async () => {
    oauth.consent = 'deny';
    const url = String((await runtime.run(ALICE, 'authorizationUrl')).value);
    const location = await consentAt(url);
    expect(location).toBe(LOCAL_REDIRECT_URI);
    expect((await runtime.deliverCallback(ALICE, location)).error).toEqual({
      kind: 'exception',
      text: 'The state token is invalid or has expired. Please try again.',
    });
  });

  it('never expires a token that has no expires_in, even when its JWT access token has', async () => {
    await authorize();
    server.clock?.advance(2 * 3600_000);
    expect((await runtime.run(ALICE, 'hasAccess')).value).toEqual({ access: true, error: '' });
    expect(refreshes()).toHaveLength(0);
  });

  it('refreshes under the lock when expires_in says so, keeping the old refresh token if none comes back', async () => {
    oauth.extras = { expires_in: 3600 };
    oauth.rotate = false;
    oauth.returnRefreshToken = false;
    await authorize();
    const first = stored();
    expect(first?.expiresAt).toBe(Math.floor(Date.UTC(2025, 4, 1, 12) / 1000) + 3600);
    server.clock?.advance(3600_000 - 59_000);
    expect((await runtime.run(ALICE, 'hasAccess')).value).toEqual({ access: true, error: '' });
    expect(refreshes()).toHaveLength(1);
    expect(refreshes()[0]).toEqual({
      refresh_token: first?.refresh_token,
      client_id: oauth.clientId,
      client_secret: oauth.clientSecret,
      grant_type: 'refresh_token',
    });
    expect(stored()?.refresh_token).toBe(first?.refresh_token);
    expect(stored()?.access_token).not.toBe(first?.access_token);
  });

  it('refreshes once when concurrent executions find the token expired, thanks to the lock and the re-read', async () => {
    oauth.extras = { expires_in: 3600 };
    await authorize();
    server.clock?.advance(3600_000);
    const results = await Promise.all([1, 2, 3].map(() => runtime.run(ALICE, 'hasAccess')));
    expect(results.map((r) => r.value)).toEqual(Array(3).fill({ access: true, error: '' }));
    expect(refreshes()).toHaveLength(1);
  });

  it('reports a failed refresh only through getLastError, and leaves the stored token as it was', async () => {
    oauth.extras = { expires_in: 3600 };
    await authorize();
    const before = runtime.userProperties(ALICE)['oauth2.jobber'];
    runtime.setUserProperty(
      ALICE,
      'oauth2.jobber',
      JSON.stringify({ ...stored(), refresh_token: 'revoked' }),
    );
    runtime.clearCaches();
    server.clock?.advance(3600_000);
    expect((await runtime.run(ALICE, 'hasAccess')).value).toEqual({
      access: false,
      error: 'Error: Error retrieving token: invalid_grant, bad refresh token',
    });
    expect((await runtime.run(ALICE, 'accessToken')).value).toBe('threw Access not granted or expired.');
    expect(JSON.parse(runtime.userProperties(ALICE)['oauth2.jobber'] ?? '{}').refresh_token).toBe('revoked');
    expect(before).toBeDefined();
  });

  it('keeps the lock when refresh() throws (no try/finally), until the execution ends', async () => {
    await authorize();
    runtime.setUserProperty(
      ALICE,
      'oauth2.jobber',
      JSON.stringify({ ...stored(), refresh_token: 'revoked' }),
    );
    runtime.clearCaches();
    expect((await runtime.run(ALICE, 'failingRefresh')).value).toEqual([
      'threw Error retrieving token: invalid_grant, bad refresh token',
      true,
      false,
    ]);
    expect(runtime.isLocked({ user: ALICE })).toBe(false);
  });

  it('believes a cached __NULL__ marker for 6 hours, even when the property appears meanwhile', async () => {
    expect((await runtime.run(ALICE, 'hasAccess')).value).toEqual({ access: false, error: '' });
    expect(runtime.userCache(ALICE)['oauth2.jobber']).toBe('"__NULL__"');
    runtime.setUserProperty(
      ALICE,
      'oauth2.jobber',
      JSON.stringify({ access_token: jwt(Date.now(), 3600), refresh_token: 'r' }),
    );
    expect((await runtime.run(ALICE, 'hasAccess')).value).toEqual({ access: false, error: '' });
    server.clock?.advance(21_600_000);
    expect((await runtime.run(ALICE, 'hasAccess')).value).toEqual({ access: true, error: '' });
  });

  it('takes expiry from an id_token’s exp claim', async () => {
    runtime.setUserProperty(
      ALICE,
      'oauth2.jobber',
      JSON.stringify({ access_token: 'a', id_token: jwt(server.clock?.now() ?? 0, 30) }),
    );
    expect((await runtime.run(ALICE, 'hasAccess')).value).toEqual({ access: false, error: '' });
  });

  it('lets a script override ensureExpiresAtSet_ on its service, since the library calls it through this', async () => {
    runtime.setScriptProperty('JWT_EXPIRY', 'on');
    oauth.accessTokenLifetimeSeconds = 600;
    await authorize();
    expect(stored()?.expiresAt).toBe(Math.floor((server.clock?.now() ?? 0) / 1000) + 600);
    server.clock?.advance(600_000);
    expect((await runtime.run(ALICE, 'hasAccess')).value).toEqual({ access: true, error: '' });
    expect(refreshes()).toHaveLength(1);
    expect(stored()?.expiresAt).toBe(Math.floor((server.clock?.now() ?? 0) / 1000) + 600);
  });

  it('does not apply such an override to a token stored before it: isExpired_ never stamps one', async () => {
    oauth.accessTokenLifetimeSeconds = 600;
    await authorize();
    runtime.setScriptProperty('JWT_EXPIRY', 'on');
    server.clock?.advance(3600_000);
    expect((await runtime.run(ALICE, 'hasAccess')).value).toEqual({ access: true, error: '' });
    expect(refreshes()).toHaveLength(0);
  });

  it('reset() removes the token and the service’s custom values from properties and cache', async () => {
    await authorize();
    runtime.setUserProperty(ALICE, 'other', 'kept');
    await runtime.run(ALICE, 'reset');
    expect(runtime.userProperties(ALICE)).toEqual({ other: 'kept' });
    expect(runtime.userCache(ALICE)).toEqual({});
  });

  it('exposes the library’s redirect URI, service names and token formats', async () => {
    await authorize();
    expect((await runtime.run(ALICE, 'library')).value).toEqual({
      redirect: LOCAL_REDIRECT_URI,
      other: 'https://script.google.com/macros/d/abc%2Fdef/usercallback',
      names: ['jobber'],
      formats: { JSON: 'application/json', FORM_URL_ENCODED: 'application/x-www-form-urlencoded' },
      serviceRedirect: LOCAL_REDIRECT_URI,
    });
  });
});

describe('a runtime serving its own callback (scriptOrigin)', () => {
  it('builds the redirect URI and accepts callbacks on the given origin instead of script.google.com', async () => {
    const origin = 'http://127.0.0.1:8700';
    const callback = `${origin}/macros/d/${LOCAL_SCRIPT_ID}/usercallback`;
    const server = await startFakeServer();
    const oauth = installFakeOAuth(server, callback);
    const runtime = runtimeFor(`var BASE = '${server.url}';\n${SCRIPT}`, {
      scriptOrigin: origin,
      scriptProperties: { CLIENT_ID: oauth.clientId, CLIENT_SECRET: oauth.clientSecret },
      allowedOrigins: [server.url],
    });
    try {
      expect(runtime.redirectUri).toBe(callback);
      const library = (await runtime.run(ALICE, 'library')).value as Record<string, unknown>;
      expect(library).toMatchObject({ redirect: callback, serviceRedirect: callback });
      const url = String((await runtime.run(ALICE, 'authorizationUrl')).value);
      expect(new URL(url).searchParams.get('redirect_uri')).toBe(callback);
      const landing = await consentAt(url);
      expect(landing.startsWith(`${callback}?`)).toBe(true);
      expect((await runtime.deliverCallback(ALICE, landing)).value).toMatchObject({ html: 'true' });
      const elsewhere = landing.replace(origin, 'https://script.google.com');
      expect((await runtime.deliverCallback(ALICE, elsewhere)).error?.text).toMatch(
        /^Not this script's callback/,
      );
    } finally {
      await runtime.close();
      await server.close();
    }
  });

  it('refuses a scriptOrigin that is not a bare http(s) origin', () => {
    for (const origin of ['http://127.0.0.1:8700/app', 'ftp://127.0.0.1', 'http://127.0.0.1:8700/?a=1'])
      expect(() => runtimeFor('', { scriptOrigin: origin })).toThrow(/scriptOrigin must be/);
  });
});

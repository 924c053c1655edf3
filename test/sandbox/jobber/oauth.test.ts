import { LOCAL_REDIRECT_URI } from '../../../sandbox/shared/local-apps-script';
import { startSandbox, type SandboxHandle } from '../../../sandbox/jobber/harness';
import { authorize, data, graphql, jwtPayload, refreshParams, tokenRequest } from './support';

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'tiny', clock: 'virtual', accessTokenLifetimeSeconds: 600 });
});
afterAll(() => sandbox.stop());

function authorizeParams(extra: Record<string, string> = {}): Record<string, string> {
  return {
    response_type: 'code',
    client_id: sandbox.app.clientId,
    redirect_uri: LOCAL_REDIRECT_URI,
    ...extra,
  };
}

async function codeFromAuthorize(state?: string): Promise<string> {
  const { status, location } = await authorize(sandbox, authorizeParams(state ? { state } : {}));
  expect(status).toBe(302);
  const code = new URL(location ?? '').searchParams.get('code');
  if (!code) throw new Error(`No code in ${String(location)}`);
  return code;
}

function exchangeParams(code: string, redirectUri = LOCAL_REDIRECT_URI): Record<string, string> {
  return {
    grant_type: 'authorization_code',
    client_id: sandbox.app.clientId,
    client_secret: sandbox.app.clientSecret,
    code,
    redirect_uri: redirectUri,
  };
}

describe('authorize', () => {
  it('redirects to the registered callback with a code and the state passed through', async () => {
    const { status, location } = await authorize(sandbox, authorizeParams({ state: 'opaque-state-123' }));
    expect(status).toBe(302);
    const url = new URL(location ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(LOCAL_REDIRECT_URI);
    expect(url.searchParams.get('state')).toBe('opaque-state-123');
    expect(url.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('sends no state back when none was given (Marketplace Connect button)', async () => {
    const { location } = await authorize(sandbox, authorizeParams());
    expect(new URL(location ?? '').searchParams.has('state')).toBe(false);
  });

  it('rejects an unknown client_id without redirecting', async () => {
    const { status, location } = await authorize(sandbox, authorizeParams({ client_id: 'not-registered' }));
    expect(status).toBe(400);
    expect(location).toBeNull();
  });

  it('rejects a redirect_uri that is not exactly a registered one', async () => {
    for (const redirect of [
      `${LOCAL_REDIRECT_URI}/`,
      `${LOCAL_REDIRECT_URI}?x=1`,
      'https://example.com/callback',
    ]) {
      const { status, location } = await authorize(sandbox, authorizeParams({ redirect_uri: redirect }));
      expect(status).toBe(400);
      expect(location).toBeNull();
    }
  });

  it('redirects back with no parameters at all when the user denies', async () => {
    await sandbox.control.setConsent({ mode: 'deny' });
    const { status, location } = await authorize(sandbox, authorizeParams({ state: 's' }));
    expect(status).toBe(302);
    expect(location).toBe(LOCAL_REDIRECT_URI);
  });

  it('consents for the account and user chosen through the control API', async () => {
    const other = sandbox.accounts[1];
    const admin = other?.users.find((user) => user.isAccountOwner);
    if (!other || !admin) throw new Error('expected a second account');
    await sandbox.control.setConsent({ mode: 'approve', accountId: other.id, userId: admin.id });
    const code = await codeFromAuthorize();
    const { body } = await tokenRequest(sandbox, exchangeParams(code));
    const result = await data<{ account: { id: string } }>(
      sandbox,
      '{ account { id } }',
      {},
      String(body.access_token),
    );
    expect(result.account.id).toBe(other.id);
  });
});

describe('token endpoint: authorization_code', () => {
  it('answers with only access_token and refresh_token; the access token is a JWT with exp and account claims', async () => {
    const before = (await sandbox.control.clock.now()).now;
    const { status, body } = await tokenRequest(sandbox, exchangeParams(await codeFromAuthorize()));
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['access_token', 'refresh_token']);
    const claims = jwtPayload(String(body.access_token));
    expect(claims.exp).toBe(Math.floor(before / 1000) + 600);
    expect(claims.account_id).toBe(sandbox.demo.accountId);
    expect(claims.sub).toBe(sandbox.accounts[0]?.users.find((user) => user.isAccountOwner)?.id);
  });

  it('accepts a code only once, and revokes what the first exchange issued when it is replayed', async () => {
    const code = await codeFromAuthorize();
    const first = await tokenRequest(sandbox, exchangeParams(code));
    const replay = await tokenRequest(sandbox, exchangeParams(code));
    expect(replay).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_grant' }) });
    const afterReplay = await graphql(
      sandbox,
      '{ account { id } }',
      {},
      { token: String(first.body.access_token) },
    );
    expect(afterReplay.status).toBe(401);
  });

  it('rejects a code after it expires (60 s by default)', async () => {
    const code = await codeFromAuthorize();
    await sandbox.control.clock.advance(61_000);
    expect(await tokenRequest(sandbox, exchangeParams(code))).toEqual({
      status: 400,
      body: expect.objectContaining({ error: 'invalid_grant' }),
    });
  });

  it('rejects a redirect_uri that differs from the authorize request', async () => {
    const code = await codeFromAuthorize();
    const result = await tokenRequest(sandbox, exchangeParams(code, 'https://example.com/other'));
    expect(result).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_grant' }) });
  });

  it('accepts form-encoded bodies only', async () => {
    const result = await tokenRequest(sandbox, exchangeParams(await codeFromAuthorize()), 'application/json');
    expect(result).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_request' }) });
  });

  it('answers invalid_client for a wrong secret and unsupported_grant_type for other grants', async () => {
    const wrongSecret = await tokenRequest(sandbox, { ...exchangeParams('x'), client_secret: 'wrong' });
    expect(wrongSecret).toEqual({ status: 401, body: expect.objectContaining({ error: 'invalid_client' }) });
    const clientCredentials = await tokenRequest(sandbox, {
      ...exchangeParams('x'),
      grant_type: 'client_credentials',
    });
    expect(clientCredentials).toEqual({
      status: 400,
      body: expect.objectContaining({ error: 'unsupported_grant_type' }),
    });
  });

  it('authenticates the client before the code: a code that cannot exist tells right credentials from wrong', async () => {
    // The setup page's check relies on this order (docs/sandbox.md, Assumptions).
    const probe = {
      ...exchangeParams('jobber-connector-setup-check'),
      redirect_uri: 'https://elsewhere.example/cb',
    };
    expect(await tokenRequest(sandbox, probe)).toEqual({
      status: 400,
      body: expect.objectContaining({ error: 'invalid_grant' }),
    });
    expect(await tokenRequest(sandbox, { ...probe, client_secret: 'wrong' })).toEqual({
      status: 401,
      body: expect.objectContaining({ error: 'invalid_client' }),
    });
    expect(await tokenRequest(sandbox, { ...probe, client_id: 'unknown' })).toEqual({
      status: 401,
      body: expect.objectContaining({ error: 'invalid_client' }),
    });
  });
});

describe('token endpoint: refresh_token with rotation', () => {
  it('returns a new refresh token each time and kills the one used at once', async () => {
    const minted = await sandbox.control.mintTokens(sandbox.demo.accountId);
    const first = await tokenRequest(sandbox, refreshParams(sandbox, minted.refreshToken));
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(minted.refreshToken);
    const reuse = await tokenRequest(sandbox, refreshParams(sandbox, minted.refreshToken));
    expect(reuse).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_grant' }) });
    const second = await tokenRequest(sandbox, refreshParams(sandbox, String(first.body.refresh_token)));
    expect(second.status).toBe(200);
    const log = await sandbox.control.requests.list();
    const events = log
      .filter((entry) => entry.endpoint === 'token')
      .map((entry) => entry.refreshFamily?.event);
    expect(events.slice(-3)).toEqual(['rotated', 'reused_dead', 'rotated']);
  });

  it('expires access tokens at exp: 401 Invalid Token Error, and a refresh gives a working one', async () => {
    const minted = await sandbox.control.mintTokens(sandbox.demo.accountId);
    await sandbox.control.clock.advance(601_000);
    const expired = await graphql(sandbox, '{ account { id } }', {}, { token: minted.accessToken });
    expect(expired.status).toBe(401);
    expect(expired.body.message).toBe('Invalid Token Error');
    const refreshed = await tokenRequest(sandbox, refreshParams(sandbox, minted.refreshToken));
    const ok = await graphql(
      sandbox,
      '{ account { id } }',
      {},
      { token: String(refreshed.body.access_token) },
    );
    expect(ok.status).toBe(200);
  });
});

describe('disconnect and deactivation', () => {
  it('disconnecting the app kills both tokens', async () => {
    const account = sandbox.accounts[2];
    if (!account) throw new Error('expected a third account');
    const minted = await sandbox.control.mintTokens(account.id);
    await sandbox.control.disconnect(account.id);
    const query = await graphql(sandbox, '{ account { id } }', {}, { token: minted.accessToken });
    expect(query.status).toBe(401);
    expect(query.body.message).toBe(
      'User has disconnected this app from their account. Please delete this token',
    );
    const refresh = await tokenRequest(sandbox, refreshParams(sandbox, minted.refreshToken));
    expect(refresh).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_grant' }) });
  });

  it('an inactive account answers 403 "This account is not active" and refuses refreshes', async () => {
    const account = sandbox.accounts[1];
    if (!account) throw new Error('expected a second account');
    const minted = await sandbox.control.mintTokens(account.id);
    await sandbox.control.deactivate(account.id);
    const query = await graphql(sandbox, '{ account { id } }', {}, { token: minted.accessToken });
    expect(query.status).toBe(403);
    expect(query.body.error).toEqual({ message: 'This account is not active' });
    const refresh = await tokenRequest(sandbox, refreshParams(sandbox, minted.refreshToken));
    expect(refresh.status).toBe(400);
    await sandbox.control.activate(account.id);
    const again = await tokenRequest(sandbox, refreshParams(sandbox, minted.refreshToken));
    expect(again.status).toBe(200);
  });
});

describe('refresh without rotation', () => {
  it('returns the same refresh token every time, which keeps working', async () => {
    const plain = await startSandbox({ size: 'tiny', rotation: false });
    try {
      const first = await tokenRequest(plain, refreshParams(plain, plain.demo.refreshToken));
      const second = await tokenRequest(plain, refreshParams(plain, plain.demo.refreshToken));
      expect([first.status, second.status]).toEqual([200, 200]);
      expect([first.body.refresh_token, second.body.refresh_token]).toEqual([
        plain.demo.refreshToken,
        plain.demo.refreshToken,
      ]);
      expect(first.body.access_token).not.toBe(second.body.access_token);
    } finally {
      await plain.stop();
    }
  });
});

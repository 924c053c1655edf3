import { randomBytes } from 'node:crypto';
import { get } from 'node:http';
import { json, type FakeResponse, type FakeServer } from './fake-server';

/**
 * A Jobber-like OAuth provider on a FakeServer: /api/oauth/authorize redirects to the callback with
 * a code (or, when denying, with no parameters at all, as Jobber does); /api/oauth/token exchanges
 * codes and refresh tokens for JWT access tokens whose expiry is only in their `exp` claim.
 * Credentials are made at run time.
 */
export interface FakeOAuth {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokenRequests: Array<Record<string, string>>;
  /** Extra fields of every token response (e.g. expires_in). */
  extras: Record<string, unknown>;
  /** Whether a refresh returns a new refresh token (and retires the old one). */
  rotate: boolean;
  /** Whether a refresh response carries a refresh token at all. */
  returnRefreshToken: boolean;
  /** The user's choice on the consent screen. */
  consent: 'approve' | 'deny';
  accessTokenLifetimeSeconds: number;
  /** Whether this Authorization header carries an access token this provider issued. */
  authorizes(authorization: string | undefined): boolean;
}

export function installFakeOAuth(server: FakeServer, redirectUri: string): FakeOAuth {
  const oauth: FakeOAuth = {
    clientId: `client-${randomBytes(6).toString('hex')}`,
    clientSecret: randomBytes(12).toString('base64url'),
    tokenRequests: [],
    extras: {},
    rotate: true,
    returnRefreshToken: true,
    consent: 'approve',
    accessTokenLifetimeSeconds: 3600,
    authorizes: (authorization) => accessTokens.has(String(authorization).replace(/^Bearer /, '')),
  };
  const accessTokens = new Set<string>();
  const codes = new Set<string>();
  const refreshTokens = new Set<string>();
  const now = () => server.clock?.now() ?? Date.now();

  server.route('GET', '/api/oauth/authorize', (request) => {
    const { query } = request;
    if (query.get('client_id') !== oauth.clientId || query.get('redirect_uri') !== redirectUri)
      return { status: 400, body: 'unknown client or callback' };
    if (oauth.consent === 'deny') return { status: 302, headers: { Location: redirectUri } };
    const code = randomBytes(8).toString('hex');
    codes.add(code);
    const state = encodeURIComponent(query.get('state') ?? '');
    return { status: 302, headers: { Location: `${redirectUri}?code=${code}&state=${state}` } };
  });

  server.route('POST', '/api/oauth/token', (request) => {
    const form = Object.fromEntries(new URLSearchParams(request.body));
    oauth.tokenRequests.push(form);
    if (form.client_id !== oauth.clientId || form.client_secret !== oauth.clientSecret)
      return json({ error: 'invalid_client' }, 401);
    if (form.grant_type === 'authorization_code') {
      if (!form.code || !codes.delete(form.code) || form.redirect_uri !== redirectUri)
        return invalidGrant('bad code');
      return issue(true);
    }
    if (form.grant_type === 'refresh_token') {
      if (!form.refresh_token || !refreshTokens.has(form.refresh_token))
        return invalidGrant('bad refresh token');
      if (oauth.rotate) refreshTokens.delete(form.refresh_token);
      return issue(oauth.returnRefreshToken);
    }
    return json({ error: 'unsupported_grant_type' }, 400);
  });

  function issue(withRefreshToken: boolean): FakeResponse {
    const accessToken = jwt(now(), oauth.accessTokenLifetimeSeconds);
    accessTokens.add(accessToken);
    const body: Record<string, unknown> = { access_token: accessToken, ...oauth.extras };
    if (withRefreshToken) {
      const refreshToken = randomBytes(16).toString('base64url');
      refreshTokens.add(refreshToken);
      body.refresh_token = refreshToken;
    }
    return json(body);
  }
  return oauth;
}

function invalidGrant(description: string): FakeResponse {
  return json({ error: 'invalid_grant', error_description: description }, 400);
}

/** An unsigned-looking JWT whose only expiry is its exp claim. */
export function jwt(nowMs: number, lifetimeSeconds: number, claims: Record<string, unknown> = {}): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = {
    exp: Math.floor(nowMs / 1000) + lifetimeSeconds,
    sub: randomBytes(4).toString('hex'),
    ...claims,
  };
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.${randomBytes(16).toString('base64url')}`;
}

/** Follows an authorize URL the way a browser would, and returns the redirect's Location. */
export function consentAt(authorizeUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(authorizeUrl, (response) => {
      response.resume();
      const location = response.headers.location;
      if (response.statusCode !== 302 || !location)
        reject(new Error(`The authorize URL answered ${response.statusCode}`));
      else resolve(location);
    }).on('error', reject);
  });
}

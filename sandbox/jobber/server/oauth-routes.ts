import type { IncomingMessage, ServerResponse } from 'node:http';
import { idOfKind } from '../core/ids';
import type { RefreshFamilyEvent } from '../control-types';
import type { TokenPair } from '../oauth/grants';
import { applyFault } from './fault-responses';
import { mediaType, readBody, redirect, sendJson } from './http';
import type { SandboxState } from './state';

type OAuthError =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'access_denied';

function oauthError(
  error: OAuthError,
  description: string,
): { error: OAuthError; error_description: string } {
  return { error, error_description: description };
}

/**
 * GET /api/oauth/authorize: validates the app and its exact callback URL, then consents (by the
 * demo account's owner unless told otherwise) and redirects with a code and the state. A denial
 * redirects to the callback with no parameters at all, as Jobber does.
 */
export function handleAuthorize(state: SandboxState, url: URL, res: ServerResponse): void {
  const params = url.searchParams;
  const app = state.apps.get(params.get('client_id') ?? '');
  const redirectUri = params.get('redirect_uri') ?? '';
  const fail = (status: number, body: ReturnType<typeof oauthError>): void => {
    state.log.add({ endpoint: 'authorize', at: state.clock.now(), status, outcome: body.error });
    sendJson(res, status, body);
  };
  if (!app) return fail(400, oauthError('invalid_request', 'Unknown client_id'));
  if (!app.redirectUris.includes(redirectUri)) {
    return fail(
      400,
      oauthError(
        'invalid_request',
        'redirect_uri does not exactly match a callback URL registered for this app',
      ),
    );
  }
  if (params.get('response_type') !== 'code')
    return fail(400, oauthError('unsupported_response_type', 'response_type must be code'));
  const consent = state.takeConsent();
  if (consent.mode === 'deny') {
    state.log.add({ endpoint: 'authorize', at: state.clock.now(), status: 302, outcome: 'denied' });
    return redirect(res, redirectUri);
  }
  const accountIndex = consent.accountId === undefined ? 1 : state.accountIndex(consent.accountId);
  if (accountIndex === undefined)
    return fail(400, oauthError('invalid_request', 'Unknown account in the consent choice'));
  if (state.inactiveAccounts.has(accountIndex))
    return fail(403, oauthError('access_denied', 'This account is not active'));
  const users = state.account(accountIndex).records.users;
  const userIndex = consent.userId === undefined ? users[0]?.id : idOfKind(consent.userId, 'User');
  const user = users.find((candidate) => candidate.id === userIndex);
  if (!user || !user.isAccountAdmin || user.status !== 'ACTIVATED') {
    return fail(403, oauthError('access_denied', 'Only an active admin of the account can connect an app'));
  }
  const code = state.grants.issueCode({
    clientId: app.clientId,
    redirectUri,
    accountId: accountIndex,
    userId: user.id,
    expiresAt: state.clock.now() + state.config.codeLifetimeSeconds * 1000,
  });
  const query = new URLSearchParams({ code });
  const stateParam = params.get('state');
  if (stateParam !== null) query.set('state', stateParam);
  state.log.add({
    endpoint: 'authorize',
    at: state.clock.now(),
    status: 302,
    accountId: state.accountId(accountIndex),
    outcome: 'approved',
  });
  redirect(res, `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${query.toString()}`);
}

interface TokenOutcome {
  status: number;
  body: unknown;
  grantType?: string;
  accountIndex?: number;
  family?: { grantId: number; event: RefreshFamilyEvent };
}

/** POST /api/oauth/token, form-encoded only: authorization_code and refresh_token grants. */
export async function handleToken(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req);
  const params = new URLSearchParams(body);
  const grantType = params.get('grant_type') ?? undefined;
  const at = state.clock.now();
  const fault =
    mediaType(req) === 'application/x-www-form-urlencoded'
      ? state.faults.take({ endpoint: 'token', grantType })
      : undefined;
  if (fault) {
    state.log.add({ endpoint: 'token', at, status: 0, grantType, fault: fault.kind });
    if (fault.kind === 'invalidGrant')
      return sendJson(res, 400, oauthError('invalid_grant', 'The refresh token is invalid'));
    // A `slow` fault delays the normal answer; the other kinds replace it.
    return applyFault(state, fault, res, () => answerToken(state, req, res, params, at));
  }
  answerToken(state, req, res, params, at);
}

function answerToken(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
  params: URLSearchParams,
  at: number,
): void {
  const outcome = tokenOutcome(state, req, params);
  state.log.add({
    endpoint: 'token',
    at,
    status: outcome.status,
    grantType: outcome.grantType,
    accountId: outcome.accountIndex === undefined ? undefined : state.accountId(outcome.accountIndex),
    outcome: (outcome.body as { error?: string }).error ?? 'issued',
    refreshFamily: outcome.family,
  });
  sendJson(res, outcome.status, outcome.body);
}

function tokenOutcome(state: SandboxState, req: IncomingMessage, params: URLSearchParams): TokenOutcome {
  if (mediaType(req) !== 'application/x-www-form-urlencoded') {
    return {
      status: 400,
      body: oauthError(
        'invalid_request',
        'The token endpoint accepts application/x-www-form-urlencoded bodies only',
      ),
    };
  }
  const app = state.apps.get(params.get('client_id') ?? '');
  if (!app || params.get('client_secret') !== app.clientSecret) {
    return { status: 401, body: oauthError('invalid_client', 'Client authentication failed') };
  }
  const grantType = params.get('grant_type') ?? '';
  if (grantType === 'authorization_code') return { ...exchangeCode(state, app.clientId, params), grantType };
  if (grantType === 'refresh_token')
    return { ...refresh(state, app.clientId, app.rotation, params), grantType };
  return {
    status: 400,
    body: oauthError('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token'),
    grantType,
  };
}

function tokens(pair: TokenPair): unknown {
  return { access_token: pair.accessToken, refresh_token: pair.refreshToken };
}

function exchangeCode(state: SandboxState, clientId: string, params: URLSearchParams): TokenOutcome {
  const value = params.get('code');
  const redirectUri = params.get('redirect_uri');
  if (!value || !redirectUri)
    return { status: 400, body: oauthError('invalid_request', 'code and redirect_uri are required') };
  const code = state.grants.code(value);
  const now = state.clock.now();
  if (!code || code.clientId !== clientId)
    return { status: 400, body: oauthError('invalid_grant', 'Unknown authorization code') };
  if (code.used) {
    if (code.grantId !== null) state.grants.revokeGrant(code.grantId, 'code_reused');
    const family =
      code.grantId === null ? undefined : { grantId: code.grantId, event: 'code_reused' as const };
    return {
      status: 400,
      body: oauthError('invalid_grant', 'The authorization code was already used'),
      family,
    };
  }
  if (now > code.expiresAt)
    return { status: 400, body: oauthError('invalid_grant', 'The authorization code has expired') };
  if (redirectUri !== code.redirectUri)
    return {
      status: 400,
      body: oauthError('invalid_grant', 'redirect_uri does not match the authorization request'),
    };
  if (state.inactiveAccounts.has(code.accountId))
    return { status: 400, body: oauthError('invalid_grant', 'This account is not active') };
  const pair = state.grants.createGrant(clientId, code.accountId, code.userId, now);
  code.used = true;
  code.grantId = pair.grant.id;
  return {
    status: 200,
    body: tokens(pair),
    accountIndex: code.accountId,
    family: { grantId: pair.grant.id, event: 'issued' },
  };
}

function refresh(
  state: SandboxState,
  clientId: string,
  rotation: boolean,
  params: URLSearchParams,
): TokenOutcome {
  const token = params.get('refresh_token');
  if (!token) return { status: 400, body: oauthError('invalid_request', 'refresh_token is required') };
  const owner = state.grants.grantOfRefresh(token);
  if (owner && owner.clientId === clientId && state.inactiveAccounts.has(owner.accountId)) {
    return {
      status: 400,
      body: oauthError('invalid_grant', 'This account is not active'),
      accountIndex: owner.accountId,
    };
  }
  const result = state.grants.refresh(token, clientId, rotation, state.clock.now());
  if (!result.ok) {
    const event: RefreshFamilyEvent = result.reason === 'rotated' ? 'reused_dead' : 'revoked_use';
    const family = result.grantId === undefined ? undefined : { grantId: result.grantId, event };
    return {
      status: 400,
      body: oauthError('invalid_grant', 'The refresh token is invalid, expired or revoked'),
      family,
    };
  }
  const { grant } = result.pair;
  const family = { grantId: grant.id, event: result.rotated ? ('rotated' as const) : ('reissued' as const) };
  return { status: 200, body: tokens(result.pair), accountIndex: grant.accountId, family };
}

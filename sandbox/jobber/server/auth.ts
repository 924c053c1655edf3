import { DISCONNECTED_MESSAGE } from './fault-responses';
import type { SandboxState } from './state';

export type Caller =
  | {
      readonly ok: true;
      readonly grantId: number;
      readonly clientId: string;
      readonly appName: string;
      readonly accountIndex: number;
      readonly userId: number;
    }
  | { readonly ok: false; readonly status: 401; readonly body: unknown; readonly outcome: string };

/** The Bearer token's grant, or Jobber's 401 for a missing, invalid, expired or disconnected token. */
export function authenticate(state: SandboxState, header: string | undefined): Caller {
  const match = /^Bearer\s+(\S+)$/.exec(header ?? '');
  if (!match?.[1]) {
    return {
      ok: false,
      status: 401,
      body: { error: 'invalid_request', message: 'Access token is missing' },
      outcome: 'missing_token',
    };
  }
  const check = state.grants.checkAccess(match[1], state.clock.now());
  if (!check.ok) {
    if (check.reason === 'disconnected')
      return { ok: false, status: 401, body: { message: DISCONNECTED_MESSAGE }, outcome: 'disconnected' };
    if (check.reason === 'expired')
      return { ok: false, status: 401, body: { message: 'Invalid Token Error' }, outcome: 'expired_token' };
    return {
      ok: false,
      status: 401,
      body: { error: 'invalid_request', message: 'Invalid access token' },
      outcome: 'invalid_token',
    };
  }
  const app = state.apps.get(check.grant.clientId);
  return {
    ok: true,
    grantId: check.grant.id,
    clientId: check.grant.clientId,
    appName: app?.name ?? 'app',
    accountIndex: check.grant.accountId,
    userId: check.grant.userId,
  };
}

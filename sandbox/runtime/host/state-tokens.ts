import { randomBytes } from 'node:crypto';
import { STATE_TOKEN_MAX_TIMEOUT_SECONDS } from './limits';
import { ServiceError } from './service-error';

export interface StateTokenGrant {
  readonly user: string;
  readonly method: string;
  readonly args: Readonly<Record<string, string>>;
  readonly expiresAt: number;
}

/**
 * ScriptApp.newStateToken(): an opaque token that Apps Script's /usercallback endpoint accepts
 * once, before it expires, from the user who created it, and turns into a call of the named function.
 */
export class StateTokens {
  private readonly grants = new Map<string, StateTokenGrant>();

  constructor(private readonly now: () => number) {}

  create(
    user: string,
    method: string,
    args: Readonly<Record<string, string>>,
    timeoutSeconds: number,
  ): string {
    if (!method) throw new ServiceError('Invalid argument: a state token needs a method (withMethod).');
    if (!(timeoutSeconds > 0) || timeoutSeconds > STATE_TOKEN_MAX_TIMEOUT_SECONDS)
      throw new ServiceError('Invalid argument: seconds');
    const token = randomBytes(48).toString('base64url');
    this.grants.set(token, {
      user,
      method,
      args: { ...args },
      expiresAt: this.now() + timeoutSeconds * 1000,
    });
    return token;
  }

  /** The grant for a token presented by `user`, consumed; null when unknown, expired or not theirs. */
  redeem(user: string, token: string): StateTokenGrant | null {
    const grant = this.grants.get(token);
    if (!grant) return null;
    this.grants.delete(token);
    if (grant.user !== user || grant.expiresAt <= this.now()) return null;
    return grant;
  }
}

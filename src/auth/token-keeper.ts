import {
  ConnectorError,
  JOBBER_DISCONNECTED_TEXT as DISCONNECTED,
  JOBBER_INACTIVE_TEXT as INACTIVE,
  URLFETCH_DAILY_QUOTA_TEXT as URLFETCH_DAILY_QUOTA,
  JobberFailure,
  accountInactive,
  appDisconnected,
  clientRejected,
  describeError,
  lockUnavailable,
  reconnectRequired,
  redact,
} from '../errors';
import type { Clock, Codec, Lock, Logger, OAuthService } from '../platform';
import { expiresSoon, jwtTimes } from './jwt';

/** How long an execution waits for another one that is renewing the tokens. */
export const LOCK_WAIT_MS = 30_000;

export interface TokenKeeperDeps {
  /** The OAuth2 service of this execution (created on first use). */
  readonly service: () => OAuthService;
  /** The same object given to the service's setLock, so the library sees that we hold it. */
  readonly lock: Lock;
  readonly clock: Clock;
  readonly codec: Codec;
  readonly logger: Logger;
  /** Counts the renewals (the execution's statistics). */
  readonly stats: { tokenRefreshes: number };
  /** Throws the setup error when the app credentials are missing. */
  readonly requireCredentials: () => void;
  /** Deletes this user's tokens and stored account. */
  readonly forget: () => void;
  /** The setup page's URL for an error about the app credentials; absent or null: none deployed. */
  readonly setupPage?: () => string | null;
  /**
   * Throws the user error when this execution is too close to its end to start a renewal (the
   * runtime budget's last 30 s); the stored token is then left for the next execution to renew.
   */
  readonly assertCanStartRenewal?: () => void;
}

/** The access tokens for Jobber requests (what jobber/'s client asks of them), and isAuthValid. */
export interface TokenKeeper {
  /** A token fresh enough to send now (renewed ahead of expiry). Throws ConnectorError when authorization is gone. */
  current(): string;
  /** After Jobber answered 401 to `rejected`: a different token, renewed here or by another execution. */
  replaceRejected(rejected: string): string;
  /** Forget this user's authorization: Jobber says it is dead. */
  forget(): void;
  /** For isAuthValid: a usable token exists, renewed if due. Never throws. */
  isValid(): boolean;
}

interface StoredToken {
  readonly accessToken: string;
}

/**
 * Keeps the access token fresh, safely when Jobber rotates refresh tokens and several executions
 * run at once.
 *
 * Why not override the library's private ensureExpiresAtSet_ to stamp `expiresAt` from the JWT and
 * let hasAccess() refresh? It relies on a private name, it misses tokens stored before the stamp
 * (isExpired_ never stamps), hasAccess() swallows the refresh error (so invalid_grant could not be
 * told from a network failure) and the library's lock is not released when a refresh throws.
 * Instead every token use decodes the JWT `exp` (no stored stamp needed, so old tokens work too);
 * a renewal takes the user lock (released in finally), re-reads the stored token past the
 * execution's memory, and skips the refresh when another execution already renewed it. The library's
 * refresh() then runs inside our lock (it sees hasLock() and does not lock again) and stores the
 * rotated refresh token before the lock is released.
 */
export function createTokenKeeper(deps: TokenKeeperDeps): TokenKeeper {
  const read = (skipMemory: boolean): StoredToken | undefined =>
    storedToken(deps.service().getToken(skipMemory));
  const isDue = (accessToken: string): boolean =>
    expiresSoon(jwtTimes(accessToken, deps.codec), deps.clock.now());

  const renew = (seen: string, why: 'expiring' | 'rejected'): string =>
    underLock(deps.lock, () => {
      const latest = read(true);
      if (!latest) throw reconnectRequired('no stored token when renewing');
      if (latest.accessToken !== seen && !isDue(latest.accessToken)) return latest.accessToken;
      deps.requireCredentials();
      deps.assertCanStartRenewal?.();
      refreshOrThrow(deps);
      deps.stats.tokenRefreshes += 1;
      deps.logger.log('info', 'jobber_token_renewed', { reason: why });
      const renewed = read(false);
      if (!renewed) throw reconnectRequired('no token after renewing');
      return renewed.accessToken;
    });

  const current = (): string => {
    const token = read(false);
    if (!token) throw reconnectRequired('no stored token');
    return isDue(token.accessToken) ? renew(token.accessToken, 'expiring') : token.accessToken;
  };

  return {
    current,
    replaceRejected: (rejected) => renew(rejected, 'rejected'),
    forget: deps.forget,
    isValid: () => {
      try {
        return read(false) !== undefined && current().length > 0;
      } catch (error) {
        // Only a dead authorization or a setup problem means "not valid"; a Jobber hiccup, a busy
        // lock or a renewal left for later keeps the token, and the report then says what happened.
        return !(error instanceof ConnectorError) || !NOT_VALID.has(error.code);
      }
    },
  };
}

const NOT_VALID: ReadonlySet<string> = new Set([
  'RECONNECT_REQUIRED',
  'ACCOUNT_INACTIVE',
  'SETUP_INCOMPLETE',
]);

function storedToken(value: object | null): StoredToken | undefined {
  if (!value) return undefined;
  const accessToken: unknown = (value as { access_token?: unknown }).access_token;
  return typeof accessToken === 'string' && accessToken.length > 0 ? { accessToken } : undefined;
}

/** Runs `body` holding the user lock, released in finally; re-entrant like the library's lockable_. */
function underLock<T>(lock: Lock, body: () => T): T {
  if (lock.hasLock()) return body();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch (error) {
    throw lockUnavailable(`user lock not acquired in ${LOCK_WAIT_MS} ms: ${describeError(error)}`, error);
  }
  try {
    return body();
  } finally {
    lock.releaseLock();
  }
}

function refreshOrThrow(deps: TokenKeeperDeps): void {
  try {
    deps.service().refresh();
  } catch (error) {
    throw refreshFailure(deps, error);
  }
}

// The library reports a failed token request only as text ("Error retrieving token: <error>,
// <message>, …"), so the refresh outcome is read from that text, here and only here.
const GRANT_DEAD = /invalid_grant|Offline access is required/i;
const CLIENT_REJECTED = /invalid_client|unauthorized_client/i;
const HTTP_ANSWER = /Error retrieving token|Token response not valid/i;

function refreshFailure(deps: TokenKeeperDeps, error: unknown): Error {
  const text = redact(describeError(error));
  const debug = `token refresh failed: ${text}`;
  if (DISCONNECTED.test(text)) return forgotten(deps, appDisconnected(debug, error));
  if (INACTIVE.test(text)) return forgotten(deps, accountInactive(debug, error));
  if (GRANT_DEAD.test(text)) return forgotten(deps, reconnectRequired(debug, error));
  if (CLIENT_REJECTED.test(text)) return clientRejected(debug, deps.setupPage?.(), error);
  if (URLFETCH_DAILY_QUOTA.test(text)) return new JobberFailure('daily_quota', debug, {}, error);
  return new JobberFailure(HTTP_ANSWER.test(text) ? 'server' : 'network', debug, {}, error);
}

function forgotten(deps: TokenKeeperDeps, error: ConnectorError): ConnectorError {
  deps.forget();
  return error;
}

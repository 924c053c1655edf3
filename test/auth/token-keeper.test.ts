import { clientCredentials, createOAuthService } from '../../src/auth/oauth-service';
import { createTokenKeeper } from '../../src/auth/token-keeper';
import { ConnectorError, JobberFailure, refreshTooLate } from '../../src/errors';
import { jobberEndpoints } from '../../src/jobber/endpoints';
import type { OAuthService } from '../../src/platform/platform';
import { freshStats } from '../jobber/fakes';
import { reply } from '../support/fake-token-endpoint';
import { FakeUser } from '../support/fake-user';

const MINUTE = 60_000;

/** The token keeper of one execution of `user`. */
function keeperOf(user: FakeUser, assertCanStartRenewal?: () => void) {
  const platform = user.execution();
  const lock = platform.userLock;
  let service: OAuthService | undefined;
  const serviceOnce = () =>
    (service ??= createOAuthService(platform, jobberEndpoints(platform.scriptProperties)));
  const stats = freshStats();
  const keeper = createTokenKeeper({
    service: serviceOnce,
    lock: platform.userLock,
    clock: platform.clock,
    codec: platform.codec,
    logger: platform.logger,
    stats,
    requireCredentials: () => void clientCredentials(platform.scriptProperties),
    forget: () => serviceOnce().reset(),
    ...(assertCanStartRenewal ? { assertCanStartRenewal } : {}),
  });
  return { keeper, stats, lock };
}

function failureOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('keeping the Jobber access token fresh', () => {
  let user: FakeUser;
  beforeEach(() => (user = new FakeUser()));

  it('uses a fresh token as it is: no lock, no refresh', () => {
    user.authorize();
    const { keeper, stats } = keeperOf(user);
    expect(keeper.current()).toBe(user.storedToken()?.access_token);
    expect(user.lock.acquisitions).toBe(0);
    expect(stats.tokenRefreshes).toBe(0);
  });

  it('renews ahead of the JWT exp although Jobber sent no expires_in, and stores the rotated refresh token', () => {
    user.authorize();
    const before = user.storedToken();
    user.clock.nowMs += 59 * MINUTE;
    const { keeper, stats } = keeperOf(user);
    const token = keeper.current();
    const after = user.storedToken();
    expect(token).not.toBe(before?.access_token);
    expect(after?.access_token).toBe(token);
    expect(after?.refresh_token).not.toBe(before?.refresh_token);
    expect(user.endpoint.refreshes).toBe(1);
    expect(stats.tokenRefreshes).toBe(1);
  });

  it('renews under the user lock and releases it', () => {
    user.authorize();
    user.clock.nowMs += 61 * MINUTE;
    const { keeper } = keeperOf(user);
    keeper.current();
    expect(user.lock.acquisitions).toBe(1);
    expect(user.lock.holder).toBeUndefined();
  });

  it('handles a token stored before any expiry stamp (only access_token and refresh_token)', () => {
    user.authorize();
    expect(Object.keys(user.storedToken() ?? {}).sort()).toEqual(['access_token', 'refresh_token']);
    user.clock.nowMs += 2 * 60 * MINUTE;
    keeperOf(user).keeper.current();
    expect(user.endpoint.refreshes).toBe(1);
  });

  it('refreshes once when two executions hold the same expiring token: the second re-reads and reuses', () => {
    user.authorize();
    const first = keeperOf(user);
    const second = keeperOf(user);
    const stale = second.keeper.current();
    user.clock.nowMs += 59 * MINUTE;
    const renewed = first.keeper.current();
    expect(second.keeper.current()).toBe(renewed);
    expect(renewed).not.toBe(stale);
    expect(user.endpoint.refreshes).toBe(1);
    expect(user.endpoint.invalidGrants).toBe(0);
    expect(second.stats.tokenRefreshes).toBe(0);
  });

  it('after a 401, reuses a token another execution already renewed', () => {
    user.authorize();
    const first = keeperOf(user);
    const second = keeperOf(user);
    const rejected = second.keeper.current();
    const renewed = first.keeper.replaceRejected(first.keeper.current());
    expect(second.keeper.replaceRejected(rejected)).toBe(renewed);
    expect(user.endpoint.refreshes).toBe(1);
  });

  it('after a 401, renews even a token whose exp says it is still valid', () => {
    user.authorize();
    const { keeper } = keeperOf(user);
    const rejected = keeper.current();
    expect(keeper.replaceRejected(rejected)).not.toBe(rejected);
    expect(user.endpoint.refreshes).toBe(1);
  });

  it.each([
    ['invalid_grant', reply(400, { error: 'invalid_grant' }), 'RECONNECT_REQUIRED'],
    [
      'the disconnected-app message',
      reply(401, { message: 'User has disconnected this app from their account. Please delete this token' }),
      'RECONNECT_REQUIRED',
    ],
    [
      'the inactive-account message',
      reply(403, { error: { message: 'This account is not active' } }),
      'ACCOUNT_INACTIVE',
    ],
  ])('on %s: forgets the tokens, raises the matching error, releases the lock', (_what, answer, code) => {
    user.authorize();
    user.clock.nowMs += 2 * 60 * MINUTE;
    user.endpoint.failures.push(answer);
    const { keeper } = keeperOf(user);
    const error = failureOf(() => keeper.current());
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe(code);
    expect((error as ConnectorError).cause).toBeInstanceOf(Error); // the library's own error
    expect(user.storedToken()).toBeUndefined();
    expect(user.lock.holder).toBeUndefined();
  });

  it('keeps the tokens when the token endpoint fails for a while (a retryable Jobber failure)', () => {
    user.authorize();
    user.clock.nowMs += 2 * 60 * MINUTE;
    user.endpoint.failures.push(reply(503, { message: 'Service temporarily unavailable' }));
    const { keeper } = keeperOf(user);
    const error = failureOf(() => keeper.current());
    expect(error).toBeInstanceOf(JobberFailure);
    expect((error as JobberFailure).kind).toBe('server');
    expect(user.storedToken()).toBeDefined();
    expect(user.lock.holder).toBeUndefined();
    expect(keeper.current()).toBe(user.storedToken()?.access_token);
    expect(user.endpoint.refreshes).toBe(1);
  });

  it('reports Google’s used-up daily URL fetch quota as such (never retried), keeping the tokens', () => {
    user.authorize();
    user.clock.nowMs += 2 * 60 * MINUTE;
    user.endpoint.thrown.push(new Error('Exception: Service invoked too many times for one day: urlfetch.'));
    const { keeper } = keeperOf(user);
    const error = failureOf(() => keeper.current());
    expect(error).toBeInstanceOf(JobberFailure);
    expect((error as JobberFailure).kind).toBe('daily_quota');
    expect(user.storedToken()).toBeDefined();
    expect(user.lock.holder).toBeUndefined();
  });

  it('asks the admin to fix the app credentials when Jobber rejects them, keeping the tokens', () => {
    user.authorize();
    user.clock.nowMs += 2 * 60 * MINUTE;
    user.endpoint.failures.push(reply(401, { error: 'invalid_client' }));
    const error = failureOf(() => keeperOf(user).keeper.current());
    expect((error as ConnectorError).code).toBe('SETUP_INCOMPLETE');
    expect(user.storedToken()).toBeDefined();
  });

  it('says what is missing when the client secret is not set and a renewal is due', () => {
    user.authorize();
    user.clock.nowMs += 2 * 60 * MINUTE;
    user.scriptProperties.deleteProperty('JOBBER_CLIENT_SECRET');
    const error = failureOf(() => keeperOf(user).keeper.current()) as ConnectorError;
    expect(error.code).toBe('SETUP_INCOMPLETE');
    expect(error.userText).toContain('JOBBER_CLIENT_SECRET');
    expect(user.lock.holder).toBeUndefined();
  });

  it('says another chart is renewing when the lock cannot be had', () => {
    user.authorize();
    user.clock.nowMs += 2 * 60 * MINUTE;
    user.lock.contended = true;
    const error = failureOf(() => keeperOf(user).keeper.current()) as ConnectorError;
    expect(error.code).toBe('JOBBER_UNAVAILABLE');
    expect(user.endpoint.refreshes).toBe(0);
  });

  describe('at the end of the execution’s budget', () => {
    const tooLate = (): never => {
      throw refreshTooLate('test');
    };

    it('starts no renewal: the chart says to refresh, and the tokens stay for the next execution', () => {
      user.authorize();
      const before = user.storedToken();
      user.clock.nowMs += 59 * MINUTE;
      const error = failureOf(() => keeperOf(user, tooLate).keeper.current()) as ConnectorError;
      expect(error.code).toBe('TIME_BUDGET_EXCEEDED');
      expect(error.userText).toContain('Refresh the report');
      expect(user.endpoint.refreshes).toBe(0);
      expect(user.endpoint.payloads).toEqual([]);
      expect(user.storedToken()).toEqual(before);
      expect(user.lock.holder).toBeUndefined();
      // The next execution renews it first.
      expect(keeperOf(user).keeper.current()).not.toBe(before?.access_token);
      expect(user.endpoint.refreshes).toBe(1);
    });

    it('starts no renewal after a 401 either', () => {
      user.authorize();
      const { keeper } = keeperOf(user, tooLate);
      const rejected = keeper.current();
      expect((failureOf(() => keeper.replaceRejected(rejected)) as ConnectorError).code).toBe(
        'TIME_BUDGET_EXCEEDED',
      );
      expect(user.endpoint.refreshes).toBe(0);
    });

    it('still uses a token another execution renewed meanwhile', () => {
      user.authorize();
      user.clock.nowMs += 59 * MINUTE;
      const stale = user.storedToken()?.access_token ?? '';
      keeperOf(user).keeper.current();
      expect(keeperOf(user, tooLate).keeper.replaceRejected(stale)).toBe(user.storedToken()?.access_token);
      expect(user.endpoint.refreshes).toBe(1);
    });

    it('keeps isAuthValid true: nothing is wrong with the authorization', () => {
      user.authorize();
      user.clock.nowMs += 59 * MINUTE;
      expect(keeperOf(user, tooLate).keeper.isValid()).toBe(true);
      expect(user.storedToken()).toBeDefined();
    });
  });

  it('asks to reconnect when there is no token at all', () => {
    const error = failureOf(() => keeperOf(user).keeper.current()) as ConnectorError;
    expect(error.code).toBe('RECONNECT_REQUIRED');
  });

  describe('isValid (isAuthValid)', () => {
    it('is false without a token and true with a fresh one', () => {
      expect(keeperOf(user).keeper.isValid()).toBe(false);
      user.authorize();
      expect(keeperOf(user).keeper.isValid()).toBe(true);
    });

    it('renews an expired token and is true', () => {
      user.authorize();
      user.clock.nowMs += 2 * 60 * MINUTE;
      expect(keeperOf(user).keeper.isValid()).toBe(true);
      expect(user.endpoint.refreshes).toBe(1);
    });

    it('is false, and the tokens are gone, when the refresh token is dead', () => {
      user.authorize();
      user.clock.nowMs += 2 * 60 * MINUTE;
      user.endpoint.failures.push(reply(400, { error: 'invalid_grant' }));
      expect(keeperOf(user).keeper.isValid()).toBe(false);
      expect(user.storedToken()).toBeUndefined();
    });

    it('stays true when Google’s daily URL fetch quota is used up: reconnecting would not help', () => {
      user.authorize();
      user.clock.nowMs += 2 * 60 * MINUTE;
      user.endpoint.thrown.push(
        new Error('Exception: Service invoked too many times for one day: urlfetch.'),
      );
      expect(keeperOf(user).keeper.isValid()).toBe(true);
      expect(user.storedToken()).toBeDefined();
    });

    it('stays true through a Jobber outage, so nobody is asked to reconnect for nothing', () => {
      user.authorize();
      user.clock.nowMs += 2 * 60 * MINUTE;
      user.endpoint.failures.push(reply(502, {}));
      expect(keeperOf(user).keeper.isValid()).toBe(true);
      expect(user.storedToken()).toBeDefined();
    });
  });
});

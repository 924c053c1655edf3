import { ConnectorError } from '../errors';
import type { JobberApi } from '../jobber/api';
import { forgetAccount } from '../jobber/account';
import { RuntimeBudget, runtimeBudgetMs } from '../jobber/budget';
import { createJobberClient, type JobberClient } from '../jobber/client';
import { jobberEndpoints, type JobberEndpoints } from '../jobber/endpoints';
import { newExecutionStats } from '../jobber/stats';
import type { Platform } from '../platform/platform';
import { createAuthEntryPoints, type AuthEntryPoints } from './entry-points';
import { clientCredentials, createOAuthService, setupPageUrl } from './oauth-service';
import { createTokenKeeper, type TokenKeeper } from './token-keeper';

export interface JobberAccessOptions {
  /**
   * Clears this user's cached report data. Called by resetAuth and after a new authorization
   * (which may be another Jobber account). The composition root passes the cache's clear().
   */
  readonly onReset?: () => void;
  /** Time this execution may spend on Jobber; default the script property, else 300 s. */
  readonly runtimeBudgetMs?: number;
}

export interface JobberAccess {
  readonly entryPoints: AuthEntryPoints;
  /** The Jobber API for the report code; nothing touches Jobber or the OAuth2 library until used. */
  readonly api: JobberApi;
  /** Runs an entry point's body and logs one line with what it cost Jobber (no personal data). */
  logged<T>(entryPoint: string, body: () => T): T;
}

/**
 * Builds the Jobber access layer of one execution: the OAuth2 service, the token keeper, the
 * GraphQL client and the auth entry points, all lazily, so getAuthType or getConfig never load the
 * OAuth2 library or read a token.
 */
export function createJobberAccess(platform: Platform, options: JobberAccessOptions = {}): JobberAccess {
  // Taken when an entry point's body starts (logged) or at the first Jobber call, never while the
  // connector is being assembled: entry points that never reach Jobber need no clock at all.
  const startedAtMs = once(() => platform.clock.now());
  const stats = newExecutionStats();
  const endpoints = once((): JobberEndpoints => jobberEndpoints(platform.scriptProperties));
  const service = once(() => createOAuthService(platform, endpoints()));
  const setupPage = (): string | null => setupPageUrl(platform);
  const requireCredentials = (): void => void clientCredentials(platform.scriptProperties, setupPage);
  const forget = (): void => {
    service().reset();
    forgetAccount(platform.userProperties);
  };
  const tokens = once((): TokenKeeper =>
    createTokenKeeper({
      ...platform,
      service,
      lock: platform.userLock,
      stats,
      requireCredentials,
      forget,
      setupPage,
    }),
  );
  const client = once((): JobberClient =>
    createJobberClient({
      ...platform,
      graphqlUrl: endpoints().graphql,
      tokens: tokens(),
      stats,
      budget: new RuntimeBudget(
        platform.clock,
        startedAtMs(),
        runtimeBudgetMs(platform.scriptProperties, options.runtimeBudgetMs),
      ),
    }),
  );
  const clearCachedData = (): void => options.onReset?.();
  const entryPoints = createAuthEntryPoints({
    platform,
    service,
    tokens,
    requireCredentials,
    reset: () => runAll([forget, clearCachedData]),
    callback: () => ({
      service,
      logger: platform.logger,
      requireCredentials,
      forgetPrevious: () => runAll([() => forgetAccount(platform.userProperties), clearCachedData]),
      fetchAccount: () => client().refreshAccount(),
    }),
  });
  const api: JobberApi = {
    query: (request) => client().api.query(request),
    readConnection: (query, readOptions) => client().api.readConnection(query, readOptions),
    account: () => client().api.account(),
    stats,
  };
  const logged = <T>(entryPoint: string, body: () => T): T =>
    logUsage(platform, entryPoint, startedAtMs(), stats, body);
  return {
    entryPoints: {
      ...entryPoints,
      isAuthValid: () => logged('isAuthValid', entryPoints.isAuthValid),
      authCallback: (request) => logged('authCallback', () => entryPoints.authCallback(request)),
    },
    api,
    logged,
  };
}

function logUsage<T>(
  platform: Platform,
  entryPoint: string,
  startedAtMs: number,
  stats: JobberApi['stats'],
  body: () => T,
): T {
  let outcome = 'ok';
  try {
    return body();
  } catch (error) {
    outcome = error instanceof ConnectorError ? error.code : 'INTERNAL';
    throw error;
  } finally {
    if (stats.requests > 0 || stats.tokenRefreshes > 0 || outcome !== 'ok')
      platform.logger.log(outcome === 'ok' ? 'info' : 'warn', 'jobber_usage', {
        entryPoint,
        outcome,
        durationMs: platform.clock.now() - startedAtMs,
        ...stats,
      });
  }
}

/** Runs every step even when one fails, then reports the first failure. */
function runAll(steps: ReadonlyArray<() => void>): void {
  let first: unknown;
  for (const step of steps) {
    try {
      step();
    } catch (error) {
      first ??= error;
    }
  }
  if (first !== undefined) throw first;
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * The composition root: the only place where the connector's parts are wired together, for one
 * execution, from its Platform. auth/ (OAuth2, tokens, the auth entry points), jobber/ (the GraphQL
 * client, budget, statistics), cache/ and the report entry points know nothing of each other; here
 * they meet. Everything is built lazily, so getAuthType or getConfig never load the OAuth2 library,
 * read a token or read the clock.
 */
import { createAuthEntryPoints, type AuthEntryPoints } from '../auth';
import { clientCredentials, createOAuthService, setupPageUrl } from '../auth';
import { createTokenKeeper, type TokenKeeper } from '../auth';
import { createReportCache } from '../cache';
import { ConnectorError } from '../errors';
import { forgetAccount, storedAccount } from '../jobber';
import type { ExecutionStats, JobberApi } from '../jobber';
import { RuntimeBudget, runtimeBudgetMs } from '../jobber';
import { createJobberClient, type JobberClient } from '../jobber';
import { jobberEndpoints, type JobberEndpoints } from '../jobber';
import { newExecutionStats } from '../jobber';
import type { Platform } from '../platform';
import { createSetupPage, type SetupPage } from '../setup';
import { wirePrivateCopies, type PrivateCopies } from './private-copies';
import { createReportEntryPoints, type ReportEntryPoints } from './reports';

/** Everything Looker Studio can call, built for one execution from its Platform. */
export type Connector = AuthEntryPoints & ReportEntryPoints & SetupPage;

export function createConnector(platform: Platform): Connector {
  const cache = createReportCache(platform);
  const jobber = wireJobber(platform);
  const copies = wirePrivateCopies(platform);
  // A new authorization may be another Jobber account: its cached report data goes too.
  const clearCachedData = (): void => cache.clear();
  let previousAccount: string | undefined;
  const forgetPrevious = (): void => {
    previousAccount = storedAccount(platform.userProperties)?.id;
    runAll([() => forgetAccount(platform.userProperties), clearCachedData]);
  };
  const fetchAccount = () => {
    const account = jobber.client().refreshAccount();
    if (account.id !== previousAccount) keepCopiesOf(platform, copies, account.id);
    return account;
  };
  const auth = createAuthEntryPoints({
    platform,
    service: jobber.service,
    tokens: jobber.tokens,
    requireCredentials: jobber.requireCredentials,
    reset: () => runAll([jobber.forgetAuthorization, clearCachedData, copies.forgetAll]),
    callback: () => ({
      service: jobber.service,
      logger: platform.logger,
      requireCredentials: jobber.requireCredentials,
      forgetPrevious,
      fetchAccount,
    }),
  });
  const reports = createReportEntryPoints({
    platform,
    jobberApi: () => jobber.api,
    cache,
    privateCopy: { services: copies.services, deadline: jobber.deadline },
  });
  const logged = <T>(entryPoint: string, body: () => T): T =>
    logUsage(platform, { entryPoint, startedAtMs: jobber.startedAtMs(), stats: jobber.stats }, body);
  return {
    ...auth,
    ...reports,
    ...createSetupPage(platform),
    isAuthValid: () => logged('isAuthValid', auth.isAuthValid),
    authCallback: (request) => logged('authCallback', () => auth.authCallback(request)),
    getData: (request) => logged('getData', () => reports.getData(request)),
  };
}

/** The OAuth2 service, the token keeper and the GraphQL client of one execution, each made on first use. */
function wireJobber(platform: Platform) {
  // Taken when an entry point's body starts (logged) or at the first Jobber call, never while the
  // connector is being assembled: entry points that never reach Jobber need no clock at all.
  const startedAtMs = once(() => platform.clock.now());
  const stats = newExecutionStats();
  const endpoints = once((): JobberEndpoints => jobberEndpoints(platform.scriptProperties));
  const service = once(() => createOAuthService(platform, endpoints()));
  const setupPage = (): string | null => setupPageUrl(platform);
  const requireCredentials = (): void => void clientCredentials(platform.scriptProperties, setupPage);
  const forgetAuthorization = (): void => {
    service().reset();
    forgetAccount(platform.userProperties);
  };
  // The script property JOBBER_RUNTIME_BUDGET_SECONDS (at most 330 s), else 300 s.
  const budget = once(
    () => new RuntimeBudget(platform.clock, startedAtMs(), runtimeBudgetMs(platform.scriptProperties)),
  );
  const tokens = once((): TokenKeeper =>
    createTokenKeeper({
      ...platform,
      service,
      lock: platform.userLock,
      stats,
      requireCredentials,
      forget: forgetAuthorization,
      setupPage,
      assertCanStartRenewal: () => budget().assertCanStartRenewal(),
    }),
  );
  const client = once((): JobberClient =>
    createJobberClient({
      ...platform,
      graphqlUrl: endpoints().graphql,
      tokens: tokens(),
      stats,
      budget: budget(),
    }),
  );
  const api: JobberApi = {
    query: (request) => client().api.query(request),
    readConnection: (query, readOptions) => client().api.readConnection(query, readOptions),
    account: () => client().api.account(),
    reachablePoints: (reserveMs) => client().api.reachablePoints(reserveMs),
    stats,
  };
  const deadline = (): number => budget().startedAtMs + budget().limitMs;
  return {
    startedAtMs,
    stats,
    service,
    requireCredentials,
    forgetAuthorization,
    tokens,
    client,
    api,
    deadline,
  };
}

interface Usage {
  readonly entryPoint: string;
  readonly startedAtMs: number;
  readonly stats: ExecutionStats;
}

/** Runs an entry point's body and logs one line with what it cost Jobber (no personal data). */
function logUsage<T>(platform: Platform, usage: Usage, body: () => T): T {
  let outcome = 'ok';
  try {
    return body();
  } catch (error) {
    outcome = error instanceof ConnectorError ? error.code : 'INTERNAL';
    throw error;
  } finally {
    const { stats } = usage;
    if (stats.requests > 0 || stats.tokenRefreshes > 0 || outcome !== 'ok')
      platform.logger.log(outcome === 'ok' ? 'info' : 'warn', 'jobber_usage', {
        entryPoint: usage.entryPoint,
        outcome,
        durationMs: platform.clock.now() - usage.startedAtMs,
        ...stats,
      });
  }
}

/** Another Jobber account was connected: the copies of the previous one go (never failing the callback). */
function keepCopiesOf(platform: Platform, copies: PrivateCopies, accountId: string): void {
  try {
    copies.keepOnly(accountId);
  } catch (error) {
    platform.logger.log('warn', 'replica_cleanup_failed', {
      error: error instanceof Error ? error.name : 'unknown',
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

import { failureToConnectorError, isJobberFailure } from '../errors';
import type { Clock, Http, PropertyStore } from '../platform';
import type { ExecutionStats, JobberAccount, JobberApi } from './api';
import type { RuntimeBudget } from './budget';
import { fetchAccount, storeAccount, storedAccount } from './account';
import { reachablePoints, readConnection } from './connection-reader';
import { CostPacer } from './pacing';
import { createTransport, type AccessTokens } from './transport';

export interface JobberClientDeps {
  readonly http: Http;
  readonly clock: Clock;
  readonly userProperties: PropertyStore;
  readonly graphqlUrl: string;
  readonly tokens: AccessTokens;
  readonly budget: RuntimeBudget;
  readonly stats: ExecutionStats;
}

export interface JobberClient {
  readonly api: JobberApi;
  /** Asks Jobber for the connected account again and stores it (after a new authorization). */
  refreshAccount(): JobberAccount;
}

/** The one GraphQL client: every Jobber call of an execution goes through it. */
export function createJobberClient(deps: JobberClientDeps): JobberClient {
  const pacer = new CostPacer();
  const transport = createTransport({ ...deps, pacer });
  const refreshAccount = (): JobberAccount => {
    const account = fetchAccount(transport);
    storeAccount(deps.userProperties, account);
    return account;
  };
  const api: JobberApi = {
    query: (request) => userErrors(() => transport.execute(request, request.estimatedCost).data),
    readConnection: (query, options) =>
      userErrors(() =>
        readConnection({ transport, pacer, budget: deps.budget, clock: deps.clock }, query, options),
      ),
    account: () => userErrors(() => storedAccount(deps.userProperties) ?? refreshAccount()),
    reachablePoints: (reserveMs) =>
      reachablePoints({ pacer, budget: deps.budget, clock: deps.clock }, reserveMs),
    stats: deps.stats,
  };
  return { api, refreshAccount: () => userErrors(refreshAccount) };
}

/** A Jobber failure leaves the client only as the user error that says what to do. */
function userErrors<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (isJobberFailure(error)) throw failureToConnectorError(error);
    throw error;
  }
}

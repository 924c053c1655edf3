import { JobberFailure, URLFETCH_DAILY_QUOTA_TEXT, describeError, redact } from '../errors';
import type { Clock, Http, HttpResponse } from '../platform';
import type { ExecutionStats, GraphQLRequest, JsonObject } from './api';
import type { RuntimeBudget } from './budget';
import { classifyResponse, type Classified, type CostReport } from './classify';
import { API_VERSION_HEADER, JOBBER_API_VERSION } from './endpoints';
import { seededSequence } from './jitter';
import type { CostPacer } from './pacing';
import { decide, type RetryDecision } from './retry-policy';

/** Where the access token comes from; implemented by auth/, which owns the OAuth2 service. */
export interface AccessTokens {
  /** A token fresh enough to send now (renewed ahead of expiry). Throws ConnectorError when authorization is gone. */
  current(): string;
  /** After Jobber answered 401 to `rejected`: a different token, renewed here or by another execution. */
  replaceRejected(rejected: string): string;
  /** Forget this user's authorization: Jobber says it is dead. */
  forget(): void;
}

export interface TransportDeps {
  readonly http: Http;
  readonly clock: Clock;
  readonly graphqlUrl: string;
  readonly tokens: AccessTokens;
  readonly pacer: CostPacer;
  readonly budget: RuntimeBudget;
  readonly stats: ExecutionStats;
}

export interface Executed {
  readonly data: JsonObject;
  readonly cost?: CostReport;
}

/** A request and Jobber's requestedQueryCost for it, when known. */
export interface Costed {
  readonly request: GraphQLRequest;
  readonly estimatedCost?: number;
}

/**
 * A page of a paged read: it can ask for fewer nodes when Jobber counts it above the whole bucket,
 * and it says whether an answer is the page it asked for.
 */
export interface PagedRequest {
  canShrink(): boolean;
  /** The same page with fewer nodes, sized from the requestedQueryCost Jobber reported (if any). */
  shrink(reportedCost: number | undefined): Costed;
  /**
   * Throws a JobberFailure (`malformed`) when `data` is not a well-formed page; the retry table then
   * decides, as for any other failure.
   */
  check(data: JsonObject): void;
}

/** Sends GraphQL requests under the retry policy and the cost pacing. */
export interface Transport {
  /**
   * Returns `data`, or throws: a JobberFailure the policy gave up on (after forgetting a dead
   * authorization), or a ConnectorError (time budget, authorization, setup).
   */
  execute(request: GraphQLRequest, estimatedCost?: number, page?: PagedRequest): Executed;
}

const DEAD_AUTHORIZATION = new Set(['unauthorized', 'disconnected', 'account_inactive']);

export function createTransport(deps: TransportDeps): Transport {
  const contention = new Contention(deps);
  return {
    execute(request, estimatedCost, page) {
      const failures = new Map<string, number>();
      let current: Costed = { request, estimatedCost };
      let refreshed = false;
      for (;;) {
        deps.budget.assertNotSpent('before a request to Jobber');
        if (current.estimatedCost !== undefined) waitForBucket(deps, current.estimatedCost);
        const { outcome, token } = attempt(deps, current.request, page);
        contention.observe(outcome);
        if (outcome.ok) return { data: outcome.data, cost: outcome.cost };
        const { failure } = outcome;
        const count = (failures.get(failure.kind) ?? 0) + 1;
        failures.set(failure.kind, count);
        const decision = decide(failure, count, {
          refreshedAfterUnauthorized: refreshed,
          remainingBudgetMs: deps.budget.remainingMs(),
          canShrink: page?.canShrink() ?? false,
          contention: Math.max(count, contention.level),
          jitter: contention.jitter(current.request),
        });
        if (decision.action === 'shrink_then_retry' && page) {
          deps.stats.retries += 1;
          current = page.shrink(failure.details.requestedQueryCost);
          failures.delete(failure.kind);
          continue;
        }
        act(deps, decision, failure, token);
        if (decision.action === 'refresh_then_retry') refreshed = true;
      }
    },
  };
}

/**
 * What this execution has seen of other readers of the bucket: THROTTLED answers raise the level,
 * every request that goes through lowers it by one. Also the execution's jitter sequence, seeded
 * when first needed from the execution's start and the request (the charts of a dashboard start
 * together but ask different queries).
 */
class Contention {
  level = 0;
  private sequence: (() => number) | undefined;

  constructor(private readonly deps: TransportDeps) {}

  observe(outcome: Classified): void {
    if (outcome.ok) this.level = Math.max(0, this.level - 1);
    else if (outcome.failure.kind === 'throttled') this.level += 1;
  }

  jitter(request: GraphQLRequest): number {
    this.sequence ??= seededSequence(
      `${this.deps.budget.startedAtMs}|${request.query}|${JSON.stringify(request.variables ?? {})}`,
    );
    return this.sequence();
  }
}

function attempt(
  deps: TransportDeps,
  request: GraphQLRequest,
  page: PagedRequest | undefined,
): { outcome: Classified; token?: string } {
  let token: string | undefined;
  try {
    token = deps.tokens.current();
    const response = send(deps, token, request);
    const outcome = classifyResponse(response, deps.clock.now());
    record(deps, outcome);
    if (outcome.ok) page?.check(outcome.data);
    return { outcome, token };
  } catch (error) {
    if (!(error instanceof JobberFailure)) throw error;
    return { outcome: { ok: false, failure: error }, token };
  }
}

function send(deps: TransportDeps, token: string, request: GraphQLRequest): HttpResponse {
  deps.stats.requests += 1;
  try {
    return deps.http.fetch({
      url: deps.graphqlUrl,
      method: 'post',
      contentType: 'application/json',
      headers: {
        Authorization: `Bearer ${token}`,
        [API_VERSION_HEADER]: JOBBER_API_VERSION,
        Accept: 'application/json',
      },
      payload: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
    });
  } catch (error) {
    throw fetchFailure(error);
  }
}

/** UrlFetchApp threw: no answer from Jobber, or Google refused to send the request at all. */
function fetchFailure(error: unknown): JobberFailure {
  const text = redact(describeError(error));
  if (URLFETCH_DAILY_QUOTA_TEXT.test(text))
    return new JobberFailure('daily_quota', `Google refused the request: ${text}`, {}, error);
  return new JobberFailure('network', `no response from Jobber: ${text}`, {}, error);
}

function record(deps: TransportDeps, outcome: Classified): void {
  if (!outcome.ok && outcome.failure.kind === 'throttled') deps.stats.throttledResponses += 1;
  if (!outcome.cost) return;
  deps.stats.requestedQueryCost += outcome.cost.requestedQueryCost;
  deps.stats.actualQueryCost += outcome.cost.actualQueryCost;
  if (outcome.cost.throttleStatus) deps.pacer.observe(outcome.cost.throttleStatus, deps.clock.now());
}

function act(deps: TransportDeps, decision: RetryDecision, failure: JobberFailure, token?: string): void {
  switch (decision.action) {
    case 'retry':
    case 'shrink_then_retry':
      deps.stats.retries += 1;
      sleep(deps, decision.waitMs);
      return;
    case 'refresh_then_retry':
      deps.stats.retries += 1;
      if (token !== undefined) deps.tokens.replaceRejected(token);
      return;
    case 'fail':
      // THROTTLED until the budget ran out: others kept the bucket busy, so the usage-limit error says
      // what happened better than "choose a shorter range".
      if (decision.reason === 'time_budget') {
        const what = `a retry after ${failure.kind} would not fit: ${failure.message}`;
        if (failure.kind !== 'throttled') throw deps.budget.exceeded(what, failure);
        throw new JobberFailure(
          'throttled',
          `${what} (budget ${deps.budget.limitMs} ms)`,
          failure.details,
          failure,
        );
      }
      if (DEAD_AUTHORIZATION.has(failure.kind)) deps.tokens.forget();
      throw failure;
  }
}

/** Sleeps before a request that the predicted bucket could not pay for, so THROTTLED stays rare. */
function waitForBucket(deps: TransportDeps, cost: number): void {
  const waitMs = deps.pacer.waitBeforeMs(cost, deps.clock.now());
  if (waitMs <= 0) return;
  deps.budget.assertCanWait(waitMs, `waiting ${waitMs} ms for Jobber's cost bucket`);
  sleep(deps, waitMs);
}

function sleep(deps: TransportDeps, waitMs: number): void {
  if (waitMs <= 0) return;
  deps.stats.waits += 1;
  deps.stats.waitedMs += waitMs;
  deps.clock.sleep(waitMs);
}

import type { HostRequest } from '../protocol';
import { LOCK_TIMEOUT_TEXT, SLEEP_MAX_MS } from './limits';
import { ServiceError } from './service-error';
import type { SharedState } from './shared-state';
import type { FetchRecord, FetchedResponse } from './url-fetch';

/** What the host needs to know about the execution that sent a request. */
export interface RequestingExecution {
  readonly id: number;
  readonly user: string;
  recordFetch(entry: FetchRecord, response?: FetchedResponse): void;
  /** Utilities.sleep on the host's clock. */
  sleep(ms: number): Promise<void>;
  /** The execution now waits in a lock queue until `deadline` at the latest. */
  blockedUntil(deadline: number): void;
}

/** Answers one service request of an execution; a ServiceError becomes the script's exception. */
export async function answer(
  state: SharedState,
  execution: RequestingExecution,
  request: HostRequest,
): Promise<unknown> {
  const { user } = execution;
  switch (request.op) {
    case 'properties.get': {
      const store = state.properties(request.scope, user);
      return request.key === null ? store.snapshot() : store.get(request.key);
    }
    case 'properties.set':
      return state.properties(request.scope, user).set(request.entries, request.deleteOthers);
    case 'properties.delete':
      return state.properties(request.scope, user).delete(request.key);
    case 'cache.get':
      return state.cache(request.scope, user).getAll(request.keys);
    case 'cache.put':
      return state.cache(request.scope, user).putAll(request.entries, request.ttlSeconds);
    case 'cache.remove':
      return state.cache(request.scope, user).removeAll(request.keys);
    case 'lock.acquire':
      return acquireLock(state, execution, request);
    case 'lock.release':
      return state.locks.release(state.lockKey(request.scope, user), `${execution.id}:${request.lockId}`);
    case 'fetch':
      return state.urlFetch.fetchAll(
        user,
        request.requests,
        (entry, response) => execution.recordFetch(entry, response),
        (ms) => execution.sleep(ms),
      );
    case 'sleep':
      return sleep(execution, request.ms);
    case 'stateToken.create':
      return state.stateTokens.create(user, request.method, request.args, request.timeoutSeconds);
    case 'oauth.token':
      return state.oauthToken(user);
  }
}

async function acquireLock(
  state: SharedState,
  execution: RequestingExecution,
  request: Extract<HostRequest, { op: 'lock.acquire' }>,
): Promise<boolean> {
  const key = state.lockKey(request.scope, execution.user);
  const holder = { owner: `${execution.id}:${request.lockId}`, executionId: execution.id };
  const acquired = await state.locks.acquire(key, holder, request.timeoutMs, (deadline) =>
    execution.blockedUntil(deadline),
  );
  if (!acquired && request.orThrow) throw new ServiceError(LOCK_TIMEOUT_TEXT);
  return acquired;
}

async function sleep(execution: RequestingExecution, ms: number): Promise<void> {
  if (!Number.isFinite(ms) || ms < 0 || ms > SLEEP_MAX_MS)
    throw new ServiceError('Invalid argument: milliseconds');
  await execution.sleep(Math.floor(ms));
}

import type { ExecutionStats } from './api';

export function newExecutionStats(): ExecutionStats {
  return {
    requests: 0,
    requestedQueryCost: 0,
    actualQueryCost: 0,
    throttledResponses: 0,
    waits: 0,
    waitedMs: 0,
    retries: 0,
    tokenRefreshes: 0,
  };
}

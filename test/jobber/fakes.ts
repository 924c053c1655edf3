/** Jobber's answers and the connector's other Jobber-side collaborators, for the client's tests. */
import type { ExecutionStats, JsonObject } from '../../src/jobber/api';
import { newExecutionStats } from '../../src/jobber/stats';
import type { AccessTokens } from '../../src/jobber/transport';
import type { HttpResponse } from '../../src/platform/platform';

export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): HttpResponse {
  return { status, headers, body: JSON.stringify(body) };
}

export interface CostFields {
  requested: number;
  actual?: number;
  available?: number;
  maximum?: number;
  restoreRate?: number;
}

export function costExtension(cost: CostFields): JsonObject {
  return {
    cost: {
      requestedQueryCost: cost.requested,
      actualQueryCost: cost.actual ?? cost.requested,
      throttleStatus: {
        maximumAvailable: cost.maximum ?? 10_000,
        currentlyAvailable: cost.available ?? 10_000,
        restoreRate: cost.restoreRate ?? 500,
      },
    },
  };
}

export function dataResponse(data: JsonObject, cost?: CostFields): HttpResponse {
  return jsonResponse(cost ? { data, extensions: costExtension(cost) } : { data });
}

export function throttledResponse(requested: number, available: number, maximum = 10_000): HttpResponse {
  return jsonResponse({
    errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
    extensions: costExtension({ requested, actual: 0, available, maximum }),
  });
}

/** Tokens handed out as access-1, access-2, …; a renewal after a 401 moves to the next one. */
export class FakeTokens implements AccessTokens {
  renewals = 0;
  forgotten = false;
  token = 'access-1';
  current(): string {
    return this.token;
  }
  replaceRejected(): string {
    this.renewals += 1;
    this.token = `access-${this.renewals + 1}`;
    return this.token;
  }
  forget(): void {
    this.forgotten = true;
  }
}

export function freshStats(): ExecutionStats {
  return newExecutionStats();
}

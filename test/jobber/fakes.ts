import type { ExecutionStats, JsonObject } from '../../src/jobber/api';
import { newExecutionStats } from '../../src/jobber/stats';
import type { AccessTokens } from '../../src/jobber/transport';
import type { Clock, Http, HttpRequest, HttpResponse, Logger } from '../../src/platform/platform';

/** A clock that only moves when something sleeps (or a test advances it). */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public nowMs = Date.UTC(2025, 5, 1)) {}
  now(): number {
    return this.nowMs;
  }
  sleep(milliseconds: number): void {
    this.sleeps.push(milliseconds);
    this.nowMs += milliseconds;
  }
}

/** Apps Script's Properties in memory (all of it: the OAuth2 library's reset() lists the keys). */
export class MemoryProperties implements GoogleAppsScript.Properties.Properties {
  readonly values = new Map<string, string>();
  getProperty(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    this.values.set(key, value);
    return this;
  }
  deleteProperty(key: string): this {
    this.values.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.values);
  }
  getKeys(): string[] {
    return [...this.values.keys()];
  }
  setProperties(properties: Record<string, string>, deleteAllOthers?: boolean): this {
    if (deleteAllOthers) this.values.clear();
    for (const [key, value] of Object.entries(properties)) this.values.set(key, value);
    return this;
  }
  deleteAllProperties(): this {
    this.values.clear();
    return this;
  }
}

export type Responder = (request: HttpRequest) => HttpResponse;

/** Answers each request with the next scripted responder; an unexpected request fails the test. */
export class ScriptedHttp implements Http {
  readonly requests: HttpRequest[] = [];
  constructor(private readonly responders: Responder[]) {}
  fetch(request: HttpRequest): HttpResponse {
    this.requests.push(request);
    const next = this.responders.shift();
    if (!next) throw new Error(`unexpected request #${this.requests.length}`);
    return next(request);
  }
}

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

export interface LogLine {
  level: string;
  event: string;
  data?: Readonly<Record<string, unknown>>;
}

export class MemoryLogger implements Logger {
  readonly lines: LogLine[] = [];
  log(level: LogLine['level'], event: string, data?: Readonly<Record<string, unknown>>): void {
    this.lines.push(data === undefined ? { level, event } : { level, event, data });
  }
}

export function freshStats(): ExecutionStats {
  return newExecutionStats();
}

/**
 * A tiny Apps Script project around the report cache, for proving single flight in the local
 * runtime before getData uses it: `openChart` reads rows for some fields through the cache from a
 * test server, the way getData will read them from Jobber.
 */
import { createReportCache } from '../../../src/cache';
import type { Table } from '../../../src/catalog';
import { appsScriptPlatform } from '../../../src/platform/apps-script';

export interface ChartRequest {
  readonly server: string;
  readonly accountId: string;
  readonly fieldIds: readonly string[];
  readonly lastRefresh?: string;
  readonly gatherMs?: number;
}

export function openChart(request: ChartRequest): { source: string; table: Table } {
  const platform = appsScriptPlatform();
  const settings = request.gatherMs === undefined ? {} : { gatherMs: request.gatherMs };
  const cache = createReportCache(platform, settings);
  const scope = { accountId: request.accountId, object: 'invoices', range: ['2025-01-01', '2025-03-31'] };
  const result = cache.getOrFetch(scope, request.fieldIds, (fieldIds) => fetchRows(request, fieldIds), {
    lastRefresh: request.lastRefresh,
  });
  return { source: result.source, table: result.table };
}

function fetchRows(request: ChartRequest, fieldIds: readonly string[]): Table {
  const platform = appsScriptPlatform();
  const query = `account=${encodeURIComponent(request.accountId)}&fields=${fieldIds.join(',')}`;
  const response = platform.http.fetch({ url: `${request.server}/rows?${query}`, method: 'get' });
  if (response.status !== 200) throw new Error(`upstream answered ${response.status}`);
  return JSON.parse(response.body) as Table;
}

export interface FillRequest {
  /** Fetched first: the test answers it when the fill should happen. */
  readonly gate: string;
  readonly count: number;
  readonly ttlSeconds: number;
  readonly prefix: string;
}

/**
 * Stands in for everything else that writes to the same user's cache (other reports, other data
 * sources, the OAuth2 library): `count` small items at once, once the test opens the gate.
 */
export function fillUserCache(request: FillRequest): number {
  const platform = appsScriptPlatform();
  platform.http.fetch({ url: request.gate, method: 'get' });
  const values: Record<string, string> = {};
  for (let item = 0; item < request.count; item++) values[`${request.prefix}${item}`] = 'x';
  platform.userCache.putAll(values, request.ttlSeconds);
  return request.count;
}

/** Does nothing: lets a test start the runtime's worker threads before timing matters. */
export function ping(): string {
  return 'pong';
}

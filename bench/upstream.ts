/**
 * What a scenario cost Jobber, read from the sandbox's request log (the ground truth: every request
 * the connector sent, with Jobber's own cost figures), not from the connector's statistics.
 */
import type { RequestLogEntry } from '../sandbox/jobber/control-types';
import { BUCKET_POINTS, RESTORE_PER_SECOND } from './bounds';

export interface Upstream {
  /** GraphQL requests, THROTTLED ones included. */
  readonly requests: number;
  readonly throttled: number;
  /** Sum of actualQueryCost: what the bucket was charged. */
  readonly cost: number;
  readonly requestedCost: number;
  /** Paginated reads started (requests for a first page, THROTTLED retries not counted). */
  readonly reads: number;
  /** Nodes Jobber returned, from each page's actual cost (see recordsOnPage). */
  readonly records: number;
  /** What one node of the query costs (requested cost of the first page less its fixed cost, over `first`); 0 without pages. */
  readonly costPerNode: number;
  readonly tokenRequests: number;
  /** GraphQL requests that failed other than THROTTLED. */
  readonly failed: number;
  /**
   * The least time any reader needs to send these same requests: each one waits until the bucket
   * holds its requested cost, and is charged its actual cost. Above the bound by at most the
   * unused part of the last page's requested cost (a reader cannot know that page is short).
   */
  readonly boundForRequestsSeconds: number;
  /** The first GraphQL request found the bucket full: nothing before this scenario drained it. */
  readonly bucketFullAtStart: boolean;
}

export function summarizeLog(entries: readonly RequestLogEntry[]): Upstream {
  const graphql = entries.filter((entry) => entry.endpoint === 'graphql');
  const ok = graphql.filter((entry) => entry.outcome === 'ok');
  return {
    requests: graphql.length,
    throttled: graphql.filter((entry) => entry.outcome === 'THROTTLED').length,
    cost: sum(graphql.map((entry) => entry.actualCost ?? 0)),
    requestedCost: sum(graphql.map((entry) => entry.requestedCost ?? 0)),
    reads: ok.filter(isFirstPage).length,
    records: sum(ok.map(recordsOnPage)),
    costPerNode: ok[0] ? costPerNode(ok[0]) : 0,
    tokenRequests: entries.filter((entry) => entry.endpoint === 'token').length,
    failed: graphql.filter((entry) => entry.outcome !== 'ok' && entry.outcome !== 'THROTTLED').length,
    boundForRequestsSeconds: boundForRequests(ok),
    bucketFullAtStart: bucketWasFull(graphql[0]),
  };
}

/**
 * The root connection and its pageInfo { hasNextPage endCursor } cost 4 besides the nodes, and 5
 * on a page that also asks for totalCount.
 */
export function pageFixedCost(entry: RequestLogEntry): number {
  return /\btotalCount\b/.test(entry.query ?? '') ? 5 : 4;
}

/**
 * Nodes on one page of a single-connection query: requested = f + first × c and actual =
 * f + n × c under the sandbox's cost rules (docs/sandbox.md), so n = first × (actual − f) / (requested − f).
 */
export function recordsOnPage(entry: RequestLogEntry): number {
  const first = pageSize(entry);
  const requested = entry.requestedCost ?? 0;
  const actual = entry.actualCost ?? 0;
  const fixed = pageFixedCost(entry);
  if (first === undefined || requested <= fixed) return 0;
  return Math.round((first * (actual - fixed)) / (requested - fixed));
}

/** `first` from the variables, or written into the query (the naive connector's fixed page size). */
function pageSize(entry: RequestLogEntry): number | undefined {
  const variable = entry.variables?.['first'];
  if (typeof variable === 'number') return variable;
  const literal = /\(first:\s*(\d+)/.exec(entry.query ?? '');
  return literal ? Number(literal[1]) : undefined;
}

function costPerNode(entry: RequestLogEntry): number {
  const first = pageSize(entry);
  const requested = entry.requestedCost ?? 0;
  return first ? (requested - pageFixedCost(entry)) / first : 0;
}

function isFirstPage(entry: RequestLogEntry): boolean {
  const after = entry.variables?.['after'];
  return after === null || after === undefined;
}

function boundForRequests(ok: readonly RequestLogEntry[]): number {
  let charged = 0;
  let latest = 0;
  for (const entry of ok) {
    latest = Math.max(latest, charged + (entry.requestedCost ?? 0) - BUCKET_POINTS);
    charged += entry.actualCost ?? 0;
  }
  return latest / RESTORE_PER_SECOND;
}

function bucketWasFull(first: RequestLogEntry | undefined): boolean {
  if (!first) return true;
  const status = first.throttleStatus;
  if (first.outcome !== 'ok' || !status) return false;
  return status.currentlyAvailable + (first.actualCost ?? 0) >= status.maximumAvailable;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

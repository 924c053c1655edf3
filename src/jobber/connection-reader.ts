import { JobberFailure, queryTooWide } from '../errors';
import type { ConnectionQuery, ConnectionResult, JsonObject, JsonValue, ReadOptions } from './api';
import { isJsonObject } from './classify';
import type { CostPacer } from './pacing';
import { MAX_PAGE_SIZE, calibratedCostPerNode, pageCost, pageSizeFor } from './page-size';
import type { Costed, Executed, Shrinkable, Transport } from './transport';

interface Page {
  readonly nodes: readonly JsonObject[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

/** Reads every page of one connection, sizing pages to the cost bucket and calibrating as it goes. */
export function readConnection(
  transport: Transport,
  pacer: CostPacer,
  query: ConnectionQuery,
  options: ReadOptions = {},
): ConnectionResult {
  const sizing: Sizing = { costPerNode: query.costPerNode, cap: MAX_PAGE_SIZE };
  const nodes: JsonObject[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages += 1) {
    const wanted =
      options.maxNodes === undefined ? Number.POSITIVE_INFINITY : options.maxNodes - nodes.length;
    const page = fetchPage(transport, pacer, query, sizing, after, wanted);
    nodes.push(...page.nodes);
    options.onPage?.({ pages, nodes: nodes.length });
    if (!page.hasNextPage) return { nodes, complete: true };
    if (options.maxNodes !== undefined && nodes.length >= options.maxNodes)
      return { nodes: nodes.slice(0, options.maxNodes), complete: false };
    if (page.endCursor === null) throw malformed('hasNextPage without an endCursor');
    after = page.endCursor;
  }
}

interface Sizing {
  /** Jobber's cost of one node, calibrated from what it reports. */
  costPerNode: number;
  /** Lowered when pages had to shrink under contention; grows back while pages go through. */
  cap: number;
}

function fetchPage(
  transport: Transport,
  pacer: CostPacer,
  query: ConnectionQuery,
  sizing: Sizing,
  after: string | null,
  wanted: number,
): Page {
  let previousFirst = Number.POSITIVE_INFINITY;
  for (;;) {
    const fitting = pageSizeFor(sizing.costPerNode, query.fixedCost, pacer.maximumAvailable());
    if (fitting === 0) throw queryTooWide(Math.ceil(sizing.costPerNode), pacer.maximumAvailable());
    let first = Math.max(1, Math.min(fitting, wanted, sizing.cap));
    let shrunk = false;
    const costed = (): Costed => ({
      request: { query: query.document, variables: { ...query.variables, first, after } },
      estimatedCost: pageCost(first, sizing.costPerNode, query.fixedCost),
    });
    const shrinkable: Shrinkable = {
      canShrink: () => first > 1,
      shrink: () => {
        first = Math.max(1, Math.floor(first / 2));
        sizing.cap = first;
        shrunk = true;
        return costed();
      },
    };
    let executed: Executed;
    try {
      const page = costed();
      executed = transport.execute(page.request, page.estimatedCost, shrinkable);
    } catch (error) {
      // Our estimate was too low for Jobber's own count: learn from its count and shrink the page.
      const reported = costlierThanBucket(error);
      if (reported === undefined || first >= previousFirst || first === 1) throw error;
      sizing.costPerNode = calibratedCostPerNode(reported, first, query.fixedCost, sizing.costPerNode);
      previousFirst = first;
      continue;
    }
    if (executed.cost)
      sizing.costPerNode = calibratedCostPerNode(
        executed.cost.requestedQueryCost,
        first,
        query.fixedCost,
        sizing.costPerNode,
      );
    if (!shrunk) sizing.cap = Math.min(MAX_PAGE_SIZE, sizing.cap * 2);
    return pageAt(executed.data, query.path);
  }
}

/** The requested cost of a THROTTLED query that can never run because it exceeds the whole bucket. */
function costlierThanBucket(error: unknown): number | undefined {
  if (!(error instanceof JobberFailure) || error.kind !== 'throttled') return undefined;
  const { requestedQueryCost, throttleStatus } = error.details;
  if (requestedQueryCost === undefined || !throttleStatus) return undefined;
  return requestedQueryCost > throttleStatus.maximumAvailable ? requestedQueryCost : undefined;
}

/** The connection at `path` in `data`; a null on the way (e.g. a parent that does not exist) is empty. */
function pageAt(data: JsonObject, path: readonly string[]): Page {
  let value: JsonValue | undefined = data;
  for (const key of path) {
    if (value === null) break;
    if (!isJsonObject(value)) throw malformed(`no object at ${path.join('.')}`);
    value = value[key];
  }
  if (value === null) return { nodes: [], hasNextPage: false, endCursor: null };
  if (!isJsonObject(value)) throw malformed(`no connection at ${path.join('.')}`);
  const { nodes, pageInfo } = value;
  if (!Array.isArray(nodes) || !nodes.every(isJsonObject)) throw malformed('connection without nodes');
  if (!isJsonObject(pageInfo) || typeof pageInfo.hasNextPage !== 'boolean')
    throw malformed('connection without pageInfo.hasNextPage');
  const endCursor = typeof pageInfo.endCursor === 'string' ? pageInfo.endCursor : null;
  return { nodes, hasNextPage: pageInfo.hasNextPage, endCursor };
}

function malformed(what: string): JobberFailure {
  return new JobberFailure('malformed', what);
}

import { JobberFailure, queryTooWide, rangeTooLarge } from '../errors';
import type { Clock } from '../platform/platform';
import type { ConnectionQuery, ConnectionResult, JsonObject, JsonValue, ReadOptions } from './api';
import type { RuntimeBudget } from './budget';
import { isJsonObject } from './classify';
import type { CostPacer } from './pacing';
import { calibratedCostPerNode, pageCost, pageSizeFor } from './page-size';
import type { Costed, Shrinkable, Transport } from './transport';

/** totalCount costs one point (a scalar on the connection). */
export const TOTAL_COUNT_COST = 1;

export interface ReaderDeps {
  readonly transport: Transport;
  readonly pacer: CostPacer;
  readonly budget: RuntimeBudget;
  readonly clock: Clock;
}

interface Page {
  readonly nodes: readonly JsonObject[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
  /** Jobber's totalCount, when the page asked for it. */
  readonly totalCount: number | null;
}

/**
 * Reads every page of one connection, sizing pages to the cost bucket and calibrating as it goes.
 * When the query can count, the first page asks for totalCount: later pages are sized to what
 * remains, and a read the bucket cannot pay for within the budget is refused before it starts.
 */
export function readConnection(
  deps: ReaderDeps,
  query: ConnectionQuery,
  options: ReadOptions = {},
): ConnectionResult {
  const sizing: Sizing = { costPerNode: query.costPerNode };
  const nodes: JsonObject[] = [];
  const counting = query.countDocument !== undefined && options.maxNodes === undefined;
  let total: number | null = null;
  let after: string | null = null;
  for (let pages = 1; ; pages += 1) {
    const request: PageRequest = {
      after,
      wanted: nodesWanted(options, nodes.length, total),
      count: counting && pages === 1,
    };
    const page = fetchPage(deps, query, sizing, request);
    nodes.push(...page.nodes);
    total = page.totalCount ?? total;
    options.onPage?.({ pages, nodes: nodes.length });
    if (!page.hasNextPage) return { nodes, complete: true };
    if (options.maxNodes !== undefined && nodes.length >= options.maxNodes)
      return { nodes: nodes.slice(0, options.maxNodes), complete: false };
    if (page.endCursor === null) throw malformed('hasNextPage without an endCursor');
    if (total !== null) assertReadFits(deps, query, sizing, { total, read: nodes.length });
    after = page.endCursor;
  }
}

/** Nodes the next page should hold at most: what maxNodes leaves, and what totalCount says remains. */
function nodesWanted(options: ReadOptions, read: number, total: number | null): number {
  const limit = options.maxNodes === undefined ? Number.POSITIVE_INFINITY : options.maxNodes - read;
  // Records added since the count leave nothing "remaining" while Jobber still has a next page.
  const remaining = total === null || total - read <= 0 ? Number.POSITIVE_INFINITY : total - read;
  return Math.min(limit, remaining);
}

/**
 * Fails now when even the cheapest way to read the remaining nodes needs more points than the
 * bucket can hold and restore before the budget ends: nothing would be shown after all that time.
 */
function assertReadFits(
  deps: ReaderDeps,
  query: ConnectionQuery,
  sizing: Sizing,
  progress: { readonly total: number; readonly read: number },
): void {
  const remaining = progress.total - progress.read;
  if (remaining <= 0) return;
  const perNode = Math.min(sizing.costPerNode, query.leastCostPerNode ?? sizing.costPerNode);
  const pageSize = Math.max(
    1,
    pageSizeFor(sizing.costPerNode, query.fixedCost, deps.pacer.maximumAvailable()),
  );
  const perPageNode = perNode + query.fixedCost / pageSize;
  const now = deps.clock.now();
  const available = deps.pacer.predictedAvailable(now) ?? deps.pacer.maximumAvailable();
  const reachable = available + (deps.pacer.restoreRate() * deps.budget.remainingMs()) / 1000;
  if (remaining * perPageNode <= reachable) return;
  const fitting = progress.read + Math.floor(reachable / perPageNode);
  throw rangeTooLarge(
    deps.budget.limitMs,
    progress.total,
    roundDown(fitting),
    `${remaining} of ${progress.total} nodes left at ≥ ${perPageNode.toFixed(2)} points each; ` +
      `${Math.floor(reachable)} points reachable within the budget`,
  );
}

/** Two significant digits, rounded down: "about 26,000", never more than fits. */
function roundDown(value: number): number {
  if (value < 100) return Math.max(0, Math.floor(value));
  const unit = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.floor(value / unit) * unit;
}

interface PageRequest {
  readonly after: string | null;
  readonly wanted: number;
  /** Ask for totalCount on this page. */
  readonly count: boolean;
}

interface Sizing {
  /** Jobber's cost of one node, calibrated from what it reports. */
  costPerNode: number;
}

function fetchPage(deps: ReaderDeps, query: ConnectionQuery, sizing: Sizing, page: PageRequest): Page {
  const { pacer } = deps;
  const document = page.count && query.countDocument !== undefined ? query.countDocument : query.document;
  const fixedCost = query.fixedCost + (document === query.document ? 0 : TOTAL_COUNT_COST);
  const fitting = pageSizeFor(sizing.costPerNode, fixedCost, pacer.maximumAvailable());
  if (fitting === 0) throw queryTooWide(Math.ceil(sizing.costPerNode), pacer.maximumAvailable());
  let first = Math.max(1, Math.min(fitting, page.wanted));
  const costed = (): Costed => ({
    request: { query: document, variables: { ...query.variables, first, after: page.after } },
    estimatedCost: pageCost(first, sizing.costPerNode, fixedCost),
  });
  // Only a page Jobber counts above the whole bucket shrinks (retry policy: too_costly): learn the
  // cost per node from Jobber's count and ask for as many nodes as then fit, at least one fewer.
  const shrinkable: Shrinkable = {
    canShrink: () => first > 1,
    shrink: (reported) => {
      if (reported !== undefined)
        sizing.costPerNode = calibratedCostPerNode(reported, first, fixedCost, sizing.costPerNode);
      const fits =
        reported === undefined
          ? Math.floor(first / 2)
          : pageSizeFor(sizing.costPerNode, fixedCost, pacer.maximumAvailable());
      first = Math.max(1, Math.min(first - 1, fits));
      return costed();
    },
  };
  const request = costed();
  const executed = deps.transport.execute(request.request, request.estimatedCost, shrinkable);
  if (executed.cost)
    sizing.costPerNode = calibratedCostPerNode(
      executed.cost.requestedQueryCost,
      first,
      fixedCost,
      sizing.costPerNode,
    );
  return pageAt(executed.data, query.path);
}

/** The connection at `path` in `data`; a null on the way (e.g. a parent that does not exist) is empty. */
function pageAt(data: JsonObject, path: readonly string[]): Page {
  let value: JsonValue | undefined = data;
  for (const key of path) {
    if (value === null) break;
    if (!isJsonObject(value)) throw malformed(`no object at ${path.join('.')}`);
    value = value[key];
  }
  if (value === null) return { nodes: [], hasNextPage: false, endCursor: null, totalCount: null };
  if (!isJsonObject(value)) throw malformed(`no connection at ${path.join('.')}`);
  const { nodes, pageInfo, totalCount } = value;
  if (!Array.isArray(nodes) || !nodes.every(isJsonObject)) throw malformed('connection without nodes');
  if (!isJsonObject(pageInfo) || typeof pageInfo.hasNextPage !== 'boolean')
    throw malformed('connection without pageInfo.hasNextPage');
  const endCursor = typeof pageInfo.endCursor === 'string' ? pageInfo.endCursor : null;
  const count =
    typeof totalCount === 'number' && Number.isInteger(totalCount) && totalCount >= 0 ? totalCount : null;
  return { nodes, hasNextPage: pageInfo.hasNextPage, endCursor, totalCount: count };
}

function malformed(what: string): JobberFailure {
  return new JobberFailure('malformed', what);
}

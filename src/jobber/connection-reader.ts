import { queryTooWide, rangeTooLarge } from '../errors';
import type { Clock } from '../platform';
import type { ConnectionQuery, ConnectionResult, JsonObject, JsonValue, ReadOptions } from './api';
import type { RuntimeBudget } from './budget';
import type { CostPacer } from './pacing';
import { calibratedCostPerNode, pageCost, pageSizeFor } from './page-size';
import { pageAt, type Page, type PageExpectation } from './page-shape';
import type { Costed, PagedRequest, Transport } from './transport';

/** totalCount costs one point (a scalar on the connection). */
export const TOTAL_COUNT_COST = 1;

export interface ReaderDeps {
  readonly transport: Transport;
  readonly pacer: CostPacer;
  readonly budget: RuntimeBudget;
  readonly clock: Clock;
}

/** Where a read stands after each page. */
interface ReadState {
  readonly nodes: JsonObject[];
  /** The latest totalCount Jobber gave, when the read counts. */
  total: number | null;
  /** The cursor after the last node read: the next page's `after`. */
  cursor: string | null;
}

/**
 * The one reader of Jobber connections: every page is sized to the cost bucket (calibrated from what
 * Jobber reports), paced, checked against the runtime budget, retried by the retry table and checked
 * for its shape (page-shape.ts); failures leave as the user error that says what to do.
 *
 * - A full read of a query that can count asks for totalCount on its first page: later pages are
 *   sized to what remains, a read the bucket cannot pay for within the budget is refused before it
 *   starts, and it never ends with fewer nodes than counted without a reason. When the last page
 *   ends short of the first page's count, one more page is asked for after the last cursor, with a
 *   fresh count: either it holds the rest (the earlier page ended too early), or its count explains
 *   the shortfall (records deleted during the read), or it is malformed. Records added during the
 *   read are read too (more nodes than counted is fine).
 * - `sort` + `stopWhen` read in another order and stop early (newest first down to a window or a
 *   watermark); `after` resumes from a checkpoint; `maxNodes` reads a sample. These reads do not
 *   count: a count of the whole connection does not describe them.
 */
export function readConnection(
  deps: ReaderDeps,
  query: ConnectionQuery,
  options: ReadOptions = {},
): ConnectionResult {
  const sizing: Sizing = { costPerNode: query.costPerNode };
  const read: ReadState = { nodes: [], total: null, cursor: options.after ?? null };
  let count =
    query.countDocument !== undefined &&
    options.maxNodes === undefined &&
    options.stopWhen === undefined &&
    options.after === undefined;
  for (let pages = 1; ; pages += 1) {
    const page = fetchPage(deps, query, sizing, {
      after: read.cursor,
      wanted: nodesWanted(options, read.nodes.length, read.total),
      count,
      readBefore: read.nodes.length,
      sort: options.sort,
    });
    read.nodes.push(...page.nodes);
    read.total = page.totalCount ?? read.total;
    read.cursor = page.endCursor ?? read.cursor;
    options.onPage?.({ pages, nodes: read.nodes.length, endCursor: read.cursor });
    // A counted page was checked against its own count; a shortfall against an older one asks again.
    const shortOfCount = page.totalCount === null && read.total !== null && read.nodes.length < read.total;
    if (!page.hasNextPage && !shortOfCount)
      return { nodes: read.nodes, complete: true, endCursor: read.cursor };
    if (options.stopWhen?.(page.nodes) === true || reachedMax(options, read.nodes.length))
      return { nodes: read.nodes, complete: false, endCursor: read.cursor };
    if (read.total !== null)
      assertReadFits(deps, query, sizing, { total: read.total, read: read.nodes.length });
    count = !page.hasNextPage;
  }
}

function reachedMax(options: ReadOptions, read: number): boolean {
  return options.maxNodes !== undefined && read >= options.maxNodes;
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
  const reachable = reachablePoints(deps);
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

/**
 * The points this execution can still pay Jobber: what the bucket holds now plus what it restores
 * before the budget ends, less what it restores during `reserveMs` kept for work after the reads.
 */
export function reachablePoints(deps: Pick<ReaderDeps, 'pacer' | 'budget' | 'clock'>, reserveMs = 0): number {
  const available = deps.pacer.predictedAvailable(deps.clock.now()) ?? deps.pacer.maximumAvailable();
  const restoring = Math.max(0, deps.budget.remainingMs() - reserveMs);
  return available + (deps.pacer.restoreRate() * restoring) / 1000;
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
  readonly readBefore: number;
  readonly sort: JsonValue | undefined;
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
  const sort: Record<string, JsonValue> = page.sort === undefined ? {} : { sort: page.sort };
  const costed = (): Costed => ({
    request: { query: document, variables: { ...query.variables, ...sort, first, after: page.after } },
    estimatedCost: pageCost(first, sizing.costPerNode, fixedCost),
  });
  const expected = (): PageExpectation => ({
    path: query.path,
    first,
    after: page.after,
    counted: document !== query.document,
    readBefore: page.readBefore,
  });
  // The transport checks every answer before taking it (a malformed page is retried like any
  // failure), so the page it checked last is the one it returns: it is not read twice.
  let checked: Page | undefined;
  // Only a page Jobber counts above the whole bucket shrinks (retry policy: too_costly): learn the
  // cost per node from Jobber's count and ask for as many nodes as then fit, at least one fewer.
  const paged: PagedRequest = {
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
    check: (data) => {
      checked = pageAt(data, expected());
    },
  };
  const request = costed();
  const executed = deps.transport.execute(request.request, request.estimatedCost, paged);
  if (executed.cost)
    sizing.costPerNode = calibratedCostPerNode(
      executed.cost.requestedQueryCost,
      first,
      fixedCost,
      sizing.costPerNode,
    );
  return checked ?? pageAt(executed.data, expected());
}

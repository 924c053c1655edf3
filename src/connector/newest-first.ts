/**
 * Reading a connection sorted newest first, page by page, until its records are older than the
 * report's window: for dates Jobber can sort by but not filter on (timesheet entries' start).
 * Every page waits for Jobber's cost bucket like any other request (GraphQLRequest.estimatedCost).
 */
import { isObject } from '../catalog/read';
import type { ConnectionQuery, JobberApi, JsonObject, JsonValue } from '../jobber/api';
import { failureToConnectorError, JobberFailure, type ConnectorError } from '../errors';

/** Records per page, and the most a page may cost (half of Jobber's 10,000-point bucket). */
export const NEWEST_FIRST_PAGE_SIZE = 100;
const PAGE_COST_LIMIT = 5_000;

/** Every record from the newest down to the first page that reaches past the window. */
export function readNewestFirst(
  api: JobberApi,
  query: ConnectionQuery,
  isOlderThanWindow: (node: JsonObject) => boolean,
): JsonObject[] {
  const first = Math.max(
    1,
    Math.min(NEWEST_FIRST_PAGE_SIZE, Math.floor(PAGE_COST_LIMIT / query.costPerNode)),
  );
  const nodes: JsonObject[] = [];
  let after: string | null = null;
  for (;;) {
    const data = api.query({
      query: query.document,
      variables: { ...query.variables, first, after },
      estimatedCost: query.fixedCost + first * query.costPerNode,
    });
    const page = connectionAt(data, query.path);
    nodes.push(...page.nodes);
    if (!page.hasNextPage || page.nodes.some(isOlderThanWindow)) return nodes;
    if (page.endCursor === null) throw unexpected('a page said there was more without a cursor');
    after = page.endCursor;
  }
}

interface Page {
  readonly nodes: readonly JsonObject[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

function connectionAt(data: JsonObject, path: readonly string[]): Page {
  let value: JsonValue | undefined = data;
  for (const key of path) value = isObject(value) ? value[key] : undefined;
  const nodes = isObject(value) ? value['nodes'] : undefined;
  const pageInfo = isObject(value) ? value['pageInfo'] : undefined;
  if (!Array.isArray(nodes) || !isObject(pageInfo)) throw unexpected(`no connection at ${path.join('.')}`);
  const endCursor = pageInfo['endCursor'];
  return {
    nodes: nodes.filter(isObject),
    hasNextPage: pageInfo['hasNextPage'] === true,
    endCursor: typeof endCursor === 'string' ? endCursor : null,
  };
}

/** The same user error as any other unreadable Jobber answer (docs/troubleshooting.md). */
function unexpected(what: string): ConnectorError {
  return failureToConnectorError(new JobberFailure('malformed', what));
}

/**
 * The fetch step of getData: (object, filter, date window, field ids) → formatted columns. It reads
 * only what the fields need, completes records whose nested lists (line items, assigned users, tags)
 * did not fit in the first page, cuts rows exactly to the date window and formats every value.
 * The cache wraps this step; nothing here knows about Looker Studio's request.
 */
import { buildObjectQuery, type NestedConnection } from '../catalog';
import { buildTable, rowSources, type Table } from '../catalog';
import type { CatalogObject, FieldDef, RowContext } from '../catalog';
import type { ConnectionQuery, JobberApi } from '../jobber';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { failureToConnectorError, JobberFailure } from '../errors';
import { inWindow } from './date-window';
import type { TimeWindow } from '../catalog';

/** Records read to answer Looker Studio's semantic-detection call (sampleExtraction): one small page. */
export const SAMPLE_RECORDS = 10;

export interface FetchPlan {
  readonly object: CatalogObject;
  /** Root filter arguments: the pushed-down filters and the (widened) date range. */
  readonly filter: JsonObject;
  /** The exact window and the date field it applies to; undefined for "all time". */
  readonly window: ReportWindow | undefined;
  readonly sample: boolean;
}

export interface ReportWindow {
  readonly range: TimeWindow;
  readonly field: FieldDef;
  /** The root query's sort that lists records newest first, when Jobber cannot filter this date. */
  readonly newestFirst?: JsonValue;
}

export function fetchTable(
  api: JobberApi,
  context: RowContext,
  plan: FetchPlan,
  fields: readonly FieldDef[],
): Table {
  const selected = plan.window ? [...fields, plan.window.field] : fields;
  const hasFilter = Object.keys(plan.filter).length > 0;
  const query = buildObjectQuery(plan.object, selected, hasFilter ? plan.filter : undefined, {
    sorted: plan.window?.newestFirst !== undefined,
  });
  const nodes = readRecords(api, query.root, plan, context);
  const kept = plan.window ? cutToWindow(nodes, plan.window, context) : nodes;
  const complete = plan.sample ? kept : completeNested(api, query.nested, kept);
  return buildTable(fields, rowSources(plan.object, complete), context);
}

function readRecords(
  api: JobberApi,
  root: ConnectionQuery,
  plan: FetchPlan,
  context: RowContext,
): readonly JsonObject[] {
  const window = plan.window;
  const sort = window?.newestFirst === undefined ? {} : { sort: window.newestFirst };
  if (plan.sample) return api.readConnection(root, { ...sort, maxNodes: SAMPLE_RECORDS }).nodes;
  if (window?.newestFirst === undefined) return api.readConnection(root).nodes;
  // Newest first, for dates Jobber can sort by but not filter on: down to the first page that
  // reaches past the window.
  const olderThanWindow = (node: JsonObject): boolean => {
    const value = window.field.read(node, context);
    return typeof value === 'number' && value < window.range.start;
  };
  return api.readConnection(root, { ...sort, stopWhen: (page) => page.some(olderThanWindow) }).nodes;
}

function cutToWindow(nodes: readonly JsonObject[], window: ReportWindow, context: RowContext): JsonObject[] {
  return nodes.filter((node) => {
    const value = window.field.read(node, context);
    return typeof value === 'number' && inWindow(value, window.range);
  });
}

/**
 * Re-reads, through the singular query, every nested list that has more items than its first page
 * (or whose first page is not a well-formed page), so a record's line items (or assigned users, or
 * tags) are all there. The re-read is a full, counted read: a record gone between the two reads
 * (`invoice: null`) is malformed like any other null, never a record without items.
 */
export function completeNested(
  api: JobberApi,
  nested: readonly NestedConnection[],
  nodes: readonly JsonObject[],
): readonly JsonObject[] {
  if (nested.length === 0) return nodes;
  return nodes.map((node) => {
    let completed = node;
    for (const connection of nested) {
      if (isCompletePage(node[connection.field])) continue;
      const id = node['id'];
      if (typeof id !== 'string')
        throw failureToConnectorError(
          new JobberFailure('malformed', `a record without id to complete ${connection.field}`),
        );
      const all = api.readConnection(connection.forRecord(id)).nodes;
      completed = { ...completed, [connection.field]: { nodes: [...all], pageInfo: { hasNextPage: false } } };
    }
    return completed;
  });
}

/** A first page that holds the whole list: nodes that are all objects and `hasNextPage: false`. */
function isCompletePage(connection: JsonValue | undefined): boolean {
  if (!isJsonObject(connection)) return false;
  const { nodes, pageInfo } = connection;
  return (
    Array.isArray(nodes) &&
    nodes.every(isJsonObject) &&
    isJsonObject(pageInfo) &&
    pageInfo['hasNextPage'] === false
  );
}

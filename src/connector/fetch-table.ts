/**
 * The fetch step of getData: (object, filter, date window, field ids) → formatted columns. It reads
 * only what the fields need, completes records whose nested lists (line items, assigned users, tags)
 * did not fit in the first page, cuts rows exactly to the date window and formats every value.
 * The cache wraps this step; nothing here knows about Looker Studio's request.
 */
import { buildObjectQuery, type NestedConnection } from '../catalog/query';
import { isObject } from '../catalog/read';
import { buildTable, rowSources, type ReportTable } from '../catalog/rows';
import type { CatalogObject, FieldDef, RowContext } from '../catalog/types';
import type { ConnectionQuery, JobberApi, JsonObject, JsonValue } from '../jobber/api';
import { inWindow, type TimeWindow } from './date-window';
import { readNewestFirst } from './newest-first';

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
): ReportTable {
  const selected = plan.window ? [...fields, plan.window.field] : fields;
  const hasFilter = Object.keys(plan.filter).length > 0;
  const query = buildObjectQuery(
    plan.object,
    selected,
    hasFilter ? plan.filter : undefined,
    plan.window?.newestFirst,
  );
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
  if (plan.sample) return api.readConnection(root, { maxNodes: SAMPLE_RECORDS }).nodes;
  if (window?.newestFirst === undefined) return api.readConnection(root).nodes;
  return readNewestFirst(api, root, (node) => {
    const value = window.field.read(node, context);
    return typeof value === 'number' && value < window.range.start;
  });
}

function cutToWindow(nodes: readonly JsonObject[], window: ReportWindow, context: RowContext): JsonObject[] {
  return nodes.filter((node) => {
    const value = window.field.read(node, context);
    return typeof value === 'number' && inWindow(value, window.range);
  });
}

/**
 * Re-reads, through the singular query, every nested list that has more items than its first page,
 * so a record's line items (or assigned users, or tags) are all there.
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
      const value = node[connection.field];
      const id = node['id'];
      if (!hasNextPage(value) || typeof id !== 'string') continue;
      const all = api.readConnection(connection.forRecord(id)).nodes;
      completed = { ...completed, [connection.field]: { nodes: [...all], pageInfo: { hasNextPage: false } } };
    }
    return completed;
  });
}

function hasNextPage(connection: JsonObject[string] | undefined): boolean {
  if (!isObject(connection)) return false;
  const pageInfo = connection['pageInfo'];
  return isObject(pageInfo) && pageInfo['hasNextPage'] === true;
}

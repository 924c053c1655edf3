/**
 * The GraphQL documents that read an object: one paged root query selecting only what the requested
 * fields need, and, per nested connection, a query that re-reads one record's remaining items.
 * Every value that comes from a report (filters, ids, cursors) travels in variables, never in text.
 */
import type { ConnectionQuery } from '../jobber';
import type { JsonObject, JsonValue } from '../json';
import {
  CONNECTION_FIXED_COST,
  nestedConnections,
  nodeCost,
  renderConnectionBody,
  selectionCost,
  subtree,
  treeOf,
  type SelectionTree,
} from './selection';
import type { CatalogObject, FieldDef } from './types';

export interface ObjectQuery {
  readonly root: ConnectionQuery;
  /** The nested connections on each root node (line items, assigned users, tags). */
  readonly nested: readonly NestedConnection[];
}

export interface NestedConnection {
  /** The connection's field name on the root node, e.g. `lineItems`. */
  readonly field: string;
  /** The query reading every item of one record, from the first page on. */
  forRecord(id: string): ConnectionQuery;
}

/**
 * The GraphQL paths (relative to a root node) that the given fields need. The record's `id` costs a
 * point per record, so it is selected only when a field reads it or a nested list may have to be
 * completed through the singular query (which takes the id).
 */
export function selectionPaths(object: CatalogObject, fields: readonly FieldDef[]): string[] {
  const childPrefix = object.rowsFrom ? `${object.rowsFrom}.nodes.` : '';
  const paths: string[] = [];
  // Rows of a child object exist even when no child field is requested (a count per invoice).
  if (object.rowsFrom) paths.push(`${childPrefix}__typename`);
  for (const field of fields) {
    const prefix = field.scope === 'node' ? childPrefix : '';
    for (const path of field.select) paths.push(prefix + path);
  }
  if (nestedConnections(treeOf(paths)).length > 0) paths.unshift('id');
  // A selection cannot be empty (a record count alone); __typename costs nothing.
  if (paths.length === 0) paths.push('__typename');
  return paths;
}

/** How the root query is asked: a filter, and whether it is read in another order than Jobber's. */
export interface QueryShape {
  /**
   * The root query declares `$sort` (the reader's `sort` option then passes it, e.g. newest first).
   * Only sorted reads declare it, so a Jobber that stops accepting the sort fails only those reads.
   */
  readonly sorted?: boolean;
}

/** The queries that read `fields` of `object`. */
export function buildObjectQuery(
  object: CatalogObject,
  fields: readonly FieldDef[],
  filter: JsonObject | undefined,
  shape: QueryShape = {},
): ObjectQuery {
  return buildPathQuery(object, selectionPaths(object, fields), filter, shape);
}

/** The queries that read these selection paths (relative to the root record) of `object`. */
export function buildPathQuery(
  object: CatalogObject,
  paths: readonly string[],
  filter: JsonObject | undefined,
  shape: QueryShape = {},
): ObjectQuery {
  const nodeTree = treeOf(paths);
  return {
    root: rootQuery(object, nodeTree, filter, shape),
    nested: nestedConnections(nodeTree).map((field) => nestedQuery(object, field, nodeTree)),
  };
}

/** What a selection of these paths costs Jobber per record (nested lists at their first page). */
export function pathsCost(paths: readonly string[]): number {
  return selectionCost(treeOf(paths));
}

function rootQuery(
  object: CatalogObject,
  nodeTree: SelectionTree,
  filter: JsonObject | undefined,
  shape: QueryShape,
): ConnectionQuery {
  const { connection, filterType, sortType } = object.root;
  const declarations = ['$first: Int!', '$after: String'];
  const argumentsText = ['first: $first', 'after: $after'];
  const variables: Record<string, JsonValue> = {};
  if (filter !== undefined && filterType !== undefined) {
    declarations.push(`$filter: ${filterType}`);
    argumentsText.push('filter: $filter');
    variables.filter = filter;
  }
  if (shape.sorted === true) {
    if (sortType === undefined) throw new Error(`${object.id}: a sorted read needs root.sortType`);
    declarations.push(`$sort: ${sortType}`);
    argumentsText.push('sort: $sort');
  }
  const connectionTree = { children: new Map([['nodes', nodeTree]]) };
  const documentWith = (withTotalCount: boolean): string =>
    `query ${operationName(object.id)}(${declarations.join(', ')}) ` +
    `{ ${connection}(${argumentsText.join(', ')}) ${renderConnectionBody(connectionTree, withTotalCount)} }`;
  return {
    document: documentWith(false),
    countDocument: documentWith(true),
    variables,
    path: [connection],
    costPerNode: selectionCost(nodeTree),
    leastCostPerNode: selectionCost(nodeTree, () => 0),
    fixedCost: CONNECTION_FIXED_COST,
  };
}

function nestedQuery(object: CatalogObject, field: string, nodeTree: SelectionTree): NestedConnection {
  const connectionTree = subtree(nodeTree, field) ?? { children: new Map() };
  const { singular } = object.root;
  if (singular === undefined) throw new Error(`${object.id}: a nested connection needs root.singular`);
  const documentWith = (withTotalCount: boolean): string =>
    `query ${operationName(object.id)}More${capitalise(field)}($id: EncodedId!, $first: Int!, $after: String) ` +
    `{ ${singular}(id: $id) { ${field}(first: $first, after: $after) ${renderConnectionBody(connectionTree, withTotalCount)} } }`;
  return {
    field,
    forRecord: (id) => ({
      document: documentWith(false),
      countDocument: documentWith(true),
      variables: { id },
      path: [singular, field],
      costPerNode: nodeCost(connectionTree),
      fixedCost: 1 + CONNECTION_FIXED_COST,
    }),
  };
}

function operationName(objectId: string): string {
  return `${capitalise(objectId)}Report`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

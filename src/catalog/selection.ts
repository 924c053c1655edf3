/**
 * Turns the GraphQL paths that fields need into the smallest selection that serves them, and prices
 * it with Jobber's cost rules (docs/sandbox.md): every field costs 1 except `nodes`, `edges`, `node`
 * and `__typename`; a connection costs 1 + first × (its node's selection) + its pageInfo.
 *
 * A path segment followed by `nodes` is a nested connection (`lineItems.nodes.name`). It is read
 * with `first: nestedPageSize(name)` plus its pageInfo, so a record with more items than that is
 * completed afterwards through the singular query (see completeNested in connector/fetch-table.ts).
 */

export const NESTED_PAGE_SIZE = 20;

/**
 * Smaller first pages for lists that are short in practice: Jobber charges the requested size, not
 * what comes back, so these keep pages cheap; the rare longer list is completed afterwards.
 */
const SHORT_LISTS: Readonly<Record<string, number>> = { assignedUsers: 5, tags: 10 };

export function nestedPageSize(connection: string): number {
  return SHORT_LISTS[connection] ?? NESTED_PAGE_SIZE;
}
const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';
const PAGE_INFO_COST = 3;
const FREE_FIELDS = new Set(['nodes', 'edges', 'node', '__typename']);

export interface SelectionTree {
  readonly children: Map<string, SelectionTree>;
}

export function emptyTree(): SelectionTree {
  return { children: new Map() };
}

export function addPath(tree: SelectionTree, path: string): void {
  let current = tree;
  for (const key of path.split('.')) {
    let child = current.children.get(key);
    if (!child) {
      child = emptyTree();
      current.children.set(key, child);
    }
    current = child;
  }
}

export function treeOf(paths: Iterable<string>): SelectionTree {
  const tree = emptyTree();
  for (const path of paths) addPath(tree, path);
  return tree;
}

/** The subtree at a path, if the tree has it. */
export function subtree(tree: SelectionTree, path: string): SelectionTree | undefined {
  let current: SelectionTree | undefined = tree;
  for (const key of path.split('.')) current = current?.children.get(key);
  return current;
}

export function isConnection(tree: SelectionTree): boolean {
  return tree.children.has('nodes');
}

/** The names of the nested connections directly under a node's selection. */
export function nestedConnections(tree: SelectionTree): string[] {
  return [...tree.children].filter(([, child]) => isConnection(child)).map(([name]) => name);
}

/** GraphQL text for the fields inside a node, e.g. `id amounts { total } lineItems(first: 20) { … }`. */
export function renderSelection(tree: SelectionTree): string {
  const parts: string[] = [];
  for (const [name, child] of tree.children) {
    if (isConnection(child))
      parts.push(`${name}(first: ${nestedPageSize(name)}) ${renderConnectionBody(child)}`);
    else if (child.children.size === 0) parts.push(name);
    else parts.push(`${name} { ${renderSelection(child)} }`);
  }
  return parts.join(' ');
}

/**
 * `{ nodes { … } pageInfo { hasNextPage endCursor } }` for a connection's selection, with
 * `totalCount` when asked (1 point; the root query's first page counts the records).
 */
export function renderConnectionBody(connection: SelectionTree, withTotalCount = false): string {
  const nodes = connection.children.get('nodes') ?? emptyTree();
  return `{ nodes { ${renderSelection(nodes)} } ${PAGE_INFO}${withTotalCount ? ' totalCount' : ''} }`;
}

/**
 * What Jobber charges for one node with this selection. `listSize` is how many items each nested
 * list is priced at: its page size for the requested cost, 0 for the least a node can cost.
 */
export function selectionCost(
  tree: SelectionTree,
  listSize: (connection: string) => number = nestedPageSize,
): number {
  let cost = 0;
  for (const [name, child] of tree.children) {
    if (isConnection(child)) cost += connectionCost(child, listSize(name));
    else if (FREE_FIELDS.has(name)) cost += selectionCost(child, listSize);
    else cost += 1 + selectionCost(child, listSize);
  }
  return cost;
}

/** A connection field read `first` nodes at a time: 1 + first × node cost + pageInfo. */
export function connectionCost(connection: SelectionTree, first: number): number {
  return 1 + first * nodeCost(connection) + PAGE_INFO_COST;
}

/** The cost of one node inside a connection's selection. */
export function nodeCost(connection: SelectionTree): number {
  return selectionCost(connection.children.get('nodes') ?? emptyTree());
}

/** The cost of a connection without its nodes: the field itself and its pageInfo. */
export const CONNECTION_FIXED_COST = 1 + PAGE_INFO_COST;

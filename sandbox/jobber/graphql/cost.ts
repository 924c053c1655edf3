import {
  getArgumentValues,
  getNamedType,
  GraphQLError,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection';

/**
 * Jobber's query cost, as the team reads api_rate_limits: each field 1; `nodes`, `edges`, `node`
 * and `__typename` 0; a `*Connection` field 1 + m × (cost of one node's selection) + its other
 * children (pageInfo and its fields, totalCount, cursor once), where m is `first` ?? `last` ?? 100
 * for the requested cost and the number of nodes returned for the actual cost. Other object
 * fields cost 1 + their children; lists that are not connections are not multiplied.
 */
export interface CostInput {
  readonly schema: GraphQLSchema;
  readonly operation: OperationDefinitionNode;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly variables: Readonly<Record<string, unknown>>;
}

interface Walk extends CostInput {
  /** Undefined for the requested cost; the response data for the actual cost. */
  readonly actual: boolean;
  readonly pageErrors: GraphQLError[];
}

export function requestedCost(input: CostInput): { cost: number; errors: GraphQLError[] } {
  const walk: Walk = { ...input, actual: false, pageErrors: [] };
  const cost = selectionCost(walk, input.operation.selectionSet, rootType(input), undefined);
  return { cost, errors: walk.pageErrors };
}

export function actualCost(input: CostInput, data: unknown): number {
  const walk: Walk = { ...input, actual: true, pageErrors: [] };
  return selectionCost(walk, input.operation.selectionSet, rootType(input), data ?? null);
}

function rootType(input: CostInput): GraphQLCompositeType {
  const type =
    input.operation.operation === 'mutation' ? input.schema.getMutationType() : input.schema.getQueryType();
  if (!type) throw new Error(`The schema has no ${input.operation.operation} type`);
  return type;
}

interface Collected {
  readonly nodes: FieldNode[];
  readonly owner: GraphQLCompositeType;
}

/** Fields by response key, through fragments (type conditions ignored: the bound counts them all). */
function collect(
  walk: Walk,
  set: SelectionSetNode,
  owner: GraphQLCompositeType,
  into = new Map<string, Collected>(),
): Map<string, Collected> {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const existing = into.get(key);
      if (existing) existing.nodes.push(selection);
      else into.set(key, { nodes: [selection], owner });
    } else {
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments[selection.name.value];
      if (!fragment) continue;
      const conditionName = fragment.typeCondition?.name.value;
      const conditionType = conditionName ? walk.schema.getType(conditionName) : owner;
      collect(walk, fragment.selectionSet, isCompositeType(conditionType) ? conditionType : owner, into);
    }
  }
  return into;
}

function fieldOf(owner: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return 'getFields' in owner ? owner.getFields()[name] : undefined;
}

function mergedSelection(nodes: readonly FieldNode[]): SelectionSetNode {
  return {
    kind: Kind.SELECTION_SET,
    selections: nodes.flatMap((node) => node.selectionSet?.selections ?? []),
  };
}

function childData(data: unknown, key: string): unknown {
  if (data === undefined) return undefined;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  return (data as Record<string, unknown>)[key] ?? null;
}

function selectionCost(
  walk: Walk,
  set: SelectionSetNode,
  owner: GraphQLCompositeType,
  data: unknown,
): number {
  let cost = 0;
  for (const [key, { nodes, owner: fieldOwner }] of collect(walk, set, owner)) {
    const first = nodes[0];
    if (!first || first.name.value === '__typename') continue;
    const field = fieldOf(fieldOwner, first.name.value);
    if (!field) continue;
    const named = getNamedType(field.type);
    if (isCompositeType(named) && named.name.endsWith('Connection')) {
      cost += connectionCost(walk, field, nodes, named, childData(data, key));
    } else if (isCompositeType(named)) {
      const value = isListOutput(field.type) ? undefined : childData(data, key);
      cost +=
        1 + selectionCost(walk, mergedSelection(nodes), named, walk.actual ? (value ?? null) : undefined);
    } else {
      cost += 1;
    }
  }
  return cost;
}

function isListOutput(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function connectionCost(
  walk: Walk,
  field: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  connection: GraphQLCompositeType,
  data: unknown,
): number {
  const pageSize = requestedPageSize(walk, field, nodes);
  let cost = 1;
  for (const [key, { nodes: inner }] of collect(walk, mergedSelection(nodes), connection)) {
    const name = inner[0]?.name.value;
    const innerField = name === undefined ? undefined : fieldOf(connection, name);
    if (!innerField || name === '__typename') continue;
    const innerType = getNamedType(innerField.type);
    if (!isCompositeType(innerType)) cost += 1;
    else if (name === 'nodes')
      cost += perNode(walk, mergedSelection(inner), innerType, childData(data, key), pageSize, false);
    else if (name === 'edges')
      cost += perNode(walk, mergedSelection(inner), innerType, childData(data, key), pageSize, true);
    else
      cost +=
        1 +
        selectionCost(
          walk,
          mergedSelection(inner),
          innerType,
          walk.actual ? childData(data, key) : undefined,
        );
  }
  return cost;
}

/** m × (one node's cost): requested with m = page size, actual summed over the nodes returned. */
function perNode(
  walk: Walk,
  set: SelectionSetNode,
  type: GraphQLCompositeType,
  list: unknown,
  pageSize: number,
  edges: boolean,
): number {
  const nodeCost = (item: unknown): number => {
    if (!edges) return selectionCost(walk, set, type, item);
    let cost = 0;
    for (const [key, { nodes }] of collect(walk, set, type)) {
      const name = nodes[0]?.name.value;
      const field = name === undefined ? undefined : fieldOf(type, name);
      const named = field ? getNamedType(field.type) : undefined;
      if (name === 'node' && named && isCompositeType(named)) {
        cost += selectionCost(
          walk,
          mergedSelection(nodes),
          named,
          item === undefined ? undefined : childData(item, key),
        );
      }
    }
    return cost;
  };
  const cursorCost = edges && hasField(walk, set, type, 'cursor') ? 1 : 0;
  if (!walk.actual) return cursorCost + pageSize * nodeCost(undefined);
  const items = Array.isArray(list) ? list : [];
  return cursorCost + items.reduce((sum: number, item: unknown) => sum + nodeCost(item), 0);
}

function hasField(walk: Walk, set: SelectionSetNode, type: GraphQLCompositeType, name: string): boolean {
  return [...collect(walk, set, type).values()].some((entry) => entry.nodes[0]?.name.value === name);
}

/** `first` ?? `last` ?? 100, checked against Jobber's page limit (an error above 100). */
function requestedPageSize(
  walk: Walk,
  field: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
): number {
  const node = nodes[0];
  if (!node) return DEFAULT_PAGE_SIZE;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, walk.variables as Record<string, unknown>);
  } catch {
    return DEFAULT_PAGE_SIZE; // validation reports bad arguments
  }
  for (const name of ['first', 'last']) {
    const value = args[name];
    if (typeof value === 'number' && (value > MAX_PAGE_SIZE || value < 0) && !walk.actual) {
      walk.pageErrors.push(
        new GraphQLError(
          `Argument '${name}' on Field '${node.name.value}' must be between 0 and ${MAX_PAGE_SIZE} (got ${value})`,
          {
            nodes: [node],
            extensions: { code: 'argumentLiteralsIncompatible' },
          },
        ),
      );
    }
  }
  const size = args.first ?? args.last;
  return typeof size === 'number' ? Math.min(Math.max(size, 0), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

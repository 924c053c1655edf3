import {
  getOperationAST,
  Kind,
  parse,
  valueFromASTUntyped,
  type FieldNode,
  type SelectionSetNode,
} from 'graphql';
import { decodeCursor, DEFAULT_PAGE_SIZE } from './connection';
import type { GraphqlRequest } from './execute';

/**
 * Which page of a pagination a request asks for: its first paginated field's `after` cursor
 * position divided by the page size, plus one. Undefined when the query has no such field.
 */
export function pageOfRequest(request: GraphqlRequest): number | undefined {
  let document;
  try {
    document = parse(request.query);
  } catch {
    return undefined;
  }
  const operation = getOperationAST(document, request.operationName);
  const field = operation ? firstPaginated(operation.selectionSet) : undefined;
  if (!field) return undefined;
  const args = Object.fromEntries(
    (field.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value, request.variables)]),
  );
  const size =
    typeof args.first === 'number'
      ? args.first
      : typeof args.last === 'number'
        ? args.last
        : DEFAULT_PAGE_SIZE;
  const cursor = typeof args.after === 'string' ? decodeCursor(args.after) : undefined;
  const offset = cursor ? cursor.index + 1 : 0;
  return Math.floor(offset / Math.max(1, size)) + 1;
}

function firstPaginated(set: SelectionSetNode): FieldNode | undefined {
  for (const selection of set.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const names = (selection.arguments ?? []).map((arg) => arg.name.value);
    if (names.some((name) => name === 'after' || name === 'first' || name === 'last')) return selection;
    const nested = selection.selectionSet ? firstPaginated(selection.selectionSet) : undefined;
    if (nested) return nested;
  }
  return undefined;
}

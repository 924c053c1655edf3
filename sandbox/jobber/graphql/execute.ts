import {
  executeSync,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { GraphqlContext } from './context';
import { actualCost, requestedCost, type CostInput } from './cost';
import { sandboxFieldResolver } from './schema';
import { validateLikeJobber } from './validation';
import { coerceVariablesLikeJobber } from './variables';

export interface GraphqlRequest {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly operationName?: string;
}

export interface PreparedQuery extends CostInput {
  readonly document: DocumentNode;
  readonly requested: number;
}

export type Preparation =
  | { readonly ok: true; readonly query: PreparedQuery }
  | { readonly ok: false; readonly errors: readonly GraphQLError[] };

/** Parse, validate, coerce variables and compute the requested cost, before anything runs. */
export function prepare(schema: GraphQLSchema, request: GraphqlRequest): Preparation {
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    return { ok: false, errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))] };
  }
  const validationErrors = validateLikeJobber(schema, document);
  if (validationErrors.length > 0) return { ok: false, errors: validationErrors };
  const operation = getOperationAST(document, request.operationName);
  if (!operation)
    return { ok: false, errors: [new GraphQLError('Could not determine which operation to run')] };
  const coerced = coerceVariablesLikeJobber(schema, operation.variableDefinitions ?? [], request.variables);
  if (coerced.errors) return { ok: false, errors: coerced.errors };
  const base = { schema, operation, fragments: fragmentsOf(document), variables: coerced.coerced };
  const { cost, errors } = requestedCost(base);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, query: { ...base, document, requested: cost } };
}

export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/** Runs a prepared query; resolvers are synchronous, so is execution. */
export function run(
  prepared: PreparedQuery,
  request: GraphqlRequest,
  context: GraphqlContext,
): { result: ExecutionResult; actual: number } {
  const result = executeSync({
    schema: prepared.schema,
    document: prepared.document,
    variableValues: request.variables,
    operationName: request.operationName,
    contextValue: context,
    fieldResolver: sandboxFieldResolver,
  });
  return { result, actual: actualCost(prepared, result.data) };
}

/** The first field of the operation (for "hidden due to permissions" messages). */
export function rootFieldName(operation: OperationDefinitionNode | undefined): string {
  const first = operation?.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  return first?.kind === Kind.FIELD ? first.name.value : 'account';
}

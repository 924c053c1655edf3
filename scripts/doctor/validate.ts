/**
 * Validates the catalog's documents against a schema with graphql-js, as Jobber would: each check is
 * ok, or a field Jobber does not have is missing, or something it does have changed (a type, an
 * argument, an enum value the connector sends).
 */
import {
  getVariableValues,
  isEnumType,
  parse,
  validate,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { enumEntries, type EnumName } from '../../src/catalog/enums';
import type { DocumentCheck } from './documents';

export type CheckStatus = 'ok' | 'missing' | 'changed';

export interface CheckResult {
  readonly check: DocumentCheck;
  readonly status: CheckStatus;
  readonly problems: readonly string[];
}

const UNDEFINED_FIELD = /^Cannot query field "/;

export function runCheck(schema: GraphQLSchema, check: DocumentCheck): CheckResult {
  const problems = [
    ...new Set(check.requests.flatMap((request) => problemsOf(schema, request.document, request.variables))),
  ];
  const status: CheckStatus =
    problems.length === 0
      ? 'ok'
      : problems.some((problem) => UNDEFINED_FIELD.test(problem))
        ? 'missing'
        : 'changed';
  return { check, status, problems };
}

function problemsOf(schema: GraphQLSchema, text: string, variables: Record<string, unknown>): string[] {
  const document = parse(text);
  const invalid = validate(schema, document).map((error) => error.message);
  if (invalid.length > 0) return invalid;
  const operation = document.definitions[0] as OperationDefinitionNode;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  return coerced.errors?.map((error) => error.message) ?? [];
}

/**
 * Values Jobber's enums have that the connector's label table does not: not a problem (they show as
 * a readable label made from the value), but worth a line so labels can be added.
 */
export function unlabelledEnumValues(schema: GraphQLSchema, enumNames: readonly EnumName[]): string[] {
  return enumNames.flatMap((name) => {
    const type = schema.getType(name);
    if (!isEnumType(type)) return [];
    const known = new Set(enumEntries(name).map(([value]) => value));
    return type
      .getValues()
      .map((value) => value.name)
      .filter((value) => !known.has(value))
      .map((value) => `${name}.${value}`);
  });
}

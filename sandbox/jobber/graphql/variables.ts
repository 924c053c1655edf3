/**
 * Variable values coerced as graphql-js does, with graphql-ruby's (Jobber's) error shape: "Variable
 * $filter of type VisitFilterAttributes was provided invalid value for isComplete (Field is not
 * defined on VisitFilterAttributes)", extensions { value, problems: [{ path, explanation }] }.
 */
import {
  coerceInputValue,
  GraphQLError,
  isEnumType,
  isInputType,
  isNonNullType,
  typeFromAST,
  valueFromAST,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from 'graphql';

export type VariableCoercion =
  | { readonly coerced: Record<string, unknown>; readonly errors?: undefined }
  | { readonly errors: readonly GraphQLError[]; readonly coerced?: undefined };

interface Problem {
  readonly path: ReadonlyArray<string | number>;
  readonly explanation: string;
}

export function coerceVariablesLikeJobber(
  schema: GraphQLSchema,
  definitions: readonly VariableDefinitionNode[],
  inputs: Readonly<Record<string, unknown>>,
): VariableCoercion {
  const coerced: Record<string, unknown> = {};
  const errors: GraphQLError[] = [];
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) continue; // VariablesAreInputTypesRule has reported it
    const signature = String(type);
    const given = Object.prototype.hasOwnProperty.call(inputs, name) ? inputs[name] : undefined;
    if (given === undefined) {
      if (definition.defaultValue) coerced[name] = valueFromAST(definition.defaultValue, type);
      else if (isNonNullType(type)) errors.push(invalid(definition, signature, null, [notNull()]));
      continue;
    }
    if (given === null && isNonNullType(type)) {
      errors.push(invalid(definition, signature, null, [notNull()]));
      continue;
    }
    const problems: Problem[] = [];
    const value = coerceInputValue(given, type, (path, _invalid, error) =>
      problems.push({
        path: [...path.map(String), ...undefinedFieldOf(error)],
        explanation: explain(schema, error),
      }),
    );
    if (problems.length > 0) errors.push(invalid(definition, signature, given, problems));
    else coerced[name] = value;
  }
  return errors.length > 0 ? { errors } : { coerced };
}

function notNull(): Problem {
  return { path: [], explanation: 'Expected value to not be null' };
}

function invalid(
  definition: VariableDefinitionNode,
  signature: string,
  value: unknown,
  problems: readonly Problem[],
): GraphQLError {
  const fields = problems
    .filter((problem) => problem.path.length > 0)
    .map((problem) => `${problem.path.join('.')} (${problem.explanation})`);
  const message =
    `Variable $${definition.variable.name.value} of type ${signature} was provided invalid value` +
    (fields.length > 0 ? ` for ${fields.join(', ')}` : '');
  return new GraphQLError(message, { nodes: definition, extensions: { value, problems } });
}

/** graphql-js reports an unknown input field at its object; graphql-ruby at the field itself. */
function undefinedFieldOf(error: GraphQLError): string[] {
  const match = /^Field "([^"]+)" is not defined by type "/.exec(error.message);
  return match?.[1] === undefined ? [] : [match[1]];
}

/** graphql-ruby's explanations for what graphql-js reports in its own words. */
function explain(schema: GraphQLSchema, error: GraphQLError): string {
  const undefinedField = /^Field "([^"]+)" is not defined by type "([^"]+)"/.exec(error.message);
  if (undefinedField) return `Field is not defined on ${undefinedField[2] ?? ''}`;
  const badEnum = /^Value "([^"]+)" does not exist in "([^"]+)" enum/.exec(error.message);
  const enumType = badEnum ? schema.getType(badEnum[2] ?? '') : undefined;
  if (badEnum && isEnumType(enumType))
    return `Expected "${badEnum[1] ?? ''}" to be one of: ${enumType
      .getValues()
      .map((definition) => definition.name)
      .join(', ')}`;
  return error.message.replace(/\.$/, '');
}

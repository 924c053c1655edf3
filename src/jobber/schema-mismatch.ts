/**
 * Recognises the errors Jobber (graphql-ruby) gives a query that uses something its schema lacks
 * (docs/jobber-api.md §4.1), by their extension codes and, for variables, their documented shape.
 */
import type { SchemaMismatch } from '../errors';
import type { JsonObject, JsonValue } from '../json';

const INVALID_VARIABLE = /^Variable \$(\w+) of type \S+ was provided invalid value/;

/** Every error of the body that says Jobber's schema refused part of the query. */
export function schemaMismatchesOf(body: JsonObject): SchemaMismatch[] {
  const errors = Array.isArray(body.errors) ? body.errors : [];
  return errors.flatMap((error) => {
    const mismatch = isObject(error) ? mismatchOf(error) : undefined;
    return mismatch ? [mismatch] : [];
  });
}

function mismatchOf(error: JsonObject): SchemaMismatch | undefined {
  const message = typeof error.message === 'string' ? error.message : '';
  const extensions = isObject(error.extensions) ? error.extensions : {};
  const documentPath = strings(error.path);
  const common = { message, ...(documentPath ? { documentPath } : {}) };
  if (extensions.code === 'undefinedField')
    return {
      code: 'undefinedField',
      ...text('typeName', extensions.typeName),
      ...text('fieldName', extensions.fieldName),
      ...common,
    };
  if (extensions.code === 'argumentNotAccepted')
    return {
      code: 'argumentNotAccepted',
      ...text('typeName', extensions.typeName),
      ...text('fieldName', extensions.name),
      ...text('argumentName', extensions.argumentName),
      ...common,
    };
  const variable = INVALID_VARIABLE.exec(message)?.[1];
  if (variable === undefined) return undefined;
  const problems = Array.isArray(extensions.problems) ? extensions.problems : [];
  const valuePaths = problems.flatMap((problem) => {
    const path = isObject(problem) ? strings(problem.path) : undefined;
    return path ? [path] : [];
  });
  return { code: 'invalidVariable', variable, valuePaths, ...common };
}

function text<K extends string>(key: K, value: JsonValue | undefined): Partial<Record<K, string>> {
  return typeof value === 'string' ? ({ [key]: value } as Record<K, string>) : {};
}

function strings(value: JsonValue | undefined): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((item) => (typeof item === 'string' ? item : String(item)));
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

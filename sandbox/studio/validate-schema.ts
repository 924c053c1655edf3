import { FIELD_TYPE_NAMES, dataTypeOf, type FieldTypeName } from '../runtime/apps-script/data-studio/types';
import type { SchemaField } from './types';
import { isObject } from './validate-config';

const AGGREGATIONS = ['AVG', 'COUNT', 'COUNT_DISTINCT', 'MAX', 'MIN', 'SUM', 'AUTO', 'NO_AGGREGATION'];
/** Assumption (documented in docs/runtime.md): field ids are letters, digits and underscores. */
const FIELD_ID = /^[A-Za-z0-9_]+$/;

/** Problems with a getSchema answer: { schema: Field[] } with unique, well-typed fields. */
export function schemaProblems(value: unknown): string[] {
  if (!isObject(value) || !Array.isArray(value.schema)) return ['the answer is not { schema: [...] }'];
  if (value.schema.length === 0) return ['the schema has no fields'];
  return fieldListProblems(value.schema);
}

export function fieldListProblems(fields: readonly unknown[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  fields.forEach((field, index) => {
    const name = isObject(field) ? field.name : undefined;
    if (typeof name === 'string' && ids.has(name)) problems.push(`field "${name}" appears twice`);
    if (typeof name === 'string') ids.add(name);
    problems.push(...fieldProblems(field, index));
  });
  return problems;
}

function fieldProblems(field: unknown, index: number): string[] {
  if (!isObject(field)) return [`field ${index} is not an object`];
  const where = `field "${String(field.name)}"`;
  const problems: string[] = [];
  if (typeof field.name !== 'string' || !FIELD_ID.test(field.name))
    problems.push(`field ${index} has no valid id: ${JSON.stringify(field.name)}`);
  if (typeof field.label !== 'string' || field.label === '') problems.push(`${where} has no label`);
  const semantics = isObject(field.semantics) ? field.semantics : {};
  const type = semantics.semanticType;
  if (!FIELD_TYPE_NAMES.includes(type as FieldTypeName))
    problems.push(`${where} has an unknown semanticType ${String(type)}`);
  else if (field.dataType !== dataTypeOf(type as FieldTypeName))
    problems.push(
      `${where} has dataType ${String(field.dataType)}; ${String(type)} needs ${dataTypeOf(type as FieldTypeName)}`,
    );
  if (semantics.conceptType !== 'DIMENSION' && semantics.conceptType !== 'METRIC')
    problems.push(`${where} has conceptType ${String(semantics.conceptType)}, not DIMENSION or METRIC`);
  if (
    field.defaultAggregationType !== undefined &&
    !AGGREGATIONS.includes(String(field.defaultAggregationType))
  )
    problems.push(`${where} has an unknown aggregation ${String(field.defaultAggregationType)}`);
  return problems;
}

/** Whether two descriptions of a field agree on what Looker Studio relies on. */
export function sameField(a: SchemaField, b: SchemaField): boolean {
  return (
    a.name === b.name &&
    a.dataType === b.dataType &&
    a.semantics.semanticType === b.semantics.semanticType &&
    a.semantics.conceptType === b.semantics.conceptType
  );
}

import { rowPasses } from './filters';
import type { CellValue, GetDataRequest, GetDataResponse, SchemaField } from './types';
import { isObject } from './validate-config';
import { fieldListProblems, sameField } from './validate-schema';
import { valueProblem } from './value-formats';

const MAX_REPORTED = 20;

/**
 * Problems with a getData answer for this request: the schema holds exactly the requested fields
 * in request order (forFilterOnly fields dropped if and only if filtersApplied is true), each as
 * getSchema described it; every row has one well-formed value per field; applied filters hold.
 */
export function dataProblems(
  request: GetDataRequest,
  value: unknown,
  fullSchema: readonly SchemaField[],
): string[] {
  if (!isObject(value) || !Array.isArray(value.schema) || !Array.isArray(value.rows))
    return ['the answer is not { schema: [...], rows: [...] }'];
  const response = value as unknown as GetDataResponse;
  const problems = [...filtersAppliedProblems(request, response), ...fieldListProblems(response.schema)];
  problems.push(...schemaOrderProblems(request, response, fullSchema));
  if (problems.length === 0) problems.push(...rowProblems(request, response));
  return problems.slice(0, MAX_REPORTED);
}

function filtersAppliedProblems(request: GetDataRequest, response: GetDataResponse): string[] {
  const applied = response.filtersApplied;
  if (applied !== undefined && typeof applied !== 'boolean') return ['filtersApplied is not a boolean'];
  if (applied === true && !request.dimensionsFilters?.length)
    return ['filtersApplied is true but the request had no dimensionsFilters'];
  return [];
}

function expectedNames(request: GetDataRequest, filtersApplied: boolean): string[] {
  return request.fields
    .filter((field) => !(filtersApplied && field.forFilterOnly))
    .map((field) => field.name);
}

function schemaOrderProblems(
  request: GetDataRequest,
  response: GetDataResponse,
  fullSchema: readonly SchemaField[],
): string[] {
  const expected = expectedNames(request, response.filtersApplied === true);
  const actual = response.schema.map((field) => field.name);
  const problems: string[] = [];
  if (expected.join(',') !== actual.join(',')) {
    const note = response.filtersApplied ? ' (forFilterOnly fields dropped, as filters were applied)' : '';
    problems.push(
      `the schema lists [${actual.join(', ')}]; the request asked for [${expected.join(', ')}] in that order${note}`,
    );
  }
  for (const field of response.schema) {
    const declared = fullSchema.find((candidate) => candidate.name === field.name);
    if (declared && !sameField(declared, field))
      problems.push(`field "${field.name}" differs from what getSchema declared`);
  }
  return problems;
}

function rowProblems(request: GetDataRequest, response: GetDataResponse): string[] {
  const problems: string[] = [];
  const width = response.schema.length;
  response.rows.forEach((row, index) => {
    if (!isObject(row) || !Array.isArray(row.values))
      return problems.push(`row ${index} is not { values: [...] }`);
    if (row.values.length !== width)
      return problems.push(`row ${index} has ${row.values.length} values for ${width} fields`);
    row.values.forEach((cell, column) => {
      const field = response.schema[column];
      const problem = field ? valueProblem(field.semantics.semanticType, cell) : null;
      if (problem) problems.push(`row ${index}, field "${field?.name}": ${problem}`);
    });
    if (response.filtersApplied && request.dimensionsFilters && failsFilters(request, response, row.values))
      problems.push(`row ${index} does not pass the filters, yet filtersApplied is true`);
    return undefined;
  });
  return problems;
}

function failsFilters(
  request: GetDataRequest,
  response: GetDataResponse,
  values: readonly CellValue[],
): boolean {
  const valueOf = (name: string): CellValue | undefined => {
    const column = response.schema.findIndex((field) => field.name === name);
    return column < 0 ? undefined : values[column];
  };
  return rowPasses(request.dimensionsFilters ?? [], valueOf) === false;
}

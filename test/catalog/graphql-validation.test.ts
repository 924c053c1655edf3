/**
 * Every query the catalog can build is valid GraphQL for Jobber's schema: all objects × all fields,
 * with every date filter and every pushdown filter value, and the queries that complete nested lists.
 */
import { getVariableValues, parse, validate, type OperationDefinitionNode } from 'graphql';
import { CATALOG } from '../../src/catalog/catalog';
import { filterableValues } from '../../src/catalog/enums';
import { buildObjectQuery } from '../../src/catalog/query';
import type { CatalogObject, Pushdown } from '../../src/catalog/types';
import type { ConnectionQuery, JsonObject, JsonValue } from '../../src/jobber/api';
import { jobberSchema } from '../support/jobber-schema';

function expectValid(query: ConnectionQuery, extraVariables: JsonObject = {}): void {
  const schema = jobberSchema();
  const document = parse(query.document);
  expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const variables = { first: 10, after: null, ...query.variables, ...extraVariables };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  expect(coerced.errors?.map((error) => error.message) ?? []).toEqual([]);
}

function sampleValues(pushdown: Pushdown): JsonValue[] {
  if (pushdown.kind === 'enum') return filterableValues(pushdown.enumName);
  if (pushdown.kind === 'boolean') return [true, false];
  return ['MTIzNDU='];
}

function dateRange(): JsonObject {
  return { after: '2024-01-01T00:00:00Z', before: '2024-02-01T00:00:00Z' };
}

describe.each(CATALOG.map((object): [string, CatalogObject] => [object.id, object]))('%s', (_id, object) => {
  it('reads every field in one valid query', () => {
    expectValid(buildObjectQuery(object, object.fields, undefined).root);
  });

  it('counts the records on its first page with a valid query (totalCount)', () => {
    const root = buildObjectQuery(object, object.fields, undefined).root;
    expect(root.countDocument).toContain('totalCount');
    expectValid({ ...root, document: root.countDocument ?? '' });
  });

  it('reads a chart that only counts records with a valid query', () => {
    const count = object.fields.find((field) => field.select.length === 0);
    if (count) expectValid(buildObjectQuery(object, [count], undefined).root);
  });

  it('filters (or sorts newest first) on each of its dates', () => {
    for (const option of object.dateOptions) {
      const filter =
        option.filterArgument === undefined ? undefined : { [option.filterArgument]: dateRange() };
      const sort: JsonObject = option.newestFirst === undefined ? {} : { sort: option.newestFirst };
      expectValid(buildObjectQuery(object, object.fields, filter).root, sort);
    }
  });

  it('accepts every pushdown filter value Jobber is sent', () => {
    for (const field of object.fields) {
      if (!field.pushdown) continue;
      for (const value of sampleValues(field.pushdown))
        expectValid(buildObjectQuery(object, [field], { [field.pushdown.argument]: value }).root);
    }
  });

  it('completes nested lists with valid singular queries', () => {
    for (const nested of buildObjectQuery(object, object.fields, undefined).nested) {
      const query = nested.forRecord('MTIzNDU=');
      expectValid(query);
      expect(query.countDocument).toContain('totalCount');
      expectValid({ ...query, document: query.countDocument ?? '' });
    }
  });
});

it('fails a query that selects a field Jobber does not have (the check above can fail)', () => {
  const [object] = CATALOG;
  if (!object) throw new Error('empty catalog');
  const bogus = { ...object.fields[0], select: ['noSuchField'] } as (typeof object.fields)[number];
  expect(() => expectValid(buildObjectQuery(object, [bogus], undefined).root)).toThrow();
});

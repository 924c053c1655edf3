/**
 * A query Jobber's schema does not allow gets Jobber's (graphql-ruby's) answer: HTTP 200, errors[]
 * and no data, with its messages and extension codes. And the sandbox can be drifted to look like an
 * older Jobber (a field or argument missing) or a newer one (an enum value the connector never saw).
 */
import { startSandbox, type SandboxHandle } from '../../../sandbox/jobber/harness';
import { parseCli } from '../../../sandbox/jobber/cli-options';
import { data, graphql } from './support';

let sandbox: SandboxHandle;
let drifted: SandboxHandle;

beforeAll(async () => {
  [sandbox, drifted] = await Promise.all([
    startSandbox({ size: 'tiny' }),
    startSandbox({
      size: 'tiny',
      hideFields: ['Quote.title', 'Query.visits.sort', 'InvoiceFilterAttributes.dueDate'],
      extraEnumValues: ['PaymentType=SOME_NEW_VALUE'],
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([sandbox.stop(), drifted.stop()]);
});

describe('what Jobber answers to a field or argument it does not have', () => {
  it('refuses an unknown field with undefinedField, its type and name, and the document path', async () => {
    const response = await graphql(
      sandbox,
      'query QuotesReport { quotes(first: 2) { nodes { id discount } } }',
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toEqual([
      {
        message: "Field 'discount' doesn't exist on type 'Quote'",
        locations: [{ line: 1, column: 52 }],
        path: ['query QuotesReport', 'quotes', 'nodes', 'discount'],
        extensions: { code: 'undefinedField', typeName: 'Quote', fieldName: 'discount' },
      },
    ]);
    expect(response.body.extensions?.cost.requestedQueryCost).toBe(0);
  });

  it('refuses an unknown argument with argumentNotAccepted', async () => {
    const response = await graphql(sandbox, '{ visits(first: 1, orderBy: START) { nodes { id } } }');
    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: "Field 'visits' doesn't accept argument 'orderBy'",
        path: ['query', 'visits', 'orderBy'],
        extensions: {
          code: 'argumentNotAccepted',
          name: 'visits',
          typeName: 'Field',
          argumentName: 'orderBy',
        },
      }),
    ]);
  });

  it('refuses an unknown field of a filter, written in the query or sent in a variable', async () => {
    const literal = await graphql(
      sandbox,
      '{ visits(first: 1, filter: { isComplete: true }) { nodes { id } } }',
    );
    expect(literal.body.errors?.[0]).toMatchObject({
      message: "InputObject 'VisitFilterAttributes' doesn't accept argument 'isComplete'",
      extensions: { code: 'argumentNotAccepted', typeName: 'InputObject', argumentName: 'isComplete' },
    });
    const variable = await graphql(
      sandbox,
      'query V($filter: VisitFilterAttributes) { visits(first: 1, filter: $filter) { nodes { id } } }',
      { filter: { isComplete: true } },
    );
    expect(variable.status).toBe(200);
    expect(variable.body.data).toBeUndefined();
    expect(variable.body.errors).toEqual([
      expect.objectContaining({
        message:
          'Variable $filter of type VisitFilterAttributes was provided invalid value for isComplete ' +
          '(Field is not defined on VisitFilterAttributes)',
        extensions: {
          value: { isComplete: true },
          problems: [{ path: ['isComplete'], explanation: 'Field is not defined on VisitFilterAttributes' }],
        },
      }),
    ]);
  });
});

describe('a drifted sandbox', () => {
  it('lacks the hidden field, argument and filter field, as an older Jobber would', async () => {
    const title = await graphql(drifted, '{ quotes(first: 1) { nodes { title } } }');
    expect(title.body.errors?.[0]?.extensions).toMatchObject({ code: 'undefinedField', fieldName: 'title' });
    const sort = await graphql(
      drifted,
      '{ visits(first: 1, sort: [{ key: START_AT, direction: DESCENDING }]) { nodes { id } } }',
    );
    expect(sort.body.errors?.[0]?.extensions).toMatchObject({
      code: 'argumentNotAccepted',
      argumentName: 'sort',
    });
    const due = await graphql(
      drifted,
      '{ invoices(first: 1, filter: { dueDate: { after: "2024-01-01T00:00:00Z" } }) { nodes { id } } }',
    );
    expect(due.body.errors?.[0]?.extensions).toMatchObject({
      code: 'argumentNotAccepted',
      argumentName: 'dueDate',
    });
    await expect(data(sandbox, '{ quotes(first: 1) { nodes { title } } }')).resolves.toBeDefined();
  });

  it('serves the extra enum value on some records, as a newer Jobber would', async () => {
    const types = await data<{ __type: { enumValues: { name: string }[] } }>(
      drifted,
      '{ __type(name: "PaymentType") { enumValues { name } } }',
    );
    expect(types.__type.enumValues.map((value) => value.name)).toContain('SOME_NEW_VALUE');
    const payments = await data<{ paymentRecords: { nodes: { paymentType: string | null }[] } }>(
      drifted,
      '{ paymentRecords(first: 100) { nodes { paymentType } } }',
    );
    const kinds = payments.paymentRecords.nodes.map((node) => node.paymentType);
    expect(kinds).toContain('SOME_NEW_VALUE');
    expect(kinds.filter((kind) => kind !== 'SOME_NEW_VALUE').length).toBeGreaterThan(kinds.length / 2);
  });

  it('refuses, at start-up, a drift that names nothing in the schema', () => {
    expect(() => parseCli(['--hide-field', 'Quote.noSuchField'], {})).toThrow(
      'Schema drift names nothing in the schema: Quote.noSuchField',
    );
    expect(() => parseCli(['--extra-enum-value', 'PaymentType'], {})).toThrow('Enum=VALUE');
  });
});

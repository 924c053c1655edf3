import { completeNested } from '../../src/connector/fetch-table';
import { ConnectorError } from '../../src/errors';
import type { ConnectionQuery, JsonObject } from '../../src/jobber/api';
import type { NestedConnection } from '../../src/catalog/query';
import { FakeJobberApi } from '../support/fake-jobber-api';

const ITEMS = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];

const lineItems: NestedConnection = {
  field: 'lineItems',
  forRecord: (id): ConnectionQuery => ({
    document: 'query More($id: EncodedId!) { … }',
    variables: { id },
    path: ['invoice', 'lineItems'],
    costPerNode: 1,
    fixedCost: 5,
  }),
};

function record(lineItemsValue: JsonObject[string]): JsonObject {
  return { id: 'SW52b2ljZS8x', lineItems: lineItemsValue };
}

describe('completing nested lists', () => {
  it('keeps a first page that holds the whole list, and asks Jobber nothing', () => {
    const api = new FakeJobberApi(() => ITEMS);
    const whole = record({ nodes: ITEMS.slice(0, 2), pageInfo: { hasNextPage: false } });
    expect(completeNested(api, [lineItems], [whole])).toEqual([whole]);
    expect(api.reads).toHaveLength(0);
  });

  it.each<[string, JsonObject[string]]>([
    [
      'a list with more items than its first page',
      { nodes: ITEMS.slice(0, 2), pageInfo: { hasNextPage: true } },
    ],
    ['a null list', null],
    [
      'a list with null among its items',
      { nodes: [ITEMS[0] ?? null, null], pageInfo: { hasNextPage: false } },
    ],
    ['a list without pageInfo', { nodes: ITEMS.slice(0, 2) }],
    ['a list without hasNextPage', { nodes: ITEMS.slice(0, 2), pageInfo: {} }],
  ])('re-reads %s in full through the singular query, never keeping fewer items', (_what, value) => {
    const api = new FakeJobberApi(() => ITEMS);
    const [completed] = completeNested(api, [lineItems], [record(value)]);
    expect(completed?.['lineItems']).toEqual({ nodes: ITEMS, pageInfo: { hasNextPage: false } });
    expect(api.reads[0]?.query.variables).toEqual({ id: 'SW52b2ljZS8x' });
  });

  it('refuses to leave a list incomplete on a record that came without its id', () => {
    const api = new FakeJobberApi(() => ITEMS);
    const noId = { lineItems: { nodes: [], pageInfo: { hasNextPage: true } } };
    expect(() => completeNested(api, [lineItems], [noId])).toThrow(ConnectorError);
  });
});

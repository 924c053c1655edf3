import { JobberFailure } from '../../src/errors';
import type { JsonObject, JsonValue } from '../../src/json';
import { pageAt, type PageExpectation } from '../../src/jobber/page-shape';

const expected: PageExpectation = {
  path: ['invoice', 'lineItems'],
  first: 3,
  after: null,
  counted: false,
  readBefore: 0,
};
const page = (connection: JsonValue): JsonObject => ({ invoice: { lineItems: connection } });
const ok = { nodes: [{ id: 'a' }, { id: 'b' }], pageInfo: { hasNextPage: true, endCursor: 'c2' } };

function failureOf(data: JsonObject, expectation: PageExpectation = expected): string {
  try {
    pageAt(data, expectation);
  } catch (error) {
    if (error instanceof JobberFailure && error.kind === 'malformed') return error.message;
    throw error;
  }
  throw new Error('expected a malformed page');
}

describe('the shape of a page', () => {
  it('reads nodes, hasNextPage, endCursor and (when asked) totalCount', () => {
    expect(pageAt(page(ok), expected)).toEqual({
      nodes: ok.nodes,
      hasNextPage: true,
      endCursor: 'c2',
      totalCount: null,
    });
    const counted = { ...ok, totalCount: 7 };
    expect(pageAt(page(counted), { ...expected, counted: true }).totalCount).toBe(7);
  });

  it.each<[string, JsonObject, string]>([
    ['a null parent (a record gone between reads)', { invoice: null }, 'null at invoice'],
    ['a missing parent', {}, 'nothing at invoice'],
    ['a null connection under an existing parent', page(null), 'null at invoice.lineItems'],
    ['a connection that is not an object', page([]), 'no connection at invoice.lineItems'],
    ['no nodes', page({ pageInfo: ok.pageInfo }), 'without nodes'],
    ['null among the nodes', page({ ...ok, nodes: [{ id: 'a' }, null] }), 'null (or non-object) nodes'],
    ['more nodes than asked for', page({ ...ok, nodes: [{}, {}, {}, {}] }), 'more than the 3 asked for'],
    ['no pageInfo', page({ nodes: ok.nodes }), 'without pageInfo.hasNextPage'],
    [
      'no hasNextPage',
      page({ nodes: ok.nodes, pageInfo: { endCursor: 'c2' } }),
      'without pageInfo.hasNextPage',
    ],
    ['hasNextPage that is not a boolean', page({ ...ok, pageInfo: { hasNextPage: 'yes' } }), 'hasNextPage'],
    ['more pages without a cursor', page({ ...ok, pageInfo: { hasNextPage: true } }), 'without an endCursor'],
    ['more pages after an empty one', page({ nodes: [], pageInfo: ok.pageInfo }), 'on a page without nodes'],
  ])('calls %s malformed', (_what, data, message) => {
    expect(failureOf(data)).toContain(message);
  });

  it('calls a next page that starts where this one did malformed (it would never end)', () => {
    expect(failureOf(page(ok), { ...expected, after: 'c2' })).toContain('starts where this one did');
  });

  it('calls a page without the totalCount it asked for malformed', () => {
    expect(failureOf(page(ok), { ...expected, counted: true })).toContain('without the totalCount');
  });

  it('calls a counted last page that ends short of its own count malformed, and accepts more than counted', () => {
    const last = (totalCount: number): JsonObject =>
      page({ nodes: ok.nodes, pageInfo: { hasNextPage: false, endCursor: 'c9' }, totalCount });
    const counted = { ...expected, counted: true, readBefore: 5 };
    expect(failureOf(last(8), counted)).toContain('ends at 7 nodes, but totalCount says 8');
    expect(pageAt(last(7), counted).nodes).toHaveLength(2);
    expect(pageAt(last(6), counted).nodes).toHaveLength(2);
  });

  it('accepts an empty last page, with or without a cursor', () => {
    const empty = page({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect(pageAt(empty, expected)).toEqual({
      nodes: [],
      hasNextPage: false,
      endCursor: null,
      totalCount: null,
    });
  });
});

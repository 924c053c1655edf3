import { readNewestFirst } from '../../src/connector/newest-first';
import { ConnectorError } from '../../src/errors';
import type { ConnectionQuery, JsonObject } from '../../src/jobber/api';
import { FakeJobberApi } from '../support/fake-jobber-api';

const query: ConnectionQuery = {
  document:
    'query T($first: Int!, $after: String, $sort: [S!]) { entries(first: $first, after: $after, sort: $sort) { nodes { n } pageInfo { hasNextPage endCursor } } }',
  variables: { sort: [{ field: 'START_AT', direction: 'DESCENDING' }] },
  path: ['entries'],
  costPerNode: 40,
  fixedCost: 4,
};

function pagedApi(
  pages: JsonObject[][],
  cursorOf = (page: number): string | null => String(page + 1),
): FakeJobberApi {
  const api = new FakeJobberApi(() => []);
  api.onQuery = (request) => {
    const after = request.variables?.['after'];
    const page = after === null ? 0 : Number(after);
    return {
      entries: {
        nodes: pages[page] ?? [],
        pageInfo: { hasNextPage: page < pages.length - 1, endCursor: cursorOf(page) },
      },
    };
  };
  return api;
}

const older = (node: JsonObject): boolean => Number(node['n']) < 10;

describe('reading newest first', () => {
  it('pages with cursors until a page reaches past the window, each page paced by its cost', () => {
    const api = pagedApi([[{ n: 30 }, { n: 20 }], [{ n: 15 }, { n: 9 }], [{ n: 5 }]]);
    expect(readNewestFirst(api, query, older).map((node) => node['n'])).toEqual([30, 20, 15, 9]);
    expect(api.queries.map((request) => request.variables?.['after'])).toEqual([null, '1']);
    expect(api.queries[0]?.variables).toMatchObject({ first: 100, sort: query.variables['sort'] });
    expect(api.queries[0]?.estimatedCost).toBe(4 + 100 * 40);
  });

  it('keeps pages within half the cost bucket for expensive records', () => {
    const api = pagedApi([[{ n: 1 }]]);
    readNewestFirst(api, { ...query, costPerNode: 400 }, older);
    expect(api.queries[0]?.variables?.['first']).toBe(12);
  });

  it('reads to the end when nothing is older than the window', () => {
    const api = pagedApi([[{ n: 30 }], [{ n: 20 }]]);
    expect(readNewestFirst(api, query, older)).toHaveLength(2);
  });

  it('treats a page without nodes, or more pages without a cursor, as an unreadable answer', () => {
    const noCursor = pagedApi([[{ n: 30 }], [{ n: 20 }]], () => null);
    expect(() => readNewestFirst(noCursor, query, older)).toThrow(ConnectorError);
    const broken = new FakeJobberApi(() => []);
    broken.onQuery = () => ({ entries: null });
    expect(() => readNewestFirst(broken, query, older)).toThrow(ConnectorError);
  });
});

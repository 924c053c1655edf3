import type { ConnectionQuery, JobberApi } from '../../src/jobber/api';
import { RuntimeBudget } from '../../src/jobber/budget';
import { createJobberClient } from '../../src/jobber/client';
import { FakeClock, MemoryProperties, ScriptedHttp } from '../support/platform-fakes';
import { FakeTokens, dataResponse, freshStats } from './fakes';
import { connection, counted, errorOf, idealMs, overBucket } from './reader-support';

describe('reading a connection page by page', () => {
  it('reads every node in pages of 100 when a page fits the bucket', () => {
    const { api, stats } = overBucket({ total: 250, costPerNode: 10, fixedCost: 5 });
    const result = api.readConnection(connection(10));
    expect(result.complete).toBe(true);
    expect(result.nodes.map((node) => node.id)).toEqual(Array.from({ length: 250 }, (_, i) => String(i)));
    expect(stats.requests).toBe(3);
  });

  it.each([
    [5_000, 10],
    [5_050, 10],
    [2_000, 40],
  ])(
    'paces %i nodes of cost %i so nothing is THROTTLED, in ceil(N/100) requests, within 1.05× the ideal time',
    (total, costPerNode) => {
      const { api, bucket, stats, elapsedMs } = overBucket({ total, costPerNode, fixedCost: 5 });
      const result = api.readConnection(connection(costPerNode));
      expect(result.nodes).toHaveLength(total);
      expect(bucket.throttled).toBe(0);
      expect(stats.requests).toBe(Math.ceil(total / 100));
      const totalCost = stats.actualQueryCost;
      expect(totalCost).toBe(Math.ceil(total / 100) * 5 + total * costPerNode);
      expect(elapsedMs()).toBeLessThanOrEqual(1.05 * idealMs(totalCost));
    },
  );

  it('sizes pages for wide nodes so every requestedQueryCost fits the bucket', () => {
    const { api, bucket } = overBucket({ total: 300, costPerNode: 150, fixedCost: 5 });
    api.readConnection(connection(150));
    expect(Math.max(...bucket.requestedCosts)).toBeLessThanOrEqual(10_000);
    expect(bucket.throttled).toBe(0);
  });

  it('calibrates from the requestedQueryCost Jobber reports when the estimate is off', () => {
    const { api, bucket, stats } = overBucket({ total: 3_000, costPerNode: 20, fixedCost: 5 });
    api.readConnection(connection(8));
    expect(bucket.throttled).toBe(0);
    expect(stats.requests).toBe(30);
  });

  it('shrinks the page when Jobber counts more than the whole bucket for it', () => {
    const { api, bucket, stats } = overBucket({ total: 120, costPerNode: 200, fixedCost: 5 });
    const result = api.readConnection(connection(50));
    expect(result.nodes).toHaveLength(120);
    expect(bucket.requestedCosts[0]).toBeGreaterThan(10_000);
    expect(Math.max(...bucket.requestedCosts.slice(1))).toBeLessThanOrEqual(10_000);
    expect(stats.throttledResponses).toBe(1);
  });

  it('waits out another client draining the same bucket: one extra request per THROTTLED', () => {
    const drainsBefore = { 12: 9_000, 15: 9_000 };
    const { api, bucket, stats } = overBucket({ total: 2_000, costPerNode: 10, fixedCost: 5, drainsBefore });
    const result = api.readConnection(connection(10));
    expect(result).toMatchObject({ complete: true });
    expect(result.nodes).toHaveLength(2_000);
    expect(bucket.throttled).toBe(2);
    expect(stats.requests).toBe(20 + 2);
  });

  it('keeps its page size while other readers drain the bucket in small bites, and reads everything once they are done', () => {
    const { api, bucket, stats } = overBucket({
      total: 600,
      costPerNode: 75,
      fixedCost: 5,
      competitorBite: 1_000,
      competitorTotal: 60_000,
    });
    const result = api.readConnection(connection(75));
    expect(result).toMatchObject({ complete: true });
    expect(result.nodes).toHaveLength(600);
    // Halving would add requests (and their fixed costs) that count against Jobber's request guard.
    expect(new Set(bucket.requestedCosts)).toEqual(new Set([7_505]));
    expect(stats.throttledResponses).toBeGreaterThan(0);
  });

  it('stops at maxNodes, asks only for what it needs, and says the result is partial', () => {
    const { api, bucket } = overBucket({ total: 500, costPerNode: 10, fixedCost: 5 });
    const result = api.readConnection(connection(10), { maxNodes: 150 });
    expect(result.nodes).toHaveLength(150);
    expect(result.complete).toBe(false);
    expect(bucket.requestedCosts).toEqual([1_005, 505]);
  });

  it('reports progress after every page', () => {
    const { api } = overBucket({ total: 250, costPerNode: 10, fixedCost: 5 });
    const progress: unknown[] = [];
    api.readConnection(connection(10), { onPage: (p) => progress.push(p) });
    expect(progress).toEqual([
      { pages: 1, nodes: 100, endCursor: '100' },
      { pages: 2, nodes: 200, endCursor: '200' },
      { pages: 3, nodes: 250, endCursor: '250' },
    ]);
  });

  it('ends with the time-budget error, never a partial result, when the budget runs out', () => {
    const { api, bucket } = overBucket({ total: 20_000, costPerNode: 10, fixedCost: 5 }, 60_000);
    expect(errorOf(() => api.readConnection(connection(10))).code).toBe('TIME_BUDGET_EXCEEDED');
    expect(bucket.requestedCosts.length).toBeLessThan(200);
  });

  it('refuses a chart whose single node costs more than the bucket', () => {
    const { api } = overBucket({ total: 1, costPerNode: 20_000, fixedCost: 5 });
    expect(errorOf(() => api.readConnection(connection(20_000))).code).toBe('INVALID_REQUEST');
  });
});

describe('reading a connection that counts its nodes (totalCount on the first page)', () => {
  it('asks for the count once and sizes the last page to the nodes that remain', () => {
    const { api, bucket, stats } = overBucket({ total: 250, costPerNode: 10, fixedCost: 5 });
    const result = api.readConnection(counted(10));
    expect(result.nodes).toHaveLength(250);
    expect(bucket.requestedCosts).toEqual([1_006, 1_005, 505]);
    expect(stats.actualQueryCost).toBe(stats.requestedQueryCost);
  });

  it('so a small read ends at the bound instead of waiting for a full last page', () => {
    // 1,110 nodes of 30 points: the last page holds 10 nodes (305 points), not 100 (3,005).
    const full = overBucket({ total: 1_110, costPerNode: 30, fixedCost: 5 });
    full.api.readConnection(connection(30));
    const sized = overBucket({ total: 1_110, costPerNode: 30, fixedCost: 5 });
    sized.api.readConnection(counted(30));
    expect(sized.bucket.requestedCosts.at(-1)).toBe(305);
    expect(sized.elapsedMs()).toBeLessThanOrEqual(1.05 * idealMs(sized.stats.actualQueryCost));
    expect(full.elapsedMs()).toBeGreaterThan(1.05 * idealMs(full.stats.actualQueryCost));
  });

  it('still reads records added after the count (one more page)', () => {
    const { api, bucket } = overBucket({ total: 250, costPerNode: 10, fixedCost: 5 });
    const original = bucket.answer.bind(bucket);
    let first = true;
    bucket.answer = (request) => {
      const response = original(request);
      if (!first) return response;
      first = false;
      return { ...response, body: response.body.replace('"totalCount":250', '"totalCount":150') };
    };
    expect(api.readConnection(counted(10)).nodes).toHaveLength(250);
    expect(bucket.requestedCosts).toEqual([1_006, 505, 1_005]);
  });

  it('refuses after one request a read the bucket cannot pay for within the budget, saying how many records', () => {
    // 60 s: at most 10,000 + 60 × 500 = 40,000 points, about 3,980 nodes of 10.05 points.
    const { api, bucket } = overBucket({ total: 4_100, costPerNode: 10, fixedCost: 5 }, 60_000);
    const error = errorOf(() => api.readConnection(counted(10)));
    expect(error.code).toBe('TIME_BUDGET_EXCEEDED');
    expect(error.userText).toContain('holds 4,100 records');
    expect(error.userText).toContain('at most about 3,900');
    expect(bucket.requestedCosts).toHaveLength(1);
  });

  it('reads a range that just fits the budget in full', () => {
    const { api } = overBucket({ total: 3_900, costPerNode: 10, fixedCost: 5 }, 60_000);
    expect(api.readConnection(counted(10)).nodes).toHaveLength(3_900);
  });

  it('judges nodes with nested lists by the least they can cost, not by their requested cost', () => {
    // Requested 50 points per node (nested lists priced in full), charged 8: 4,000 nodes fit in 60 s.
    const options = { total: 4_000, costPerNode: 50, actualCostPerNode: 8, fixedCost: 5 };
    const { api } = overBucket(options, 60_000);
    expect(api.readConnection(counted(50, 6)).nodes).toHaveLength(4_000);
  });

  it('does not count when only a few nodes are wanted (sample extraction)', () => {
    const { api, bucket } = overBucket({ total: 500, costPerNode: 10, fixedCost: 5 });
    api.readConnection(counted(10), { maxNodes: 10 });
    expect(bucket.requestedCosts).toEqual([105]);
  });
});

describe('reading a nested connection', () => {
  function withResponses(...bodies: ReturnType<typeof dataResponse>[]): JobberApi {
    const clock = new FakeClock();
    return createJobberClient({
      http: new ScriptedHttp(bodies.map((body) => () => body)),
      clock,
      stats: freshStats(),
      tokens: new FakeTokens(),
      userProperties: new MemoryProperties(),
      graphqlUrl: 'https://jobber.test/api/graphql',
      budget: new RuntimeBudget(clock, clock.now(), 300_000),
    }).api;
  }
  const nested: ConnectionQuery = { ...connection(3), path: ['invoice', 'lineItems'] };

  it('follows the path to the connection', () => {
    const page = { nodes: [{ id: 'l1' }], pageInfo: { hasNextPage: false, endCursor: 'c1' } };
    const api = withResponses(dataResponse({ invoice: { lineItems: page } }));
    expect(api.readConnection(nested)).toEqual({ nodes: [{ id: 'l1' }], complete: true, endCursor: 'c1' });
  });

  it('calls a missing parent (invoice: null) malformed: retried, then Jobber unavailable, never no items', () => {
    const gone = dataResponse({ invoice: null });
    const page = { nodes: [{ id: 'l1' }], pageInfo: { hasNextPage: false, endCursor: 'c1' } };
    expect(
      withResponses(gone, dataResponse({ invoice: { lineItems: page } })).readConnection(nested),
    ).toEqual({
      nodes: [{ id: 'l1' }],
      complete: true,
      endCursor: 'c1',
    });
    expect(errorOf(() => withResponses(gone, gone, gone).readConnection(nested)).code).toBe(
      'JOBBER_UNAVAILABLE',
    );
  });

  it('calls a page without pageInfo malformed: Jobber unavailable after the retries, no data', () => {
    const broken = dataResponse({ invoice: { lineItems: { nodes: [] } } });
    const error = errorOf(() => withResponses(broken, broken, broken).readConnection(nested));
    expect(error.code).toBe('JOBBER_UNAVAILABLE');
    expect(error.debugText).toContain('malformed: invoice.lineItems without pageInfo.hasNextPage');
  });
});

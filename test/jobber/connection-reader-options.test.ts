/** The reader's options: another order with a stop condition (newest first), and checkpoints. */
import type { JsonObject } from '../../src/jobber/api';
import { connection, counted, idealMs, overBucket } from './reader-support';

const NEWEST_FIRST = [{ key: 'UPDATED_AT', direction: 'DESCENDING' }];
const idsOf = (nodes: readonly JsonObject[]): number[] => nodes.map((node) => Number(node['id']));
const reaches = (id: number) => (page: readonly JsonObject[]) =>
  page.some((node) => Number(node['id']) >= id);

describe('reading in another order down to a stop condition (newest first)', () => {
  it('sends the sort, asks stopWhen after every page and keeps the page it first holds for whole', () => {
    const { api, sent } = overBucket({ total: 500, costPerNode: 10, fixedCost: 5 });
    const asked: number[][] = [];
    const result = api.readConnection(counted(10), {
      sort: NEWEST_FIRST,
      stopWhen: (page) => (asked.push(idsOf(page)), reaches(150)(page)),
    });
    expect(idsOf(result.nodes)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(result).toMatchObject({ complete: false, endCursor: '200' });
    expect(asked.map((ids) => ids.length)).toEqual([100, 100]);
    expect(sent.map((request) => request.variables['sort'])).toEqual([NEWEST_FIRST, NEWEST_FIRST]);
  });

  it('reads to the end when the condition never holds, and says the read is complete', () => {
    const { api } = overBucket({ total: 250, costPerNode: 10, fixedCost: 5 });
    const result = api.readConnection(connection(10), { sort: NEWEST_FIRST, stopWhen: reaches(1_000) });
    expect(result.nodes).toHaveLength(250);
    expect(result.complete).toBe(true);
  });

  it('does not count: a count of the whole connection does not describe a read that stops early', () => {
    const { api, sent } = overBucket({ total: 500, costPerNode: 10, fixedCost: 5 });
    api.readConnection(counted(10), { sort: NEWEST_FIRST, stopWhen: reaches(250) });
    expect(sent.some((request) => request.query.includes('totalCount'))).toBe(false);
  });

  it('is sized, paced and calibrated like every read: full pages that fit the bucket, nothing THROTTLED', () => {
    // The old newest-first loop capped a page at 5,000 points: 33 nodes of 150. The reader fits 66.
    const { api, bucket, stats, elapsedMs } = overBucket({ total: 990, costPerNode: 150, fixedCost: 5 });
    const result = api.readConnection(connection(150), { sort: NEWEST_FIRST, stopWhen: reaches(2_000) });
    expect(result.nodes).toHaveLength(990);
    expect(bucket.requestedCosts[0]).toBe(5 + 66 * 150);
    expect(bucket.throttled).toBe(0);
    expect(elapsedMs()).toBeLessThanOrEqual(1.05 * idealMs(stats.actualQueryCost));
  });
});

describe('checkpoints: the cursor of every page, and resuming after one', () => {
  it('reports the cursor after each page and returns the last one', () => {
    const { api } = overBucket({ total: 250, costPerNode: 10, fixedCost: 5 });
    const progress: unknown[] = [];
    const result = api.readConnection(connection(10), { onPage: (page) => progress.push(page) });
    expect(progress).toEqual([
      { pages: 1, nodes: 100, endCursor: '100' },
      { pages: 2, nodes: 200, endCursor: '200' },
      { pages: 3, nodes: 250, endCursor: '250' },
    ]);
    expect(result.endCursor).toBe('250');
  });

  it('continues after a checkpoint exactly where an earlier read stopped, without counting', () => {
    const { api, sent } = overBucket({ total: 250, costPerNode: 10, fixedCost: 5 });
    const first = api.readConnection(counted(10), { maxNodes: 150 });
    expect(first).toMatchObject({ complete: false, endCursor: '150' });
    const rest = api.readConnection(counted(10), { after: first.endCursor ?? '' });
    expect(idsOf([...first.nodes, ...rest.nodes])).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(rest).toMatchObject({ complete: true, endCursor: '250' });
    expect(sent.slice(2).map((request) => request.variables['after'])).toEqual(['150']);
    expect(sent.slice(2).some((request) => request.query.includes('totalCount'))).toBe(false);
  });

  it('returns the cursor it started from when nothing is left after it', () => {
    const { api } = overBucket({ total: 250, costPerNode: 10, fixedCost: 5 });
    expect(api.readConnection(connection(10), { after: '250' })).toEqual({
      nodes: [],
      complete: true,
      endCursor: '250',
    });
  });
});

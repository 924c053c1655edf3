import type { RequestLogEntry } from '../../sandbox/jobber/control-types';
import { requestBound, recordsBound, timeBoundSeconds } from '../../bench/bounds';
import { allInvoiceFieldsCost, allInvoiceFieldsPerRecord } from '../../bench/baseline';
import { recordsOnPage, summarizeLog } from '../../bench/upstream';

const FULL = { maximumAvailable: 10_000, restoreRate: 500 };

function page(
  seq: number,
  options: { after: string | null; requested: number; actual: number; left: number },
): RequestLogEntry {
  return {
    seq,
    at: 0,
    endpoint: 'graphql',
    status: 200,
    query:
      'query R($first: Int!, $after: String) { invoices(first: $first, after: $after) { nodes { id } } }',
    variables: { first: 100, after: options.after },
    requestedCost: options.requested,
    actualCost: options.actual,
    throttleStatus: { ...FULL, currentlyAvailable: options.left },
    outcome: 'ok',
  };
}

const throttled: RequestLogEntry = {
  seq: 2,
  at: 0,
  endpoint: 'graphql',
  status: 200,
  variables: { first: 100, after: 'c1' },
  requestedCost: 504,
  actualCost: 0,
  throttleStatus: { ...FULL, currentlyAvailable: 100 },
  outcome: 'THROTTLED',
};

describe('what a scenario cost Jobber, from the sandbox request log', () => {
  const log: RequestLogEntry[] = [
    { seq: 0, at: 0, endpoint: 'token', status: 200, outcome: 'issued' },
    page(1, { after: null, requested: 504, actual: 504, left: 9_496 }),
    throttled,
    page(3, { after: 'c1', requested: 504, actual: 154, left: 0 }),
  ];

  it('counts GraphQL requests, THROTTLED answers, cost, reads and the records on each page', () => {
    expect(summarizeLog(log)).toMatchObject({
      requests: 3,
      throttled: 1,
      cost: 658,
      requestedCost: 1_512,
      reads: 1,
      records: 130,
      costPerNode: 5,
      tokenRequests: 1,
      failed: 0,
      bucketFullAtStart: true,
    });
  });

  it('derives a page’s records from its actual cost, also when the page size is written into the query', () => {
    const fixed = {
      ...page(1, { after: null, requested: 2_804, actual: 1_404, left: 0 }),
      variables: { after: null },
    };
    expect(
      recordsOnPage({
        ...fixed,
        query: 'query N($after: String) { invoices(first: 100, after: $after) { x } }',
      }),
    ).toBe(50);
  });

  it('counts totalCount as part of a first page’s fixed cost, not as a node', () => {
    const counting = {
      ...page(1, { after: null, requested: 605, actual: 305, left: 9_695 }),
      query:
        'query R($first: Int!, $after: String) { invoices(first: $first, after: $after) { nodes { id } totalCount } }',
    };
    expect(recordsOnPage(counting)).toBe(50);
    expect(summarizeLog([counting]).costPerNode).toBe(6);
  });

  it('says the bucket was not full when the first request was throttled or left less than its cost', () => {
    expect(summarizeLog([throttled]).bucketFullAtStart).toBe(false);
    expect(
      summarizeLog([page(1, { after: null, requested: 504, actual: 504, left: 5_000 })]).bucketFullAtStart,
    ).toBe(false);
  });

  it('gives the least time for the very requests sent: the last page waits for its requested cost', () => {
    const pages = Array.from({ length: 21 }, (_, index) =>
      page(index, {
        after: index === 0 ? null : `c${index}`,
        requested: 504,
        actual: index === 20 ? 18 : 504,
        left: 0,
      }),
    );
    const summary = summarizeLog(pages);
    expect(summary.cost).toBe(20 * 504 + 18);
    expect(timeBoundSeconds(summary.cost)).toBeCloseTo(0.196);
    expect(summary.boundForRequestsSeconds).toBeCloseTo((20 * 504 + 504 - 10_000) / 500);
  });
});

describe('the bounds', () => {
  it('needs one request per 100 records', () => {
    expect([requestBound(1), requestBound(100), requestBound(101), requestBound(50_000)]).toEqual([
      1, 1, 2, 500,
    ]);
  });

  it('spends the full bucket at once and then 500 points a second', () => {
    expect([timeBoundSeconds(9_000), timeBoundSeconds(10_000), timeBoundSeconds(160_000)]).toEqual([
      0, 0, 300,
    ]);
  });

  it('prices a reader of every Invoice field at 58 points per record (docs/benchmarks.md), plus 4 per page', () => {
    expect(allInvoiceFieldsPerRecord()).toBe(58);
    expect(allInvoiceFieldsCost(150)).toBe(150 * 58 + 2 * 4);
  });

  it('fits (seconds × 500 + 10,000) ÷ cost records in a given time', () => {
    expect(recordsBound(360, 7)).toBe(27_142);
  });
});

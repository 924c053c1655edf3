/**
 * Answers of the wrong shape (as seen through a proxy in front of Jobber): each ends in a retry that
 * recovers, or in the clear "Jobber is not answering properly" error; never in fewer nodes than
 * Jobber holds.
 */
import type { JsonObject } from '../../src/jobber/api';
import { connection, counted, errorOf, itemsOf, overBucket, tamper } from './reader-support';

const NEWEST_FIRST = [{ key: 'UPDATED_AT', direction: 'DESCENDING' }];
const reaches = (id: number) => (page: readonly JsonObject[]) =>
  page.some((node) => Number(node['id']) >= id);

type Change = (items: JsonObject, body: JsonObject) => void;

const SHAPES: Array<[string, Change]> = [
  ['a null connection', (_items, body) => ((body['data'] as JsonObject)['items'] = null)],
  ['null among the nodes', (items) => (items['nodes'] as Array<JsonObject | null>).splice(3, 2, null, null)],
  ['no pageInfo', (items) => delete items['pageInfo']],
  ['no hasNextPage', (items) => delete (items['pageInfo'] as JsonObject)['hasNextPage']],
];

/** Applies `change` to the answers whose call number `when` picks. */
function changeAnswers(
  bucket: Parameters<typeof tamper>[0],
  when: (call: number) => boolean,
  change: Change,
): void {
  tamper(bucket, (body, call) => {
    if (when(call)) change(itemsOf(body), body);
    return body;
  });
}

describe('a page of the wrong shape', () => {
  describe.each(SHAPES)('%s', (_shape, change) => {
    it('on the second page once: retried after 1 s, every node read', () => {
      const { api, bucket, stats } = overBucket({ total: 250, costPerNode: 10, fixedCost: 5 });
      changeAnswers(bucket, (call) => call === 2, change);
      expect(api.readConnection(counted(10)).nodes).toHaveLength(250);
      expect(stats).toMatchObject({ retries: 1, waits: 1, waitedMs: 1_000 });
    });

    it('every time: "Jobber is not answering properly" after two retries, no nodes', () => {
      const { api, bucket, stats } = overBucket({ total: 250, costPerNode: 10, fixedCost: 5 });
      changeAnswers(bucket, (call) => call >= 2, change);
      const error = errorOf(() => api.readConnection(counted(10)));
      expect(error.code).toBe('JOBBER_UNAVAILABLE');
      expect(error.userText).toContain('Jobber is not answering properly');
      expect(error.debugText).toMatch(/^malformed: /);
      expect(stats.requests).toBe(1 + 3);
    });

    it('newest first: retried, every node down to the stop read (the old loop returned fewer)', () => {
      const { api, bucket } = overBucket({ total: 500, costPerNode: 10, fixedCost: 5 });
      changeAnswers(bucket, (call) => call === 2, change);
      const result = api.readConnection(connection(10), { sort: NEWEST_FIRST, stopWhen: reaches(250) });
      expect(result.nodes.map((node) => Number(node['id']))).toEqual(
        Array.from({ length: 300 }, (_, i) => i),
      );
    });

    it('newest first, every time: the clear error, not a shorter list', () => {
      const { api, bucket } = overBucket({ total: 500, costPerNode: 10, fixedCost: 5 });
      changeAnswers(bucket, () => true, change);
      const read = () => api.readConnection(connection(10), { sort: NEWEST_FIRST, stopWhen: reaches(250) });
      expect(errorOf(read).code).toBe('JOBBER_UNAVAILABLE');
    });
  });
});

describe('a read that ends short of the count', () => {
  const endsHere: Change = (items) => ((items['pageInfo'] as JsonObject)['hasNextPage'] = false);

  it('asks again after the last cursor when a later page says "no next page" too early, and reads the rest', () => {
    const { api, bucket, sent } = overBucket({ total: 319, costPerNode: 10, fixedCost: 5 });
    changeAnswers(bucket, (call) => call === 2, endsHere);
    expect(api.readConnection(counted(10)).nodes).toHaveLength(319);
    // page 1 (counted), page 2 (ends early), page 3 again with a fresh count, page 4.
    expect(sent.map((request) => [request.variables['after'], request.query.includes('totalCount')])).toEqual(
      [
        [null, true],
        ['100', false],
        ['200', true],
        ['300', false],
      ],
    );
  });

  it('ends in the clear error when every later page says "no next page" too early, never 200 of 319', () => {
    const { api, bucket } = overBucket({ total: 319, costPerNode: 10, fixedCost: 5 });
    changeAnswers(bucket, (call) => call >= 2, endsHere);
    const error = errorOf(() => api.readConnection(counted(10)));
    expect(error.code).toBe('JOBBER_UNAVAILABLE');
    expect(error.debugText).toContain('the last page ends at 300 nodes, but totalCount says 319');
  });

  it('retries a first page that ends short of its own count', () => {
    const { api, bucket, stats } = overBucket({ total: 80, costPerNode: 10, fixedCost: 5 });
    changeAnswers(
      bucket,
      (call) => call === 1,
      (items) => (items['totalCount'] = 319),
    );
    expect(api.readConnection(counted(10)).nodes).toHaveLength(80);
    expect(stats.retries).toBe(1);
  });

  it('accepts fewer nodes than first counted when the fresh count says records were deleted meanwhile', () => {
    const options = { total: 250, costPerNode: 10, fixedCost: 5 };
    const { api, bucket, sent } = overBucket(options);
    tamper(bucket, (body, call) => {
      if (call === 1) options.total = 180; // 70 records deleted after the first page
      return body;
    });
    const result = api.readConnection(counted(10));
    expect(result).toMatchObject({ complete: true });
    expect(result.nodes).toHaveLength(180);
    expect(sent.at(-1)?.query).toContain('totalCount');
  });

  it('calls a shortfall that the fresh count does not explain malformed: the clear error after the retries', () => {
    const { api, bucket } = overBucket({ total: 319, costPerNode: 10, fixedCost: 5 });
    changeAnswers(
      bucket,
      (call) => call >= 2,
      (items) => {
        endsHere(items, {});
        if (items['totalCount'] !== undefined) items['nodes'] = []; // the page asked again comes back empty
      },
    );
    const error = errorOf(() => api.readConnection(counted(10)));
    expect(error.code).toBe('JOBBER_UNAVAILABLE');
    expect(error.debugText).toContain('the last page ends at 200 nodes, but totalCount says 319');
  });
});

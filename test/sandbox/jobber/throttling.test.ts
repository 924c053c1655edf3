import { startSandbox, type SandboxHandle } from '../../../sandbox/jobber/harness';
import { graphql } from './support';

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'tiny', clock: 'virtual', requestGuardLimit: 30 });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.control.reset());

const PAGE =
  'query($first: Int) { invoices(first: $first) { nodes { id invoiceNumber amounts { total } } pageInfo { hasNextPage endCursor } } }';

describe('cost and throttling (virtual clock)', () => {
  it('charges the bucket the actual cost, which refills at 500 points per second', async () => {
    const first = await graphql(sandbox, PAGE, { first: 100 });
    const cost = first.body.extensions?.cost;
    expect(cost?.requestedQueryCost).toBe(1 + 100 * 4 + 3);
    expect(cost?.actualQueryCost).toBe(cost?.requestedQueryCost);
    expect(cost?.throttleStatus.currentlyAvailable).toBe(10_000 - (cost?.actualQueryCost ?? 0));
    await sandbox.control.clock.advance(1_000);
    const second = await graphql(sandbox, PAGE, { first: 1 });
    const expected =
      Math.min(10_000, 10_000 - (cost?.actualQueryCost ?? 0) + 500) -
      (second.body.extensions?.cost.actualQueryCost ?? 0);
    expect(second.body.extensions?.cost.throttleStatus.currentlyAvailable).toBe(expected);
  });

  it('answers THROTTLED in an HTTP 200 when the requested cost exceeds what is available, until time passes', async () => {
    await sandbox.control.setThrottleBudget(sandbox.demo.accountId, 100);
    const throttled = await graphql(sandbox, PAGE, { first: 100 });
    expect(throttled.status).toBe(200);
    expect(throttled.body.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    expect(throttled.body.extensions?.cost).toEqual(
      expect.objectContaining({ requestedQueryCost: 404, actualQueryCost: 0 }),
    );
    await sandbox.control.clock.sleep(1_000);
    const after = await graphql(sandbox, PAGE, { first: 100 });
    expect(after.body.errors).toBeUndefined();
  });

  it('rejects a query whose requested cost exceeds 10,000 outright', async () => {
    const nested = '{ invoices(first: 100) { nodes { lineItems(first: 100) { nodes { name } } } } }';
    const { body } = await graphql(sandbox, nested);
    expect(body.errors?.[0]?.extensions?.code).toBe('MAX_COST_EXCEEDED');
    expect(body.extensions?.cost.requestedQueryCost).toBe(1 + 100 * (1 + 100));
  });

  it('rejects first or last above 100', async () => {
    const { body } = await graphql(sandbox, PAGE, { first: 101 });
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/first.*100/);
  });

  it('answers 429 with Retry-After past the request guard, and lets requests through once the window moves', async () => {
    for (let n = 0; n < 30; n++) expect((await graphql(sandbox, '{ account { id } }')).status).toBe(200);
    const rejected = await graphql(sandbox, '{ account { id } }');
    expect(rejected.status).toBe(429);
    expect(Number(rejected.headers.get('retry-after'))).toBe(300);
    await sandbox.control.clock.advance(300_001);
    expect((await graphql(sandbox, '{ account { id } }')).status).toBe(200);
  });
});

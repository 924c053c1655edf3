/**
 * Single flight for real: the report cache bundled into a small Apps Script project (the probe),
 * run in the local runtime where executions are concurrent worker threads sharing the user cache,
 * the user lock and the user properties, against a test server standing in for Jobber. On a
 * virtual clock, which moves only while every execution waits for it: the leader's gather window
 * ends after every chart has started and joined, however slowly the machine starts threads, and the
 * upstream's real delay costs no virtual time.
 * (test/e2e/cache.test.ts proves the same through getData against the Jobber sandbox.)
 */
import { createRuntime, type ExecutionResult, type Runtime, type SleepEvent } from '../../sandbox/runtime';
import { CACHE_MAX_ITEMS } from '../../sandbox/runtime/host/limits';
import { buildCacheProbe } from '../cache/probe/build-probe';
import { json, startFakeServer, type FakeServer, type RecordedRequest } from '../support/fake-server';
import { gate, until } from '../support/gates';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const ROWS = 50;
const UPSTREAM_DELAY_MS = 400;

/** Ten charts of one dashboard: one object and range, different fields. */
const DASHBOARD: string[][] = [
  ['total'],
  ['total', 'status'],
  ['clientName', 'total'],
  ['status'],
  ['issuedDate', 'total'],
  ['dueDate', 'balance'],
  ['balance', 'status'],
  ['clientName'],
  ['total', 'balance', 'paid'],
  ['paid'],
];

function expectedColumns(accountId: string, fieldIds: readonly string[]): Record<string, string[]> {
  const columns: Record<string, string[]> = {};
  for (const id of fieldIds)
    columns[id] = Array.from({ length: ROWS }, (_, row) => `${accountId}/${id}/${row}`);
  return columns;
}

interface Chart {
  readonly source: string;
  readonly table: { rowCount: number; columns: Record<string, string[]> };
}

describe('report cache single flight in the Apps Script runtime', () => {
  let server: FakeServer;
  let runtime: Runtime;
  let failNext = 0;
  const lockedDuringFetch: boolean[] = [];
  /** Upstream reads held until the test opens their gate, by account. */
  const held = new Map<string, ReturnType<typeof gate>>();
  let fillGate = gate();
  const sleeps: SleepEvent[] = [];

  beforeAll(async () => {
    server = await startFakeServer({ virtualClockStart: Date.UTC(2025, 3, 1, 8) });
    server.route('GET', '/fill-gate', async () => {
      await fillGate.wait();
      return { body: 'go' };
    });
    server.route('GET', '/rows', async (request) => {
      await held.get(request.query.get('account') ?? '')?.wait();
      lockedDuringFetch.push(runtime.isLocked({ user: ALICE }) || runtime.isLocked({ user: BOB }));
      if (failNext > 0) {
        failNext--;
        return { status: 500, body: 'upstream down', delayMs: UPSTREAM_DELAY_MS };
      }
      const accountId = request.query.get('account') ?? '';
      const fieldIds = (request.query.get('fields') ?? '').split(',');
      return {
        ...json({ rowCount: ROWS, columns: expectedColumns(accountId, fieldIds) }),
        delayMs: UPSTREAM_DELAY_MS,
      };
    });
    runtime = createRuntime({
      bundlePath: await buildCacheProbe(),
      manifest: {},
      maxConcurrentExecutions: 20,
      clock: { kind: 'virtual', sandboxUrl: server.url },
      onSleep: (event) => sleeps.push(event),
    });
  });
  afterAll(async () => {
    await runtime.close();
    await server.close();
  });

  const upstream = (): RecordedRequest[] => server.requests.filter((request) => request.path === '/rows');

  function openDashboard(user: string, accountId: string, lastRefresh: string): Promise<ExecutionResult[]> {
    return Promise.all(
      DASHBOARD.map((fieldIds) =>
        runtime.run(user, 'openChart', { server: server.url, accountId, fieldIds, lastRefresh }),
      ),
    );
  }

  function charts(results: readonly ExecutionResult[]): Chart[] {
    return results.map((result) => {
      if (!result.ok) throw new Error(`chart failed: ${JSON.stringify(result.error)}`);
      return result.value as Chart;
    });
  }

  it('serves a dashboard of 10 charts opened together with one upstream fetch of the union of their fields', async () => {
    const opened = charts(await openDashboard(ALICE, 'acct-a', '1000'));

    expect(upstream()).toHaveLength(1);
    const fetched = upstream()[0]?.query.get('fields')?.split(',') ?? [];
    expect([...fetched].sort()).toEqual([...new Set(DASHBOARD.flat())].sort());
    opened.forEach((chart, index) => {
      const fieldIds = DASHBOARD[index] ?? [];
      expect(chart.table).toEqual({ rowCount: ROWS, columns: expectedColumns('acct-a', fieldIds) });
    });
    expect(opened.filter((chart) => chart.source === 'miss')).toHaveLength(1);
    expect(opened.filter((chart) => chart.source === 'shared').length).toBeGreaterThanOrEqual(8);
    expect(lockedDuringFetch).toEqual([false]);
  });

  it('serves the second opening from the cache without any upstream fetch', async () => {
    const before = upstream().length;
    const reopened = charts(await openDashboard(ALICE, 'acct-a', '1000'));

    expect(upstream()).toHaveLength(before);
    expect(reopened.map((chart) => chart.source)).toEqual(DASHBOARD.map(() => 'hit'));
  });

  it('refetches once, for all charts, when Looker forces a refresh', async () => {
    const before = upstream().length;
    const refreshed = charts(await openDashboard(ALICE, 'acct-a', '2000'));

    expect(upstream().length - before).toBe(1);
    expect(refreshed.filter((chart) => chart.source === 'bypass')).toHaveLength(1);
    expect(refreshed.filter((chart) => chart.source === 'miss')).toHaveLength(0);
  });

  it('never shares between two users on two Jobber accounts', async () => {
    const before = upstream().length;
    const [alice, bob] = await Promise.all([
      openDashboard(ALICE, 'acct-b', '1000'),
      openDashboard(BOB, 'acct-c', '1000'),
    ]);

    const requests = upstream().slice(before);
    expect(requests.map((request) => request.query.get('account')).sort()).toEqual(['acct-b', 'acct-c']);
    for (const chart of charts(alice)) expect(JSON.stringify(chart.table)).not.toContain('acct-c');
    for (const chart of charts(bob)) expect(JSON.stringify(chart.table)).not.toContain('acct-b');
    const aliceKeys = Object.keys(runtime.userCache(ALICE));
    expect(aliceKeys.length).toBeGreaterThan(0);
    expect(Object.keys(runtime.userCache(BOB)).filter((key) => aliceKeys.includes(key))).toEqual([]);
    // Only user caches: nothing of either user's rows in the cache every user of the script shares.
    expect(runtime.scriptCache()).toEqual({});
  });

  it('lets a follower fetch when the leader’s fetch fails, and fails only the leader’s chart', async () => {
    runtime.clearCaches();
    const before = upstream().length;
    failNext = 1;
    const results = await openDashboard(ALICE, 'acct-a', '1000');

    const failed = results.filter((result) => !result.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.error?.text).toContain('upstream answered 500');
    const served = charts(results.filter((result) => result.ok));
    expect(served.filter((chart) => chart.source === 'miss')).toHaveLength(1);
    expect(upstream().length - before).toBe(2);
  });

  /**
   * A chart waits for another chart's fetch; meanwhile other reports fill the user cache past its
   * 1,000 items, and the runtime keeps the 900 farthest from expiry: the lease and its outcome
   * (425 s) go first. The waiting chart must not poll for an outcome that is gone until its deadline.
   */
  it.each([
    // Fill items outlive the lease and the outcome, not the entry: the entry is still there.
    ['takes the stored result at once', 600, 'shared', 1],
    // Fill items outlive everything of the report: nothing is left, so the waiting chart leads.
    ['fetches itself at once when the entry went too', 21_600, 'miss', 2],
  ])(
    'when the full user cache evicted the lease it waits for, a chart %s',
    async (_name, fillTtlSeconds, source, fetches) => {
      runtime.clearCaches();
      const account = `acct-evicted-${fillTtlSeconds}`;
      const leaderFetch = gate();
      held.set(account, leaderFetch);
      fillGate = gate();
      const before = upstream().length;
      const chart = (fieldIds: string[]) =>
        runtime.run(ALICE, 'openChart', {
          server: server.url,
          accountId: account,
          fieldIds,
          lastRefresh: '1',
        });

      const leader = chart(['total', 'status']);
      await leaderFetch.reached;
      const sleptBefore = sleeps.length;
      const follower = chart(['total']);
      await until(() => sleeps.length > sleptBefore, 'the second chart waiting for the first');
      // The filler holds the virtual clock still (waiting for its gate) until the leader has stored
      // and announced its result, so the follower sleeps through all of it.
      const filler = runtime.run(ALICE, 'fillUserCache', {
        gate: `${server.url}/fill-gate`,
        count: CACHE_MAX_ITEMS,
        ttlSeconds: fillTtlSeconds,
        prefix: 'other-report:',
      });
      await fillGate.reached;
      leaderFetch.open();
      expect((await leader).ok).toBe(true);
      fillGate.open();
      expect((await filler).ok).toBe(true);
      const reportKeys = Object.keys(runtime.userCache(ALICE)).filter((key) => key.startsWith('jrc1:'));
      expect(reportKeys.filter((key) => key.endsWith(':f') || key.includes(':o:'))).toEqual([]);

      const followed = await follower;

      expect(followed.error?.text).toBeUndefined();
      const [waiting] = charts([followed]);
      expect(waiting?.source).toBe(source);
      expect(waiting?.table).toEqual({ rowCount: ROWS, columns: expectedColumns(account, ['total']) });
      expect(upstream().length - before).toBe(fetches);
      expect(followed.virtualElapsedMs ?? Infinity).toBeLessThan(10_000);
      held.delete(account);
    },
  );
});

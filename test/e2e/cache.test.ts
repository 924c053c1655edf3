/**
 * The report cache through getData: the built bundle in the local runtime, the Looker Studio
 * driver opening a dashboard (ten charts at once, as Looker Studio issues them) against the Jobber
 * sandbox, whose request log counts every upstream read. On the sandbox's virtual clock, which
 * moves only while every execution waits for it, so the charts gather as they would in Apps Script.
 */
import type { RequestLogEntry } from '../../sandbox/jobber/control-types';
import {
  addDays,
  type ChartOutcome,
  type ChartSpec,
  type DataSource,
  type GetDataResponse,
} from '../../sandbox/studio';
import { useWorld } from '../support/e2e';
import {
  columnSum,
  inRange,
  LIVE_ONLY,
  localDate,
  rawRecords,
  rowSet,
  graphqlSince,
  logMark,
} from './support/reports';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const WORKERS = 24;
/** How the connector's invoice read begins (catalog/query.ts). */
const INVOICES_READ = 'query InvoicesReport(';
/** Where the OAuth2 library keeps a user's token: user properties, and a copy in the user cache. */
const OAUTH2_KEY = 'oauth2.jobber';

const BY_STATUS = { name: 'by status', fields: ['invoiceStatus', 'invoiceCount'] };
/** Ten charts on invoices: different fields, one date range. */
const CHARTS: readonly Omit<ChartSpec, 'dateRange' | 'lastRefresh'>[] = [
  { name: 'revenue by day', fields: ['issuedDate', 'total'] },
  BY_STATUS,
  { name: 'top clients', fields: ['clientName', 'total'] },
  { name: 'receivables', fields: ['agingBucket', 'balanceDue'] },
  { name: 'days to pay', fields: ['clientName', 'daysToPay'] },
  { name: 'overdue', fields: ['isOverdue', 'balanceDue', 'daysOverdue'] },
  { name: 'tax', fields: ['issuedDate', 'taxAmount', 'revenueBeforeTax'] },
  { name: 'paid', fields: ['amountPaid'] },
  { name: 'by city', fields: ['billingCity', 'invoiceCount'] },
  { name: 'scorecard', fields: ['total'] },
];

describe('report cache through getData', () => {
  const world = useWorld({
    sandbox: { size: 'tiny', clock: 'virtual' },
    runtime: { maxConcurrentExecutions: WORKERS },
  });
  let alice: DataSource;
  let accountIds: string[];

  beforeAll(async () => {
    accountIds = world().sandbox.accounts.map((account) => account.id);
    const aliceStudio = await world().connect(ALICE, { mode: 'approve', accountId: accountIds[0] });
    // The report cache serves the live path only: the private copy (the default) bypasses it.
    alice = await aliceStudio.connect({ object: 'invoices', dateField: 'issuedDate', ...LIVE_ONLY });
  }, 120_000);

  function dashboard(lastRefresh: number): ChartSpec[] {
    const today = world().studio(ALICE).today();
    const dateRange = { startDate: addDays(today, -365), endDate: addDays(today, -1) };
    return CHARTS.map((chart) => ({ ...chart, dateRange, lastRefresh }));
  }

  /** Reads of the invoice list from its first page: one per upstream fetch, whatever its pages. */
  const fetches = (entries: readonly RequestLogEntry[]): RequestLogEntry[] =>
    entries.filter((entry) => entry.query?.startsWith(INVOICES_READ) && entry.variables?.['after'] === null);

  /** The report cache's keys in a user's cache (the OAuth2 library keeps its own there too). */
  const reportCacheKeys = (user: string): string[] =>
    Object.keys(world().runtime.userCache(user)).filter((key) => key.startsWith('jrc1:'));

  function responses(outcomes: readonly ChartOutcome[]): GetDataResponse[] {
    return outcomes.map((outcome) => {
      if ('userError' in outcome) throw new Error(`${outcome.chart.name}: ${outcome.userError.message}`);
      return outcome.response;
    });
  }

  it('serves a dashboard of 10 charts opened together with one upstream fetch', async () => {
    const mark = await logMark(world().sandbox);
    const opened = responses(await alice.dashboard(dashboard(1000)));

    expect(fetches(await graphqlSince(world().sandbox, mark))).toHaveLength(1);
    expect(opened.every((response) => response.rows.length > 0)).toBe(true);
  });

  it('gives every chart the rows it would get alone, without the cache', async () => {
    const uncached = await world()
      .studio(ALICE)
      .connect({ object: 'invoices', dateField: 'issuedDate', cacheMinutes: '0', ...LIVE_ONLY });
    const shared = responses(await alice.dashboard(dashboard(1000)));
    for (const [index, chart] of dashboard(1000).entries())
      expect(rowSet(shared[index] as GetDataResponse)).toEqual(rowSet(await uncached.getData(chart)));
  });

  it('makes no upstream request at all when the dashboard is opened again', async () => {
    const mark = await logMark(world().sandbox);
    await alice.dashboard(dashboard(1000));

    expect(await graphqlSince(world().sandbox, mark)).toEqual([]);
  });

  it('refetches once, for all charts, when Looker forces a refresh', async () => {
    const before = responses(await alice.dashboard(dashboard(1000)));
    const mark = await logMark(world().sandbox);
    const refreshed = responses(await alice.dashboard(dashboard(2000)));

    expect(fetches(await graphqlSince(world().sandbox, mark))).toHaveLength(1);
    refreshed.forEach((response, index) =>
      expect(rowSet(response)).toEqual(rowSet(before[index] as GetDataResponse)),
    );
    const again = await logMark(world().sandbox);
    await alice.dashboard(dashboard(2000));
    expect(await graphqlSince(world().sandbox, again)).toEqual([]);
  });

  it('never shares tokens or rows between two users on two Jobber accounts, even opening at once', async () => {
    const bobStudio = await world().connect(BOB, { mode: 'approve', accountId: accountIds[1] });
    const bob = await bobStudio.connect({ object: 'invoices', dateField: 'issuedDate', ...LIVE_ONLY });
    world().runtime.clearCaches();
    const mark = await logMark(world().sandbox);

    const [aliceCharts, bobCharts] = await Promise.all([
      alice.dashboard(dashboard(3000)),
      bob.dashboard(dashboard(3000)),
    ]);

    // Stores: each user's token and rows live in that user's own properties and cache, nowhere else.
    expectOnlyInOwnStores(ALICE, BOB);
    expectOnlyInOwnStores(BOB, ALICE);
    // Jobber: one fetch per account, each with that account's own token.
    const perAccount = fetches(await graphqlSince(world().sandbox, mark)).map((entry) => entry.accountId);
    expect(perAccount.sort()).toEqual([accountIds[0], accountIds[1]].sort());
    // Rows: every chart counts exactly its own account's invoices (and the two accounts differ).
    const [aliceHolds, bobHolds] = [await invoicesInRange(0), await invoicesInRange(1)];
    expect(aliceHolds).not.toBe(bobHolds);
    for (const [charts, holds] of [
      [aliceCharts, aliceHolds],
      [bobCharts, bobHolds],
    ] as const)
      expect(columnSum(responses(charts)[CHARTS.indexOf(BY_STATUS)] as GetDataResponse, 'invoiceCount')).toBe(
        holds,
      );
  });

  /** The user's tokens and report entries are in their own stores only: not the other's, not the script's. */
  function expectOnlyInOwnStores(user: string, other: string): void {
    const runtime = world().runtime;
    const stored = runtime.userProperties(user)[OAUTH2_KEY];
    const tokens = JSON.parse(stored ?? '{}') as { access_token?: string; refresh_token?: string };
    expect(tokens.access_token).toEqual(expect.any(String));
    // The OAuth2 library's cached copy is in the user's own cache, and it is the user's own token.
    const cached = JSON.parse(runtime.userCache(user)[OAUTH2_KEY] ?? '{}') as typeof tokens;
    expect(cached.access_token).toBe(tokens.access_token);
    expect(reportCacheKeys(user).length).toBeGreaterThan(0);
    const elsewhere = JSON.stringify([
      runtime.scriptCache(),
      runtime.scriptProperties(),
      runtime.userCache(other),
      runtime.userProperties(other),
    ]);
    for (const secret of [tokens.access_token, tokens.refresh_token])
      expect(elsewhere.includes(secret ?? '<none>')).toBe(false);
    expect(Object.keys(runtime.scriptCache()).filter((key) => key.startsWith('jrc1:'))).toEqual([]);
    expect(reportCacheKeys(other).filter((key) => reportCacheKeys(user).includes(key))).toEqual([]);
  }

  /** How many invoices the account issued in the dashboard's range, from the sandbox's raw records. */
  async function invoicesInRange(index: number): Promise<number> {
    const account = world().sandbox.accounts[index];
    if (!account) throw new Error(`no account ${index}`);
    const range = dashboard(0)[0]?.dateRange ?? { startDate: '', endDate: '' };
    return (await rawRecords(world().sandbox, account.id, 'invoices')).filter((invoice) =>
      inRange(localDate(invoice['issuedDate'], account.timeZone), range),
    ).length;
  }

  it('lets a follower fetch when the leader’s fetch fails: only the leader’s chart shows the error', async () => {
    await world().sandbox.control.faults.inject({
      kind: 'graphqlError',
      queryContains: INVOICES_READ,
      times: 1,
    });
    const mark = await logMark(world().sandbox);

    const outcomes = await alice.dashboard(dashboard(4000));

    const failed = outcomes.filter((outcome) => 'userError' in outcome);
    expect(failed).toHaveLength(1);
    expect(fetches(await graphqlSince(world().sandbox, mark))).toHaveLength(2);
  });
});

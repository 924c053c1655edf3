/**
 * The private copy through getData: the built bundle in the local runtime, the Looker Studio driver,
 * the Jobber sandbox and the runtime's Drive app data stand-in. Every answer from the copy equals
 * the live path's answer for the same chart; a repeat view asks Jobber only what changed.
 */
import { addDays, type ChartSpec, type DataSource } from '../../sandbox/studio';
import { useWorld } from '../support/e2e';
import { rowSet, graphqlSince, logMark } from './support/reports';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';

describe('the private copy through getData', () => {
  const world = useWorld({
    sandbox: { size: 'tiny', clock: 'virtual' },
    runtime: { maxConcurrentExecutions: 12 },
  });
  let copy: DataSource;
  let live: DataSource;
  let accountIds: string[];

  beforeAll(async () => {
    accountIds = world().sandbox.accounts.map((account) => account.id);
    const studio = await world().connect(ALICE, { mode: 'approve', accountId: accountIds[0] });
    copy = await studio.connect({ object: 'invoices', dateField: 'issuedDate' });
    live = await studio.connect({ object: 'invoices', dateField: 'issuedDate', privateCopy: 'false' });
  }, 120_000);

  function chart(fields: string[], days = 365): ChartSpec {
    const today = world().studio(ALICE).today();
    return { fields, dateRange: { startDate: addDays(today, -days), endDate: addDays(today, 30) } };
  }

  /** The log lines of the last execution the driver ran for Alice. */
  function lastLogs(): string {
    const result = world().studio(ALICE).executions.at(-1)?.result;
    return (result?.logs ?? []).map((line) => line.message).join('\n');
  }

  it('answers exactly what the live path answers, and keeps the copy in the user’s Drive', async () => {
    const fields = ['invoiceNumber', 'issuedDate', 'invoiceStatus', 'total', 'balanceDue', 'agingBucket'];
    const fromCopy = await copy.getData(chart(fields));
    expect(fromCopy.rows.length).toBeGreaterThan(0);
    expect(lastLogs()).toContain('"source":"copy"');
    expect(rowSet(fromCopy)).toEqual(rowSet(await live.getData(chart(fields))));
    expect(lastLogs()).not.toContain('"source":"copy"');
    const names = world()
      .runtime.drive.files(ALICE)
      .map((file) => file.name);
    expect(names.some((name) => name.endsWith('.json'))).toBe(true);
    expect(names.some((name) => name.endsWith('.gz'))).toBe(true);
  });

  it('asks Jobber only for what changed on a repeat view', async () => {
    const fields = ['invoiceNumber', 'total'];
    await copy.getData(chart(fields));
    const mark = await logMark(world().sandbox);
    const again = await copy.getData(chart(fields));
    const reads = await graphqlSince(world().sandbox, mark);
    expect(reads.length).toBeLessThanOrEqual(2);
    expect(
      reads.every((entry) => JSON.stringify(entry.variables?.['filter'] ?? {}).match(/updatedAt|dueDate/)),
    ).toBe(true);
    expect(rowSet(again)).toEqual(rowSet(await live.getData(chart(fields))));
  });

  it('keeps two users’ copies apart', async () => {
    const bobStudio = await world().connect(BOB, { mode: 'approve', accountId: accountIds[1] });
    const bobs = await bobStudio.connect({ object: 'invoices', dateField: 'issuedDate' });
    const bobLive = await bobStudio.connect({
      object: 'invoices',
      dateField: 'issuedDate',
      privateCopy: 'false',
    });
    const fields = ['invoiceNumber', 'clientName', 'total'];
    expect(rowSet(await bobs.getData(chart(fields)))).toEqual(rowSet(await bobLive.getData(chart(fields))));
    expect(rowSet(await copy.getData(chart(fields)))).not.toEqual(rowSet(await bobs.getData(chart(fields))));
    const aliceFiles = world()
      .runtime.drive.files(ALICE)
      .map((file) => file.id);
    const bobFiles = world()
      .runtime.drive.files(BOB)
      .map((file) => file.id);
    expect(bobFiles.filter((id) => aliceFiles.includes(id))).toEqual([]);
  });

  it('serves a dashboard of charts opened together with one sync, each chart as the live path would', async () => {
    const studio = world().studio(ALICE);
    const quotes = await studio.connect({ object: 'quotes', dateField: 'createdAt' });
    const quotesLive = await studio.connect({
      object: 'quotes',
      dateField: 'createdAt',
      privateCopy: 'false',
    });
    const charts = [
      ['quoteNumber', 'total'],
      ['quoteStatus', 'quoteCount'],
      ['clientName', 'total'],
      ['createdAt', 'subtotal'],
      ['sentAt', 'quoteCount'],
    ].map((fields) => chart(fields));
    const mark = await logMark(world().sandbox);
    const outcomes = await quotes.dashboard(charts);
    const reads = (await graphqlSince(world().sandbox, mark)).filter(
      (entry) =>
        (entry.query ?? '').includes('nodes { ') && !(entry.query ?? '').includes('nodes { __typename }'),
    );
    expect(reads).toHaveLength(1);
    for (const [index, outcome] of outcomes.entries()) {
      if ('userError' in outcome) throw new Error(outcome.userError.message);
      expect(rowSet(outcome.response)).toEqual(rowSet(await quotesLive.getData(charts[index] as ChartSpec)));
    }
  });
});

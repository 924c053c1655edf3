/**
 * The private copy when its history does not fit one execution, when an execution is killed, and
 * when Drive fails: the built bundle in the local runtime on the sandbox's small account (about
 * three years of a small company), with a short runtime budget so the first read takes several
 * requests. Nothing partial is ever shown; each request continues where the last one stopped; the
 * rows in the end equal Jobber's raw records.
 */
import {
  isLookerUserError,
  type ChartSpec,
  type DataSource,
  type GetDataResponse,
} from '../../sandbox/studio';
import { startWorld, type World } from '../support/e2e';
import { columnSum, num, rawRecords } from './support/reports';

const ALICE = 'alice@example.com';
/** A wide table: about 30 of Jobber's points per invoice, so the small account's history takes several requests. */
const CHART: ChartSpec = {
  fields: [
    'invoiceCount',
    'total',
    'invoiceNumber',
    'invoiceStatus',
    'issuedDate',
    'dueDate',
    'subject',
    'clientName',
    'billingCity',
    'billingProvince',
    'receivedDate',
    'updatedAt',
    'subtotal',
    'taxAmount',
    'tipsTotal',
    'depositAmount',
    'amountPaid',
    'balanceDue',
    'agingBucket',
    'daysToPay',
  ],
};
const PROGRESS =
  /^Reading your Jobber history for the first time: ([\d,]+) of ([\d,]+) invoices so far\. Refresh in a minute to continue\.$/;

/** Refreshes as a user told "Refresh in a minute" would: a minute apart, until the chart answers. */
async function untilAnswered(
  world: World,
  source: DataSource,
  limit: number,
): Promise<{ response: GetDataResponse; progress: number[] }> {
  const progress: number[] = [];
  for (let attempt = 0; attempt < limit; attempt++) {
    try {
      return { response: await source.getData(CHART), progress };
    } catch (error) {
      if (!isLookerUserError(error)) throw error;
      const match = PROGRESS.exec(error.text);
      if (!match) throw error;
      progress.push(Number((match[1] ?? '').replace(/,/g, '')));
      await world.sandbox.control.clock.advance(60_000);
    }
  }
  throw new Error(`no answer after ${limit} requests (progress ${progress.join(', ')})`);
}

async function truth(world: World): Promise<{ count: number; total: number }> {
  const invoices = await rawRecords(world.sandbox, world.sandbox.demo.accountId, 'invoices');
  return { count: invoices.length, total: invoices.reduce((sum, invoice) => sum + num(invoice['total']), 0) };
}

describe('the private copy across executions', () => {
  let world: World;
  afterEach(async () => world?.stop());

  it('reads a history too large for one request over several, showing progress, never partial rows', async () => {
    world = await startWorld({
      sandbox: { size: 'small', clock: 'virtual' },
      runtime: { scriptProperties: { JOBBER_RUNTIME_BUDGET_SECONDS: '20' } },
    });
    const studio = await world.connect(ALICE);
    const copy = await studio.connect({ object: 'invoices', dateField: 'allTime' });
    const { response, progress } = await untilAnswered(world, copy, 20);
    expect(progress.length).toBeGreaterThan(0);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const expected = await truth(world);
    expect(columnSum(response, 'invoiceCount')).toBe(expected.count);
    expect(columnSum(response, 'total')).toBeCloseTo(expected.total, 2);
  }, 300_000);

  it('survives executions killed in the middle of reading and saving, and ends with every record', async () => {
    world = await startWorld({
      sandbox: { size: 'small', clock: 'virtual' },
      runtime: { timeLimitMs: 60_000, scriptProperties: { JOBBER_RUNTIME_BUDGET_SECONDS: '120' } },
    });
    const studio = await world.connect(ALICE);
    const copy = await studio.connect({ object: 'invoices', dateField: 'allTime' });
    let answer: GetDataResponse | undefined;
    let killed = 0;
    for (let attempt = 0; attempt < 25 && !answer; attempt++) {
      try {
        answer = await copy.getData(CHART);
      } catch (error) {
        if (
          !isLookerUserError(error) &&
          !String(error).match(/timeout|time limit|exceeded maximum execution time/i)
        )
          throw error;
        killed += isLookerUserError(error) ? 0 : 1;
      }
    }
    expect(killed).toBeGreaterThan(0);
    if (!answer) throw new Error('never answered');
    const expected = await truth(world);
    expect(columnSum(answer, 'invoiceCount')).toBe(expected.count);
    expect(columnSum(answer, 'total')).toBeCloseTo(expected.total, 2);
  }, 300_000);

  it('keeps a usable copy when an execution is killed while saving it to Drive', async () => {
    world = await startWorld({
      sandbox: { size: 'tiny', clock: 'virtual' },
      runtime: { timeLimitMs: 30_000 },
    });
    const studio = await world.connect(ALICE);
    const copy = await studio.connect({ object: 'invoices', dateField: 'allTime' });
    await copy.getData(CHART);
    await world.sandbox.control.clock.advance(11 * 60_000);
    await world.sandbox.control.touchRecords('invoices', 3);
    // The next save's first shard upload hangs past the execution's time limit: killed mid-write.
    world.runtime.drive.injectFault({ kind: 'timeout', times: 1, user: ALICE, operation: 'create' });
    await expect(copy.getData(CHART)).rejects.toThrow(/time limit|maximum execution time/i);
    world.runtime.drive.clearFaults();
    world.runtime.clearCaches();
    await world.sandbox.control.clock.advance(60_000);
    const after = await copy.getData(CHART);
    const expected = await truth(world);
    expect(columnSum(after, 'invoiceCount')).toBe(expected.count);
    expect(columnSum(after, 'total')).toBeCloseTo(expected.total, 2);
    expect(logsOf(studio)).not.toContain('replica_cold_corrupt');
  }, 120_000);

  it('keeps answering right when Drive refuses the copy, and rebuilds a corrupt copy from Jobber', async () => {
    world = await startWorld({ sandbox: { size: 'tiny', clock: 'virtual' } });
    const studio = await world.connect(ALICE);
    const copy = await studio.connect({ object: 'invoices', dateField: 'allTime' });
    const expected = await truth(world);
    world.runtime.drive.injectFault({ kind: 'domainPolicy', times: Infinity, user: ALICE });
    const refused = await copy.getData(CHART);
    expect(columnSum(refused, 'invoiceCount')).toBe(expected.count);
    expect(logsOf(studio)).toContain('replica_cold_failed');
    world.runtime.drive.clearFaults();

    await world.sandbox.control.clock.advance(10_000);
    await copy.getData(CHART);
    const shard = world.runtime.drive.files(ALICE).find((file) => file.name.endsWith('.gz'));
    if (!shard) throw new Error('no shard in Drive');
    world.runtime.drive.corrupt(ALICE, shard.id);
    world.runtime.clearCaches();
    await world.sandbox.control.clock.advance(10_000);
    const rebuilt = await copy.getData(CHART);
    expect(logsOf(studio)).toContain('replica_cold_corrupt');
    expect(columnSum(rebuilt, 'invoiceCount')).toBe(expected.count);
    expect(columnSum(rebuilt, 'total')).toBeCloseTo(expected.total, 2);
  }, 120_000);

  it('deletes every copy in the user’s Drive when the connection is reset', async () => {
    world = await startWorld({ sandbox: { size: 'tiny', clock: 'virtual' } });
    const studio = await world.connect(ALICE);
    await (await studio.connect({ object: 'invoices', dateField: 'allTime' })).getData(CHART);
    await (
      await studio.connect({ object: 'quotes', dateField: 'allTime' })
    ).getData({ fields: ['quoteCount'] });
    expect(world.runtime.drive.files(ALICE).length).toBeGreaterThan(2);
    await studio.resetAuth();
    expect(world.runtime.drive.files(ALICE)).toEqual([]);
  }, 120_000);
});

function logsOf(studio: ReturnType<World['studio']>): string {
  const result = studio.executions.at(-1)?.result;
  return (result?.logs ?? []).map((line) => line.message).join('\n');
}

import { startSandbox, type SandboxHandle } from '../../../sandbox/jobber/harness';
import { data, readAll } from './support';

/**
 * Through the server on a virtual clock: statuses are what Jobber would say at the sandbox's now.
 * Moving the clock changes them (and what a status filter finds), never a record's updatedAt, and
 * the records dump always agrees with GraphQL.
 */
let sandbox: SandboxHandle;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  sandbox = await startSandbox({
    size: 'tiny',
    clock: 'virtual',
    startTime: '2026-06-15T18:00:00Z',
    accessTokenLifetimeSeconds: 365 * 86_400, // the clock jumps weeks
  });
});
afterAll(() => sandbox.stop());

type Status = Record<string, string>;

async function servedStatuses(): Promise<Status> {
  const [visits, jobs, invoices] = await Promise.all([
    readAll<{ id: string; visitStatus: string }>(sandbox, 'visits', '', 'id visitStatus'),
    readAll<{ id: string; jobStatus: string }>(sandbox, 'jobs', '', 'id jobStatus'),
    readAll<{ id: string; invoiceStatus: string }>(sandbox, 'invoices', '', 'id invoiceStatus'),
  ]);
  return Object.fromEntries([
    ...visits.map((visit) => [visit.id, visit.visitStatus]),
    ...jobs.map((job) => [job.id, job.jobStatus]),
    ...invoices.map((invoice) => [invoice.id, invoice.invoiceStatus]),
  ]);
}

async function dumpedStatuses(): Promise<{ statuses: Status; updatedAt: Status }> {
  const account = sandbox.demo.accountId;
  const [visits, jobs, invoices] = await Promise.all([
    sandbox.control.records<{ id: string; visitStatus: string }>(account, 'visits'),
    sandbox.control.records<{ id: string; jobStatus: string; updatedAt: string }>(account, 'jobs'),
    sandbox.control.records<{ id: string; invoiceStatus: string; updatedAt: string }>(account, 'invoices'),
  ]);
  return {
    statuses: Object.fromEntries([
      ...visits.map((visit) => [visit.id, visit.visitStatus]),
      ...jobs.map((job) => [job.id, job.jobStatus]),
      ...invoices.map((invoice) => [invoice.id, invoice.invoiceStatus]),
    ]),
    updatedAt: Object.fromEntries([...jobs, ...invoices].map((record) => [record.id, record.updatedAt])),
  };
}

async function countWith(list: string, status: string): Promise<number> {
  const answer = await data<Record<string, { totalCount: number }>>(
    sandbox,
    `{ ${list}(first: 1, filter: { status: ${status} }) { totalCount } }`,
  );
  return answer[list]?.totalCount ?? NaN;
}

describe('as the virtual clock moves on', () => {
  it('statuses change, the dump agrees with GraphQL, and no updatedAt moves', async () => {
    const before = await dumpedStatuses();
    expect(await servedStatuses()).toEqual(before.statuses);
    const lateBefore = await countWith('visits', 'LATE');
    const pastDueBefore = await countWith('invoices', 'past_due');
    // To an hour before a visit at least a week ahead: it is TODAY, the week's undone ones LATE.
    const { now } = await sandbox.control.clock.now();
    const visits = await sandbox.control.records<{ startAt: string | null }>(
      sandbox.demo.accountId,
      'visits',
    );
    const ahead = visits
      .map((visit) => Date.parse(visit.startAt ?? ''))
      .filter((start) => start > now + 7 * DAY);
    await sandbox.control.clock.advance(Math.min(...ahead) - HOUR - now);

    const after = await dumpedStatuses();
    expect(await servedStatuses()).toEqual(after.statuses);
    expect(after.updatedAt).toEqual(before.updatedAt);
    const changed = Object.keys(after.statuses).filter((id) => after.statuses[id] !== before.statuses[id]);
    expect(changed.length).toBeGreaterThan(10);
    expect(await countWith('visits', 'LATE')).toBeGreaterThan(lateBefore);
    expect(await countWith('invoices', 'past_due')).toBeGreaterThan(pastDueBefore);
    const todayNow = Object.values(after.statuses).filter((status) => status === 'TODAY').length;
    expect(todayNow).toBeGreaterThan(0);
    expect(await countWith('visits', 'TODAY')).toBe(todayNow);
    const lateJobs = Object.values(after.statuses).filter((status) => status === 'late').length;
    expect(await countWith('jobs', 'late')).toBe(lateJobs);
  });

  it('keeps a status-sorted list’s cursors valid across a status change, and the next page reads the new order', async () => {
    const query = `query($after: String) { visits(first: 50, after: $after, sort: [{ key: STATUS, direction: ASCENDING }]) { nodes { id visitStatus } pageInfo { endCursor } } }`;
    type Page = { visits: { nodes: { id: string; visitStatus: string }[]; pageInfo: { endCursor: string } } };
    const firstPage = await data<Page>(sandbox, query, { after: null });
    await sandbox.control.clock.advance(30 * DAY);
    const secondPage = await data<Page>(sandbox, query, { after: firstPage.visits.pageInfo.endCursor });
    expect(secondPage.visits.nodes).toHaveLength(50);
    const statuses = await dumpedStatuses();
    for (const node of secondPage.visits.nodes) expect(node.visitStatus).toBe(statuses.statuses[node.id]);
  });
});

import { startSandbox, type SandboxHandle } from '../../../sandbox/jobber/harness';
import { ids, readAll, sorted, time } from './support';

/** Filters and sorts of jobs, visits and timesheets, checked against the raw records. */
let sandbox: SandboxHandle;
type Row = Record<string, unknown> & { id: string };
let jobs: Row[];
let visits: Row[];
let entries: Row[];
let jobItems: Row[];

const NOW = '2026-06-15T18:00:00Z';

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'tiny', clock: 'virtual', startTime: NOW });
  const account = sandbox.demo.accountId;
  [jobs, visits, entries, jobItems] = await Promise.all([
    sandbox.control.records<Row>(account, 'jobs'),
    sandbox.control.records<Row>(account, 'visits'),
    sandbox.control.records<Row>(account, 'timeSheetEntries'),
    sandbox.control.records<Row>(account, 'jobLineItems'),
  ]);
});
afterAll(() => sandbox.stop());

const idsWhere = (rows: Row[], keep: (row: Row) => boolean): string[] =>
  sorted(rows.filter(keep).map((row) => row.id));
const within = (value: unknown, after: string, before: string): boolean =>
  time(value) > time(after) && time(value) < time(before);
const FROM = '2025-04-01T00:00:00Z';
const TO = '2025-10-01T00:00:00Z';

describe('jobs', () => {
  it('filters by type, status, dates and ids', async () => {
    const some = jobs.slice(0, 5).map((row) => row.id);
    const cases: [string, (row: Row) => boolean][] = [
      ['filter: { jobType: RECURRING }', (r) => r.jobType === 'RECURRING'],
      ['filter: { status: requires_invoicing }', (r) => r.jobStatus === 'requires_invoicing'],
      ['filter: { status: archived }', (r) => r.jobStatus === 'archived'],
      [`filter: { createdAt: { after: "${FROM}", before: "${TO}" } }`, (r) => within(r.createdAt, FROM, TO)],
      [`filter: { completedAt: { after: "${FROM}" } }`, (r) => time(r.completedAt) > time(FROM)],
      [`filter: { startAt: { after: "${FROM}", before: "${TO}" } }`, (r) => within(r.startAt, FROM, TO)],
      [`filter: { endAt: { before: "${TO}" } }`, (r) => time(r.endAt) < time(TO)],
      [
        `filter: { startAt: { after: "${FROM}" }, includeUnscheduled: true }`,
        (r) => r.startAt === null || time(r.startAt) > time(FROM),
      ],
      ['filter: { includeUnscheduled: false }', (r) => r.startAt !== null],
      ['filter: { onlyInvoiceable: true }', (r) => Number(r.uninvoicedTotal) > 0 || Number(r.total) === 0],
      [`filter: { ids: ${JSON.stringify(some)} }`, (r) => some.includes(r.id)],
    ];
    for (const [args, keep] of cases)
      expect(sorted(ids(await readAll(sandbox, 'jobs', args)))).toEqual(idsWhere(jobs, keep));
  });

  it('filters by visits scheduled in a window and assigned to a user', async () => {
    const userId = String(
      (visits.find((row) => (row.assignedUserIds as string[]).length > 0)?.assignedUserIds as string[])[0],
    );
    const matchingJobs = (keep: (visit: Row) => boolean): string[] =>
      sorted([...new Set(visits.filter(keep).map((visit) => String(visit.jobId)))]);
    const byWindow = ids(
      await readAll(
        sandbox,
        'jobs',
        `filter: { visitsScheduledBetween: { after: "${FROM}", before: "${TO}" } }`,
      ),
    );
    expect(sorted(byWindow)).toEqual(matchingJobs((visit) => within(visit.startAt, FROM, TO)));
    const both = ids(
      await readAll(
        sandbox,
        'jobs',
        `filter: { visitsScheduledBetween: { after: "${FROM}", before: "${TO}" }, visitsAssignedToUserId: "${userId}" }`,
      ),
    );
    expect(sorted(both)).toEqual(
      matchingJobs(
        (visit) => within(visit.startAt, FROM, TO) && (visit.assignedUserIds as string[]).includes(userId),
      ),
    );
  });

  it('sorts by job number and lists recently updated jobs first by default', async () => {
    const byNumber = await readAll<{ jobNumber: number }>(
      sandbox,
      'jobs',
      'sort: [{ key: JOB_NUMBER, direction: ASCENDING }]',
      'jobNumber',
    );
    expect(byNumber.map((row) => row.jobNumber)).toEqual(
      jobs.map((row) => Number(row.jobNumber)).sort((a, b) => a - b),
    );
    const byDefault = await readAll<{ updatedAt: string }>(sandbox, 'jobs', '', 'updatedAt');
    expect(byDefault.map((row) => time(row.updatedAt))).toEqual(
      byDefault.map((row) => time(row.updatedAt)).sort((a, b) => b - a),
    );
  });
});

describe('visits', () => {
  it('filters by status, dates, invoicing, assignment, product and ids', async () => {
    const userId = String(
      (visits.find((row) => (row.assignedUserIds as string[]).length > 0)?.assignedUserIds as string[])[0],
    );
    const productId = String(jobItems[0]?.productId);
    const jobsWithProduct = new Set(
      jobItems.filter((item) => item.productId === productId).map((item) => item.jobId),
    );
    const visitBasedJobs = new Set<unknown>(
      jobs.filter((job) => job.billingType === 'VISIT_BASED').map((job) => job.id),
    );
    const some = visits.slice(3, 7).map((row) => row.id);
    const cases: [string, (row: Row) => boolean][] = [
      ['filter: { status: COMPLETED }', (r) => r.visitStatus === 'COMPLETED'],
      ['filter: { status: UPCOMING }', (r) => r.visitStatus === 'UPCOMING'],
      [`filter: { startAt: { after: "${FROM}", before: "${TO}" } }`, (r) => within(r.startAt, FROM, TO)],
      [`filter: { endAt: { after: "${FROM}" } }`, (r) => time(r.endAt) > time(FROM)],
      [`filter: { completedAt: { before: "${TO}" } }`, (r) => time(r.completedAt) < time(TO)],
      [`filter: { createdAt: { after: "${FROM}" } }`, (r) => time(r.createdAt) > time(FROM)],
      ['filter: { invoiceStatus: INVOICED_ONLY }', (r) => r.invoiceId !== null],
      ['filter: { invoiceStatus: UNINVOICED_ONLY }', (r) => r.invoiceId === null],
      [
        'filter: { onlyRelevantToBillingPeriod: true }',
        (r) => r.isComplete === true && visitBasedJobs.has(r.jobId),
      ],
      [`filter: { assignedTo: "${userId}" }`, (r) => (r.assignedUserIds as string[]).includes(userId)],
      [`filter: { productOrServiceId: "${productId}" }`, (r) => jobsWithProduct.has(r.jobId)],
      [`filter: { ids: ${JSON.stringify(some)} }`, (r) => some.includes(r.id)],
    ];
    for (const [args, keep] of cases)
      expect(sorted(ids(await readAll(sandbox, 'visits', args)))).toEqual(idsWhere(visits, keep));
  });

  it('runs by start time by default, unscheduled visits last', async () => {
    const listed = await readAll<{ startAt: string | null }>(sandbox, 'visits', '', 'startAt');
    const scheduled = listed.filter((row) => row.startAt !== null).map((row) => time(row.startAt));
    expect(scheduled).toEqual([...scheduled].sort((a, b) => a - b));
    expect(listed.slice(scheduled.length).every((row) => row.startAt === null)).toBe(true);
  });
});

describe('timesheet entries', () => {
  it('filters by day, user, approval, ticking and dates', async () => {
    const userId = String(entries[0]?.userId);
    const day = '2026-03-10T06:00:00Z';
    const dayEnd = time(day) + 86_400_000;
    const cases: [string, (row: Row) => boolean][] = [
      [
        `filter: { activeOnDate: "${day}" }`,
        (r) => time(r.startAt) < dayEnd && (r.endAt === null || time(r.endAt) >= time(day)),
      ],
      [`filter: { assignedTo: "${userId}" }`, (r) => r.userId === userId],
      ['filter: { isApproved: false }', (r) => r.approved === false],
      ['filter: { ticking: true }', (r) => r.ticking === true],
      [`filter: { createdAt: { after: "${FROM}", before: "${TO}" } }`, (r) => within(r.createdAt, FROM, TO)],
      [`filter: { updatedAt: { after: "${TO}" } }`, (r) => time(r.updatedAt) > time(TO)],
      [`filter: { startAt: { after: "${FROM}", before: "${TO}" } }`, (r) => within(r.startAt, FROM, TO)],
      ['filter: { currentUserOnly: true }', (r) => r.userId === sandbox.demo.userId],
    ];
    for (const [args, keep] of cases)
      expect(sorted(ids(await readAll(sandbox, 'timeSheetEntries', args)))).toEqual(idsWhere(entries, keep));
  });

  it('sorts by start (field START_AT) in both directions', async () => {
    const down = await readAll<{ startAt: string }>(
      sandbox,
      'timeSheetEntries',
      'sort: [{ field: START_AT, direction: DESCENDING }]',
      'startAt',
    );
    expect(down.map((row) => time(row.startAt))).toEqual(
      entries.map((row) => time(row.startAt)).sort((a, b) => b - a),
    );
  });
});

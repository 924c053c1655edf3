/**
 * The filters, sorts and search arguments of Jobber's public API the sandbox now serves, against the
 * raw records: users by role, name and search; products by category, ids and name; clients sorted by
 * one input, searched in chosen fields and filtered by tags; payments sorted and filtered by
 * refundability; expenses searched; requests by assignee; a client's jobs filtered and sorted.
 */
import { startSandbox, type SandboxHandle } from '../../../sandbox/jobber/harness';
import { data, ids, readAll, sorted, time } from './support';

let sandbox: SandboxHandle;
type Row = Record<string, unknown> & { id: string };
const records: Record<string, Row[]> = {};

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'tiny', clock: 'virtual', startTime: '2026-06-15T18:00:00Z' });
  const account = sandbox.demo.accountId;
  for (const collection of ['users', 'products', 'clients', 'paymentRecords', 'expenses', 'jobs'] as const)
    records[collection] = await sandbox.control.records<Row>(account, collection);
});
afterAll(() => sandbox.stop());

const rows = (collection: string): Row[] => records[collection] ?? [];
const idsWhere = (collection: string, keep: (row: Row) => boolean): string[] =>
  sorted(
    rows(collection)
      .filter(keep)
      .map((row) => row.id),
  );

describe('users', () => {
  it('sorts by role with the account owner first, so one node finds the owner', async () => {
    const first = await data<{ users: { nodes: { isAccountOwner: boolean; timezone: string }[] } }>(
      sandbox,
      '{ users(first: 1, sort: [{ key: ROLE, direction: DESCENDING }]) { nodes { isAccountOwner timezone } } }',
    );
    expect(first.users.nodes).toEqual([{ isAccountOwner: true, timezone: 'America/Denver' }]);
    const byName = await readAll<{ name: { full: string } }>(
      sandbox,
      'users',
      'sort: [{ key: NAME, direction: ASCENDING }]',
      'name { full }',
    );
    const names = byName.map((user) => user.name.full);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('searches names and emails, and filters by ids and status', async () => {
    const someone = rows('users')[2] as Row;
    expect(ids(await readAll(sandbox, 'users', `searchTerm: "${String(someone.lastName)}"`))).toContain(
      someone.id,
    );
    expect(
      ids(await readAll(sandbox, 'users', `filter: { status: ACTIVATED, userIds: ["${someone.id}"] }`)),
    ).toEqual(someone.status === 'ACTIVATED' ? [someone.id] : []);
  });
});

describe('products', () => {
  it('filters by category and ids, searches names and sorts', async () => {
    const products = rows('products');
    expect(sorted(ids(await readAll(sandbox, 'products', 'filter: { category: [Product] }')))).toEqual(
      idsWhere('products', (p) => p.category === 'PRODUCT'),
    );
    const two = products.slice(0, 2).map((p) => p.id);
    expect(
      sorted(ids(await readAll(sandbox, 'products', `filter: { ids: ${JSON.stringify(two)} }`))),
    ).toEqual(sorted(two));
    const word = String((products[0] as Row).name).split(' ')[0] ?? '';
    expect(ids(await readAll(sandbox, 'products', `searchTerm: "${word}"`))).toEqual(
      products.filter((p) => String(p.name).toLowerCase().includes(word.toLowerCase())).map((p) => p.id),
    );
    const priciest = await readAll<{ defaultUnitCost: number }>(
      sandbox,
      'products',
      'filter: { sort: { key: DEFAULT_UNIT_COST, direction: DESCENDING } }',
      'defaultUnitCost',
    );
    const prices = priciest.map((p) => p.defaultUnitCost);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
  });

  it('reads categories as PRODUCT or SERVICE', async () => {
    const categories = await readAll<{ category: string }>(sandbox, 'products', '', 'category');
    expect(new Set(categories.map((p) => p.category))).toEqual(new Set(['PRODUCT', 'SERVICE']));
  });
});

describe('clients', () => {
  it('sorts by one input (not a list) and filters by tags', async () => {
    const byName = await readAll<{ lastName: string }>(
      sandbox,
      'clients',
      'sort: { key: LAST_NAME, direction: ASCENDING }',
      'lastName',
    );
    const names = byName.map((client) => client.lastName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const tagged = rows('clients').find((client) => (client.tags as string[]).length > 1) as Row;
    const tags = (tagged.tags as string[]).slice(0, 2);
    expect(
      sorted(ids(await readAll(sandbox, 'clients', `filter: { tags: ${JSON.stringify(tags)} }`))),
    ).toEqual(idsWhere('clients', (c) => tags.every((tag) => (c.tags as string[]).includes(tag))));
  });

  it('searches only the fields asked for', async () => {
    const client = rows('clients')[0] as Row;
    const email = (client.emails as { address: string }[])[0]?.address ?? '';
    expect(
      ids(await readAll(sandbox, 'clients', `searchTerm: "${email}", searchFields: [EMAILS]`)),
    ).toContain(client.id);
    expect(ids(await readAll(sandbox, 'clients', `searchTerm: "${email}", searchFields: [PHONES]`))).toEqual(
      [],
    );
  });

  it('filters and sorts a client’s jobs', async () => {
    const jobs = rows('jobs');
    const clientId = String((jobs[0] as Row).clientId);
    const answer = await data<{ client: { jobs: { nodes: { id: string; jobType: string }[] } } }>(
      sandbox,
      `{ client(id: "${clientId}") { jobs(first: 100, filter: { jobType: ONE_OFF }, sort: [{ key: JOB_NUMBER, direction: ASCENDING }]) { nodes { id jobType } } } }`,
    );
    expect(sorted(answer.client.jobs.nodes.map((job) => job.id))).toEqual(
      idsWhere('jobs', (j) => j.clientId === clientId && j.jobType === 'ONE_OFF'),
    );
  });
});

describe('payment records, expenses and requests', () => {
  it('sorts payments by one input and filters them by refundability', async () => {
    const oldest = await readAll<{ entryDate: string }>(
      sandbox,
      'paymentRecords',
      'sort: { key: ENTRY_DATE, direction: ASCENDING }',
      'entryDate',
    );
    const dates = oldest.map((p) => time(p.entryDate));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(sorted(ids(await readAll(sandbox, 'paymentRecords', 'filter: { refundable: false }')))).toEqual(
      idsWhere('paymentRecords', (p) => p.adjustmentType === 'REFUND'),
    );
  });

  it('reports a Jobber Payments charge refunded in part as PARTIALLY_REFUNDED', async () => {
    const refund = rows('paymentRecords').find((p) => p.adjustmentType === 'REFUND') as Row;
    const charge = String(refund.refundedPaymentRecordId);
    const answer = await data<{ paymentRecord: { transactionStatus: string; amount: number } }>(
      sandbox,
      `{ paymentRecord(id: "${charge}") { amount ... on JobberPaymentsCreditCardPaymentRecord { transactionStatus } } }`,
    );
    expect(Number(refund.amount)).toBeLessThan(answer.paymentRecord.amount);
    expect(answer.paymentRecord.transactionStatus).toBe('PARTIALLY_REFUNDED');
  });

  it('searches expenses by title and description', async () => {
    expect(sorted(ids(await readAll(sandbox, 'expenses', 'searchTerm: "fuel"')))).toEqual(
      idsWhere('expenses', (e) =>
        [e.title, e.description].some((t) => typeof t === 'string' && t.toLowerCase().includes('fuel')),
      ),
    );
  });

  it('takes a request assignee and a time zone (no sandbox request is assigned)', async () => {
    const user = (rows('users')[0] as Row).id;
    expect(
      await readAll(sandbox, 'requests', `filter: { assignedTo: "${user}" }, timezone: "America/Denver"`),
    ).toEqual([]);
  });
});

import { startSandbox, type SandboxHandle } from '../../../sandbox/jobber/harness';
import { data, ids, readAll, sorted, time } from './support';

/** Filters of clients, properties, requests, users, products and tax rates, against the raw records. */
let sandbox: SandboxHandle;
type Row = Record<string, unknown> & { id: string };
let clients: Row[];
let properties: Row[];
let requests: Row[];

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'tiny', clock: 'virtual', startTime: '2026-06-15T18:00:00Z' });
  const account = sandbox.demo.accountId;
  [clients, properties, requests] = await Promise.all([
    sandbox.control.records<Row>(account, 'clients'),
    sandbox.control.records<Row>(account, 'properties'),
    sandbox.control.records<Row>(account, 'requests'),
  ]);
});
afterAll(() => sandbox.stop());

const idsWhere = (rows: Row[], keep: (row: Row) => boolean): string[] =>
  sorted(rows.filter(keep).map((row) => row.id));
const CUT = '2025-01-01T00:00:00Z';

it('filters clients by company, lead and archived flags, dates and a search term', async () => {
  const someone = clients[0] as Row;
  const cases: [string, (row: Row) => boolean][] = [
    ['filter: { isCompany: true }', (r) => r.isCompany === true],
    ['filter: { isLead: true }', (r) => r.isLead === true],
    ['filter: { isArchived: false }', (r) => r.isArchived === false],
    [`filter: { createdAt: { after: "${CUT}" } }`, (r) => time(r.createdAt) > time(CUT)],
    [`filter: { updatedAt: { before: "${CUT}" } }`, (r) => time(r.updatedAt) < time(CUT)],
    [
      `searchTerm: "${String(someone.lastName).toUpperCase()}"`,
      (r) =>
        [
          r.firstName,
          r.lastName,
          r.companyName,
          `${String(r.firstName)} ${String(r.lastName)}`,
          ...(r.emails as { address: string }[]).map((e) => e.address),
        ].some(
          (t) => typeof t === 'string' && t.toLowerCase().includes(String(someone.lastName).toLowerCase()),
        ),
    ],
  ];
  for (const [args, keep] of cases)
    expect(sorted(ids(await readAll(sandbox, 'clients', args)))).toEqual(idsWhere(clients, keep));
});

it('filters properties by client and requests by client, property, status and dates', async () => {
  const property = properties[2] as Row;
  expect(
    sorted(ids(await readAll(sandbox, 'properties', `filter: { clientId: "${String(property.clientId)}" }`))),
  ).toEqual(idsWhere(properties, (r) => r.clientId === property.clientId));
  const request = requests[1] as Row;
  const cases: [string, (row: Row) => boolean][] = [
    [`filter: { clientId: "${String(request.clientId)}" }`, (r) => r.clientId === request.clientId],
    [`filter: { propertyId: "${String(request.propertyId)}" }`, (r) => r.propertyId === request.propertyId],
    ['filter: { status: converted }', (r) => r.requestStatus === 'converted'],
    [
      `filter: { createdAt: { after: "${CUT}" }, updatedAt: { before: "2026-01-01T00:00:00Z" } }`,
      (r) => time(r.createdAt) > time(CUT) && time(r.updatedAt) < time('2026-01-01T00:00:00Z'),
    ],
  ];
  for (const [args, keep] of cases)
    expect(sorted(ids(await readAll(sandbox, 'requests', args)))).toEqual(idsWhere(requests, keep));
});

it('sorts requests by the keys of the 2024-11-12 sort list', async () => {
  const byTitle = await readAll<{ title: string }>(
    sandbox,
    'requests',
    'sort: [{ key: TITLE, direction: ASCENDING }]',
    'title',
  );
  expect(byTitle.map((row) => row.title)).toEqual(
    requests.map((row) => String(row.title)).sort((a, b) => a.localeCompare(b)),
  );
  const byTime = await readAll<{ createdAt: string }>(
    sandbox,
    'requests',
    'sort: [{ key: REQUESTED_AT, direction: DESCENDING }]',
    'createdAt',
  );
  expect(byTime.map((row) => time(row.createdAt))).toEqual(
    requests.map((row) => time(row.createdAt)).sort((a, b) => b - a),
  );
});

it('filters users by status (required) and permissions, admins first', async () => {
  const users = sandbox.accounts[0]?.users ?? [];
  const active = await readAll<{ id: string; isAccountAdmin: boolean }>(
    sandbox,
    'users',
    'filter: { status: ACTIVATED }',
    'id isAccountAdmin',
  );
  expect(sorted(ids(active))).toEqual(sorted(users.filter((u) => u.status === 'ACTIVATED').map((u) => u.id)));
  const firstCrew = active.findIndex((user) => !user.isAccountAdmin);
  expect(active.slice(firstCrew).every((user) => !user.isAccountAdmin)).toBe(true);
  const deactivated = ids(await readAll(sandbox, 'users', 'filter: { status: DEACTIVATED }'));
  expect(deactivated).toEqual(users.filter((u) => u.status === 'DEACTIVATED').map((u) => u.id));
  const invoicing = ids(
    await readAll(
      sandbox,
      'users',
      'filter: { status: ACTIVATED, permissions: { area: INVOICES, level: READ } }',
    ),
  );
  expect(sorted(invoicing)).toEqual(
    sorted(users.filter((u) => u.status === 'ACTIVATED' && u.isAccountAdmin).map((u) => u.id)),
  );
});

it('serves products under both names and tax rates with a search term', async () => {
  const products = await readAll(sandbox, 'products');
  expect(await readAll(sandbox, 'productOrServices')).toEqual(products);
  expect(products.length).toBeGreaterThan(5);
  const rates = await data<{ taxRates: { nodes: { name: string }[] } }>(
    sandbox,
    '{ taxRates(searchTerm: "exempt") { nodes { name } } }',
  );
  expect(rates.taxRates.nodes).toEqual([{ name: 'Tax Exempt' }]);
});

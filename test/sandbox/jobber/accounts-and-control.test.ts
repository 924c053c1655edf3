import { COLLECTION_NAMES } from '../../../sandbox/jobber/data/collections';
import { startSandbox, type SandboxHandle } from '../../../sandbox/jobber/harness';
import { data, graphql, readAll } from './support';

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'tiny', clock: 'virtual', startTime: '2026-06-15T18:00:00Z' });
});
afterAll(() => sandbox.stop());

describe('isolation between Jobber accounts', () => {
  it('a token sees only its own account’s records, and singular lookups of another account’s ids are null', async () => {
    const other = sandbox.accounts[1];
    if (!other) throw new Error('expected a second account');
    const tokens = await sandbox.control.mintTokens(other.id);
    const mine = await readAll<{ id: string }>(sandbox, 'clients');
    const theirs = await readAll<{ id: string }>(sandbox, 'clients', '', 'id', tokens.accessToken);
    expect(mine.some((client) => theirs.some((their) => their.id === client.id))).toBe(false);
    const lookup = await data<{ client: null }>(
      sandbox,
      'query($id: EncodedId!) { client(id: $id) { id } }',
      { id: mine[0]?.id },
      tokens.accessToken,
    );
    expect(lookup.client).toBeNull();
    const account = await data<{ account: { id: string; name: string } }>(
      sandbox,
      '{ account { id name } }',
      {},
      tokens.accessToken,
    );
    expect(account.account).toEqual({ id: other.id, name: other.name });
  });

  it('keeps one throttle bucket per account', async () => {
    const other = sandbox.accounts[2];
    if (!other) throw new Error('expected a third account');
    const tokens = await sandbox.control.mintTokens(other.id);
    await sandbox.control.setThrottleBudget(sandbox.demo.accountId, 0);
    const drained = await graphql(sandbox, '{ account { id } }');
    expect(drained.body.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    const fresh = await graphql(sandbox, '{ account { id } }', {}, { token: tokens.accessToken });
    expect(fresh.body.extensions?.cost.throttleStatus.currentlyAvailable).toBeGreaterThan(9_990);
    await sandbox.control.reset();
  });

  it('lists accounts in several non-UTC time zones with their users', async () => {
    const accounts = await sandbox.control.accounts();
    expect(accounts.map((account) => account.timeZone)).toEqual([
      'America/Denver',
      'America/Toronto',
      'Australia/Sydney',
    ]);
    expect(accounts.every((account) => account.users.some((user) => user.isAccountOwner))).toBe(true);
    expect(accounts).toEqual(sandbox.accounts);
  });
});

describe('raw records', () => {
  it('are what GraphQL serves: same ids, amounts and dates', async () => {
    const records = await sandbox.control.records<{
      id: string;
      invoiceNumber: number;
      total: number;
      invoiceBalance: number;
      issuedDate: string | null;
    }>(sandbox.demo.accountId, 'invoices');
    const served = await readAll<{
      id: string;
      invoiceNumber: string;
      issuedDate: string | null;
      amounts: { total: number; invoiceBalance: number };
    }>(
      sandbox,
      'invoices',
      'sort: [{ key: INVOICE_NUMBER, direction: ASCENDING }]',
      'id invoiceNumber issuedDate amounts { total invoiceBalance }',
    );
    const expected = [...records]
      .sort((a, b) => a.invoiceNumber - b.invoiceNumber)
      .map((row) => ({
        id: row.id,
        invoiceNumber: String(row.invoiceNumber),
        issuedDate: row.issuedDate,
        amounts: { total: row.total, invoiceBalance: row.invoiceBalance },
      }));
    expect(served).toEqual(expected);
  });

  it('counts every collection', async () => {
    const counts = await sandbox.control.recordCounts(sandbox.demo.accountId);
    expect(Object.keys(counts).sort()).toEqual([...COLLECTION_NAMES].sort());
    expect(counts.invoices).toBe((await sandbox.control.records(sandbox.demo.accountId, 'invoices')).length);
  });
});

describe('virtual clock', () => {
  it('starts at the start time, moves only when told, and stamps x-sandbox-now on responses', async () => {
    const { now, mode } = await sandbox.control.clock.now();
    expect(mode).toBe('virtual');
    expect(now).toBeGreaterThanOrEqual(Date.parse('2026-06-15T18:00:00Z'));
    const response = await graphql(sandbox, '{ account { id } }');
    expect(Number(response.headers.get('x-sandbox-now'))).toBe((await sandbox.control.clock.now()).now);
  });

  it('wakes concurrent sleepers that pass the same `from` at the same instant', async () => {
    const from = (await sandbox.control.clock.now()).now;
    const [a, b] = await Promise.all([
      sandbox.control.clock.sleep(1_000, from),
      sandbox.control.clock.sleep(1_000, from),
    ]);
    expect([a, b]).toEqual([from + 1_000, from + 1_000]);
    expect(await sandbox.control.clock.sleep(500)).toBe(from + 1_500);
  });

  it('never moves backwards', async () => {
    const { now } = await sandbox.control.clock.now();
    expect(await sandbox.control.clock.sleep(10, now - 60_000)).toBe(now);
  });
});

describe('appDisconnect', () => {
  it('disconnects the calling app, as the documented mutation does', async () => {
    const tokens = await sandbox.control.mintTokens(sandbox.demo.accountId);
    const result = await graphql(
      sandbox,
      'mutation { appDisconnect { app { name author } userErrors { message } } }',
      {},
      { token: tokens.accessToken },
    );
    expect(result.body.data).toEqual({
      appDisconnect: { app: expect.objectContaining({ name: expect.any(String) }), userErrors: [] },
    });
    expect((await graphql(sandbox, '{ account { id } }', {}, { token: tokens.accessToken })).status).toBe(
      401,
    );
    expect((await graphql(sandbox, '{ account { id } }')).status).toBe(200);
  });
});

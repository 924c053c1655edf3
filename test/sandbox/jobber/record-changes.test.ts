import { SandboxControlError } from '../../../sandbox/jobber/control-client';
import { startSandbox, type SandboxHandle } from '../../../sandbox/jobber/harness';
import { data } from './support';

/**
 * The control API's record changes over HTTP (`sandbox.control.createRecord`, `updateRecord`,
 * `deleteRecord`, `touchRecords`): fields as the dump writes them, the sandbox clock's now as
 * updatedAt, GraphQL's lists, filters and counts in step at once, and clear refusals.
 */
let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'tiny', clock: 'virtual', startTime: '2026-06-15T18:00:00Z' });
});
afterAll(() => sandbox.stop());

interface Invoice {
  id: string;
  clientId: string;
  invoiceNumber: number;
  subject: string;
  updatedAt: string;
  createdAt: string;
  invoiceStatus: string;
  total: number;
}

async function failure(call: Promise<unknown>): Promise<{ status: number; error: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof SandboxControlError)
      return { status: error.status, error: String((error.body as { error?: unknown }).error) };
    throw error;
  }
  throw new Error('the call succeeded');
}

const nowIso = async (): Promise<string> =>
  `${new Date((await sandbox.control.clock.now()).now).toISOString().slice(0, 19)}Z`;

describe('record changes through the control API', () => {
  it('creates a record at the sandbox clock’s now, which GraphQL lists and counts at once', async () => {
    const [client] = await sandbox.control.records<{ id: string }>(sandbox.demo.accountId, 'clients');
    const count = async () =>
      (await data<{ invoices: { totalCount: number } }>(sandbox, '{ invoices(first: 1) { totalCount } }'))
        .invoices.totalCount;
    const before = await count();
    await sandbox.control.clock.advance(60_000);
    const invoice = await sandbox.control.createRecord<Invoice>('invoices', {
      clientId: client?.id,
      subject: 'Gutter clean',
      issuedDate: '2026-06-15T06:00:00Z',
      dueDate: '2026-07-15T06:00:00Z',
    });
    expect(invoice).toMatchObject({ clientId: client?.id, subject: 'Gutter clean', invoiceStatus: 'paid' });
    expect([invoice.createdAt, invoice.updatedAt]).toEqual([await nowIso(), await nowIso()]);
    expect(await count()).toBe(before + 1);
    const newest = await data<{ invoices: { nodes: { id: string; subject: string }[] } }>(
      sandbox,
      '{ invoices(first: 1) { nodes { id subject } } }',
    );
    expect(newest.invoices.nodes[0]).toEqual({ id: invoice.id, subject: 'Gutter clean' });
    await sandbox.control.createRecord('invoiceLineItems', {
      invoiceId: invoice.id,
      unitPrice: 120,
      taxable: false,
    });
    const [dumped] = (await sandbox.control.records<Invoice>(sandbox.demo.accountId, 'invoices')).filter(
      (each) => each.id === invoice.id,
    );
    expect(dumped).toMatchObject({ total: 120, invoiceStatus: 'sent_not_due' });
  });

  it('updates a record: the change and its updatedAt show in GraphQL, its filters and the newest-first sort', async () => {
    const invoices = await sandbox.control.records<Invoice>(sandbox.demo.accountId, 'invoices');
    const oldest = invoices.reduce((found, each) => (each.updatedAt < found.updatedAt ? each : found));
    await sandbox.control.clock.advance(60_000);
    const updated = await sandbox.control.updateRecord<Invoice>('invoices', oldest.id, {
      subject: 'Renamed',
    });
    expect(updated.updatedAt).toBe(await nowIso());
    const answer = await data<{
      recent: { nodes: { id: string; subject: string; updatedAt: string }[] };
      changed: { totalCount: number };
    }>(
      sandbox,
      `{ recent: invoices(first: 1, sort: [{ key: UPDATED_AT, direction: DESCENDING }]) { nodes { id subject updatedAt } }
         changed: invoices(filter: { updatedAt: { after: "${new Date(Date.parse(updated.updatedAt) - 1_000).toISOString()}" } }) { totalCount } }`,
    );
    expect(answer.recent.nodes[0]).toEqual({
      id: oldest.id,
      subject: 'Renamed',
      updatedAt: updated.updatedAt,
    });
    expect(answer.changed.totalCount).toBe(1);
  });

  it('deletes a record and what cannot outlive it; GraphQL no longer finds them', async () => {
    const invoices = await sandbox.control.records<Invoice>(sandbox.demo.accountId, 'invoices');
    const items = await sandbox.control.records<{ id: string; invoiceId: string }>(
      sandbox.demo.accountId,
      'invoiceLineItems',
    );
    const invoice = invoices.find((each) => items.some((item) => item.invoiceId === each.id));
    if (!invoice) throw new Error('no invoice with lines');
    const deleted = await sandbox.control.deleteRecord('invoices', invoice.id);
    expect(deleted.invoices).toEqual([invoice.id]);
    expect(deleted.invoiceLineItems?.sort()).toEqual(
      items
        .filter((item) => item.invoiceId === invoice.id)
        .map((item) => item.id)
        .sort(),
    );
    const lookup = await data<{ invoice: null }>(sandbox, `{ invoice(id: "${invoice.id}") { id } }`);
    expect(lookup.invoice).toBeNull();
    expect((await failure(sandbox.control.deleteRecord('invoices', invoice.id))).status).toBe(404);
  });

  it('touches K records at once and returns their ids; the next touch picks others', async () => {
    await sandbox.control.clock.advance(60_000);
    const ids = await sandbox.control.touchRecords('invoices', 25);
    expect(new Set(ids).size).toBe(25);
    const now = await nowIso();
    const invoices = await sandbox.control.records<Invoice>(sandbox.demo.accountId, 'invoices');
    expect(
      invoices
        .filter((invoice) => invoice.updatedAt === now)
        .map((invoice) => invoice.id)
        .sort(),
    ).toEqual([...ids].sort());
    const again = await sandbox.control.touchRecords('clients', 3, { changes: { title: 'Dr.' } });
    const clients = await sandbox.control.records<{ id: string; title: string | null }>(
      sandbox.demo.accountId,
      'clients',
    );
    expect(clients.filter((client) => again.includes(client.id)).map((client) => client.title)).toEqual([
      'Dr.',
      'Dr.',
      'Dr.',
    ]);
  });

  it('changes a record of another account, found by its id, in that account only', async () => {
    const other = sandbox.accounts[1];
    if (!other) throw new Error('no second account');
    const [client] = await sandbox.control.records<{ id: string }>(other.id, 'clients');
    await sandbox.control.updateRecord('clients', client?.id ?? '', { firstName: 'Elsewhere' });
    const tokens = await sandbox.control.mintTokens(other.id);
    const seen = await data<{ client: { firstName: string } }>(
      sandbox,
      `{ client(id: "${client?.id ?? ''}") { firstName } }`,
      {},
      tokens.accessToken,
    );
    expect(seen.client.firstName).toBe('Elsewhere');
    const created = await sandbox.control.createRecord<{ id: string }>(
      'clients',
      { firstName: 'Theirs' },
      other.id,
    );
    const mine = await data<{ client: null }>(sandbox, `{ client(id: "${created.id}") { id } }`);
    expect(mine.client).toBeNull();
  });

  it('refuses what is not a valid change, saying why', async () => {
    const [invoice] = await sandbox.control.records<Invoice>(sandbox.demo.accountId, 'invoices');
    const id = invoice?.id ?? '';
    const cases: [() => Promise<unknown>, number, RegExp][] = [
      [
        () => sandbox.control.updateRecord('invoices', id, { clientId: 'not-an-id' }),
        400,
        /must be a Client id/,
      ],
      [
        () => sandbox.control.updateRecord('invoices', id, { dueDate: '2026-07-01' }),
        400,
        /ISO 8601 date and time with a zone/,
      ],
      [() => sandbox.control.updateRecord('jobs', id, {}), 404, /Not a Job id/],
      [
        () => sandbox.control.createRecord('paymentRecords', { invoiceId: id, paymentType: 'BITCOIN' }),
        400,
        /paymentType must be one of/,
      ],
      [() => sandbox.control.createRecord('widgets' as 'invoices', {}), 404, /Unknown collection widgets/],
      [() => sandbox.control.updateRecord('invoices', id, { total: 1 }), 400, /derived from other records/],
      [() => sandbox.control.touchRecords('invoices', 1_000_000), 400, /count must be/],
    ];
    for (const [call, status, message] of cases) {
      const { status: got, error } = await failure(call());
      expect({ got, error }).toEqual({ got: status, error: expect.stringMatching(message) });
    }
  });
});

import type { AccountData } from '../../../sandbox/jobber/data/account-data';
import { COLLECTION_NAMES, referencesOf } from '../../../sandbox/jobber/data/collections';
import {
  createRecord,
  deleteRecord,
  EditError,
  touchRecords,
  updateRecord,
  type Fields,
} from '../../../sandbox/jobber/data/edits';
import { dumpCollection } from '../../../sandbox/jobber/server/records-dump';
import { tinyAccount } from './support';

/**
 * Creating, deleting and touching records through the control API (data/edits.ts): new ids and
 * clocks, what a delete takes with it and what it refuses, bulk touches, and the refusals that
 * keep the stored records consistent.
 */
const NOW = Date.UTC(2026, 5, 15, 18);
const LATER = NOW + 3_600_000;

function freshAccount(): AccountData {
  const account = tinyAccount(NOW);
  account.ensureTimeSheets();
  return account;
}

function refusal(change: () => unknown): { status: number; message: string } {
  try {
    change();
  } catch (error) {
    if (error instanceof EditError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error('the change was accepted');
}

/** Every reference of every record resolves, as after generation. */
function danglingReferences(account: AccountData): string[] {
  return COLLECTION_NAMES.flatMap((collection) =>
    (account.records[collection] as readonly object[]).flatMap((record) =>
      referencesOf(collection).flatMap(({ key, to }) => {
        const value: unknown = (record as Record<string, unknown>)[key];
        const ids = Array.isArray(value) ? value : value === null ? [] : [value];
        return ids
          .filter((id) => account.find(to, id as number) === undefined)
          .map(() => `${collection}.${key}`);
      }),
    ),
  );
}

describe('creating', () => {
  const account = freshAccount();
  const client = account.records.clients.find(
    (each) => account.childrenOf('properties', 'clientId', each.id).length,
  );
  if (!client) throw new Error('no client with a property');

  it('gives a new id (never one used before), createdAt = updatedAt = now, and the next number', () => {
    const highest = Math.max(...account.records.invoices.map((invoice) => invoice.id));
    const lastNumber = Math.max(...account.records.invoices.map((invoice) => invoice.invoiceNumber));
    const invoice = createRecord(
      account,
      'invoices',
      { clientId: client.id, subject: 'Spring visit' },
      LATER,
    );
    expect(invoice.id).toBe(highest + 1);
    expect(invoice.invoiceNumber).toBe(lastNumber + 1);
    expect([invoice.createdAt, invoice.updatedAt]).toEqual([LATER, LATER]);
    expect(invoice.propertyIds).toEqual([account.childrenOf('properties', 'clientId', client.id)[0]?.id]);
    expect(account.invoiceStatus(invoice, LATER)).toBe('draft');
    deleteRecord(account, 'invoices', invoice.id, LATER);
    expect(createRecord(account, 'invoices', { clientId: client.id }, LATER).id).toBe(highest + 2);
  });

  it('makes a record of every collection from what the test gives, with every reference resolving', () => {
    const invoice = account.records.invoices[0];
    const job = account.records.jobs[0];
    const quote = account.records.quotes[0];
    const user = account.records.users[1];
    if (!invoice || !job || !quote || !user) throw new Error('incomplete account');
    const given: { readonly [C in (typeof COLLECTION_NAMES)[number]]: Fields } = {
      users: { firstName: 'Robin', email: 'robin@example.com' },
      taxRates: { name: 'City tax', tax: 1.5 },
      products: { name: 'Hedge trim', defaultUnitCost: 80 },
      clients: {
        firstName: 'Ada',
        emails: [{ address: 'ada@example.com', description: 'MAIN', primary: true }],
      },
      properties: { clientId: client.id },
      requests: { clientId: client.id, title: 'Leaky tap' },
      quotes: { clientId: client.id },
      quoteLineItems: { quoteId: quote.id, unitPrice: 50, quantity: 3 },
      jobs: { clientId: client.id },
      jobLineItems: { jobId: job.id, unitPrice: 20 },
      visits: { jobId: job.id, startAt: LATER + 86_400_000, endAt: LATER + 90_000_000 },
      invoices: { clientId: client.id },
      invoiceLineItems: { invoiceId: invoice.id, unitPrice: 5 },
      paymentRecords: { invoiceId: invoice.id, amount: 1 },
      expenses: { title: 'Fuel', total: 60, linkedJobId: job.id },
      timeSheetEntries: { userId: user.id, jobId: job.id, startAt: NOW, endAt: NOW + 3_600_000 },
    };
    for (const collection of COLLECTION_NAMES) {
      const record = createRecord(account, collection, given[collection], LATER);
      expect(account.find(collection, record.id)).toBe(record);
    }
    expect(danglingReferences(account)).toEqual([]);
    const [entry] = account.records.timeSheetEntries.slice(-1);
    expect([entry?.finalDuration, entry?.ticking, entry?.clientId]).toEqual([3_600, false, job.clientId]);
    expect(account.records.clients.at(-1)?.emails[0]?.id).toBeGreaterThan(0);
    expect(account.records.visits.at(-1)?.clientId).toBe(job.clientId);
  });
});

describe('deleting', () => {
  it('a client takes its properties, requests, quotes, jobs, visits, invoices and payments with it; the rest let go of it', () => {
    const account = freshAccount();
    const client = account.records.clients.find(
      (each) => account.childrenOf('paymentRecords', 'clientId', each.id).length > 0,
    );
    if (!client) throw new Error('no paying client');
    const jobs = account.childrenOf('jobs', 'clientId', client.id).map((job) => job.id);
    const deleted = deleteRecord(account, 'clients', client.id, LATER);
    expect([...deleted.keys()].sort()).toEqual(
      expect.arrayContaining(['clients', 'invoices', 'jobs', 'paymentRecords', 'properties', 'visits']),
    );
    expect(deleted.get('jobs')?.sort()).toEqual([...jobs].sort());
    expect(account.find('clients', client.id)).toBeUndefined();
    expect(account.records.invoices.some((invoice) => invoice.clientId === client.id)).toBe(false);
    expect(
      account.records.timeSheetEntries.some((entry) => entry.jobId !== null && jobs.includes(entry.jobId)),
    ).toBe(false);
    expect(danglingReferences(account)).toEqual([]);
  });

  it('an invoice takes its lines and payments; its visits become uninvoiced; its client and jobs are recomputed', () => {
    const account = freshAccount();
    const invoice = account.records.invoices.find(
      (each) =>
        each.visitIds.length > 0 && account.childrenOf('paymentRecords', 'invoiceId', each.id).length > 0,
    );
    const client = account.find('clients', invoice?.clientId);
    const job = account.find('jobs', invoice?.jobIds[0]);
    if (!invoice || !client || !job) throw new Error('no paid invoice of visits');
    const clientUpdatedAt = client.updatedAt;
    const invoicedBefore = job.invoicedTotal;
    const deleted = deleteRecord(account, 'invoices', invoice.id, LATER);
    expect(deleted.get('invoiceLineItems')?.length).toBeGreaterThan(0);
    expect(deleted.get('paymentRecords')?.length).toBeGreaterThan(0);
    for (const visitId of invoice.visitIds) expect(account.find('visits', visitId)?.invoiceId).toBeNull();
    expect(client.updatedAt).toBe(clientUpdatedAt);
    expect(job.invoicedTotal).toBeCloseTo(invoicedBefore - invoice.subtotal, 2);
    expect(job.uninvoicedTotal).toBeCloseTo(Math.max(0, job.total - job.invoicedTotal), 2);
    expect(danglingReferences(account)).toEqual([]);
  });

  it('refuses what Jobber keeps: a user with timesheets or expenses, the account owner, a property with work', () => {
    const account = freshAccount();
    const owner = account.records.users.find((user) => user.isAccountOwner)?.id ?? 0;
    const crew = account.records.timeSheetEntries.find((entry) => entry.userId !== owner)?.userId ?? 0;
    expect(refusal(() => deleteRecord(account, 'users', crew, LATER))).toEqual({
      status: 409,
      message: expect.stringMatching(
        /Cannot delete this User: \d+ (timeSheetEntries|expenses) still point at it/,
      ),
    });
    expect(refusal(() => deleteRecord(account, 'users', owner, LATER)).message).toMatch(/owner/);
    const property = account.records.jobs[0]?.propertyId ?? 0;
    expect(refusal(() => deleteRecord(account, 'properties', property, LATER)).status).toBe(409);
    expect(refusal(() => deleteRecord(account, 'invoices', 42, LATER)).status).toBe(404);
  });

  it('a product leaves the lines that used it, without a product', () => {
    const account = freshAccount();
    const product = account.records.products.find(
      (each) => account.childrenOf('invoiceLineItems', 'productId', each.id).length > 0,
    );
    if (!product) throw new Error('no product in use');
    const lines = account.childrenOf('invoiceLineItems', 'productId', product.id);
    deleteRecord(account, 'products', product.id, LATER);
    expect(lines.every((line) => line.productId === null)).toBe(true);
  });
});

describe('touching many at once', () => {
  const account = freshAccount();

  it('moves the updatedAt of K records spread over the collection, other ones on the next call', () => {
    const first = touchRecords(account, 'invoices', 10, {}, LATER);
    const second = touchRecords(account, 'invoices', 10, {}, LATER + 1);
    expect(new Set(first).size).toBe(10);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    for (const id of first) expect(account.find('invoices', id)?.updatedAt).toBe(LATER);
    const dumped = dumpCollection(account, 'invoices', LATER + 1) as { updatedAt: string }[];
    expect(dumped.filter((invoice) => Date.parse(invoice.updatedAt) >= LATER)).toHaveLength(20);
  });

  it('applies the same changes to each, and refuses an empty touch where there is no updatedAt', () => {
    const ids = touchRecords(account, 'visits', 3, { instructions: 'Ring twice' }, LATER);
    for (const id of ids) expect(account.find('visits', id)?.instructions).toBe('Ring twice');
    expect(refusal(() => touchRecords(account, 'visits', 3, {}, LATER)).message).toMatch(/no updatedAt/);
    expect(refusal(() => touchRecords(account, 'invoices', 0, {}, LATER)).status).toBe(400);
  });
});

describe('refusals that keep the records consistent', () => {
  const account = freshAccount();
  const invoice = account.records.invoices[0];
  const visit = account.records.visits[0];
  if (!invoice || !visit) throw new Error('incomplete account');
  const cases: [string, () => unknown, RegExp][] = [
    [
      'an unknown field',
      () => updateRecord(account, 'invoices', invoice.id, { colour: 'red' }, LATER),
      /no field colour/,
    ],
    ['a derived total', () => updateRecord(account, 'invoices', invoice.id, { total: 1 }, LATER), /derived/],
    [
      'a clock status',
      () => updateRecord(account, 'visits', visit.id, { visitStatus: 'LATE' }, LATER),
      /completedAt/,
    ],
    ['the id', () => updateRecord(account, 'invoices', invoice.id, { id: 1 }, LATER), /id is the sandbox/],
    ['updatedAt', () => updateRecord(account, 'invoices', invoice.id, { updatedAt: 1 }, LATER), /clock/],
    [
      'a wrong type',
      () => updateRecord(account, 'invoices', invoice.id, { subject: 5 }, LATER),
      /must be a string/,
    ],
    [
      'null where a value is needed',
      () => updateRecord(account, 'invoices', invoice.id, { subject: null }, LATER),
      /may not be empty/,
    ],
    [
      'a missing record',
      () => updateRecord(account, 'invoices', invoice.id, { jobIds: [7] }, LATER),
      /no Job/,
    ],
    [
      'a move to another client',
      () => updateRecord(account, 'invoices', invoice.id, { clientId: visit.clientId + 1 }, LATER),
      /fixed/,
    ],
    [
      'a line without its invoice',
      () => createRecord(account, 'invoiceLineItems', {}, LATER),
      /invoiceId is required/,
    ],
    [
      'a malformed discount',
      () => updateRecord(account, 'invoices', invoice.id, { discount: { rate: 5 } }, LATER),
      /exactly rate, type/,
    ],
  ];
  it.each(cases)('refuses %s with a reason', (_name, change, reason) => {
    const before = JSON.stringify(account.records.invoices);
    expect(refusal(change)).toEqual({ status: 400, message: expect.stringMatching(reason) });
    expect(JSON.stringify(account.records.invoices)).toBe(before);
  });
});

import { startSandbox, type SandboxHandle } from '../../../sandbox/jobber/harness';
import { graphql, ids, readAll, sorted, time } from './support';

/** Filters and sorts of invoices, quotes, payment records and expenses, checked against the raw records. */
let sandbox: SandboxHandle;
type Row = Record<string, unknown> & { id: string };
let invoices: Row[];
let quotes: Row[];
let payments: Row[];
let expenses: Row[];

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'tiny', clock: 'virtual', startTime: '2026-06-15T18:00:00Z' });
  const account = sandbox.demo.accountId;
  [invoices, quotes, payments, expenses] = await Promise.all([
    sandbox.control.records<Row>(account, 'invoices'),
    sandbox.control.records<Row>(account, 'quotes'),
    sandbox.control.records<Row>(account, 'paymentRecords'),
    sandbox.control.records<Row>(account, 'expenses'),
  ]);
});
afterAll(() => sandbox.stop());

const idsWhere = (rows: Row[], keep: (row: Row) => boolean): string[] =>
  sorted(rows.filter(keep).map((row) => row.id));
const nth = <T>(list: readonly T[], index: number): T => {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
};

describe('invoices', () => {
  it('filters by status, one enum value at a time', async () => {
    for (const status of ['draft', 'sent_not_due', 'awaiting_payment', 'paid', 'past_due', 'bad_debt']) {
      const found = ids(await readAll(sandbox, 'invoices', `filter: { status: ${status} }`));
      expect(sorted(found)).toEqual(idsWhere(invoices, (row) => row.invoiceStatus === status));
    }
  });

  it('filters issuedDate with exclusive after/before bounds and an exact eq', async () => {
    const issued = invoices.filter((row) => row.issuedDate !== null);
    const pivot = String(nth(issued, Math.floor(issued.length / 2)).issuedDate);
    const after = ids(await readAll(sandbox, 'invoices', `filter: { issuedDate: { after: "${pivot}" } }`));
    expect(sorted(after)).toEqual(idsWhere(invoices, (row) => time(row.issuedDate) > time(pivot)));
    const before = ids(await readAll(sandbox, 'invoices', `filter: { issuedDate: { before: "${pivot}" } }`));
    expect(sorted(before)).toEqual(idsWhere(invoices, (row) => time(row.issuedDate) < time(pivot)));
    const exactly = ids(await readAll(sandbox, 'invoices', `filter: { issuedDate: { eq: "${pivot}" } }`));
    expect(sorted(exactly)).toEqual(idsWhere(invoices, (row) => time(row.issuedDate) === time(pivot)));
    expect(exactly.length).toBeGreaterThan(0);
  });

  it('filters dueDate, createdAt and updatedAt ranges, total ranges and the client', async () => {
    const from = '2025-01-01T00:00:00-07:00';
    const to = '2025-07-01T00:00:00Z';
    const cases: [string, (row: Row) => boolean][] = [
      [
        `filter: { dueDate: { after: "${from}", before: "${to}" } }`,
        (r) => time(r.dueDate) > time(from) && time(r.dueDate) < time(to),
      ],
      [`filter: { createdAt: { after: "${from}" } }`, (r) => time(r.createdAt) > time(from)],
      [`filter: { updatedAt: { before: "${to}" } }`, (r) => time(r.updatedAt) < time(to)],
      ['filter: { total: { min: 100, max: 400 } }', (r) => Number(r.total) >= 100 && Number(r.total) <= 400],
      [
        `filter: { clientId: "${String(nth(invoices, 0).clientId)}" }`,
        (r) => r.clientId === nth(invoices, 0).clientId,
      ],
      [
        `filter: { invoiceNumber: "${String(nth(invoices, 3).invoiceNumber)}" }`,
        (r) => r.invoiceNumber === nth(invoices, 3).invoiceNumber,
      ],
    ];
    for (const [args, keep] of cases)
      expect(sorted(ids(await readAll(sandbox, 'invoices', args)))).toEqual(idsWhere(invoices, keep));
  });

  it('lists recently updated invoices first by default, and sorts by any key in either direction', async () => {
    const byDefault = await readAll<{ id: string; updatedAt: string }>(
      sandbox,
      'invoices',
      '',
      'id updatedAt',
    );
    expect(byDefault.map((row) => time(row.updatedAt))).toEqual(
      byDefault.map((row) => time(row.updatedAt)).sort((a, b) => b - a),
    );
    const byNumber = await readAll<{ invoiceNumber: string }>(
      sandbox,
      'invoices',
      'sort: [{ key: INVOICE_NUMBER, direction: ASCENDING }]',
      'invoiceNumber',
    );
    expect(byNumber.map((row) => Number(row.invoiceNumber))).toEqual(
      invoices.map((row) => Number(row.invoiceNumber)).sort((a, b) => a - b),
    );
    const byTotal = await readAll<{ amounts: { total: number } }>(
      sandbox,
      'invoices',
      'sort: [{ key: INVOICE_TOTAL, direction: DESCENDING }]',
      'amounts { total }',
    );
    expect(byTotal.map((row) => row.amounts.total)).toEqual(
      invoices.map((row) => Number(row.total)).sort((a, b) => b - a),
    );
  });

  it('puts invoices without the sorted date (drafts have no issue date) last in both directions', async () => {
    for (const direction of ['ASCENDING', 'DESCENDING']) {
      const rows = await readAll<{ issuedDate: string | null }>(
        sandbox,
        'invoices',
        `sort: [{ key: ISSUED_DATE, direction: ${direction} }]`,
        'issuedDate',
      );
      const firstNull = rows.findIndex((row) => row.issuedDate === null);
      if (firstNull >= 0) expect(rows.slice(firstNull).every((row) => row.issuedDate === null)).toBe(true);
    }
  });

  it('rejects a datetime without a time zone, and eq together with after', async () => {
    const bareDate = await graphql(
      sandbox,
      '{ invoices(filter: { issuedDate: { after: "2025-01-01" } }) { nodes { id } } }',
    );
    expect(bareDate.body.errors?.[0]?.message).toMatch(/ISO8601DateTime/);
    const both = await graphql(
      sandbox,
      '{ invoices(filter: { issuedDate: { after: "2025-01-01T00:00:00Z", eq: "2025-02-01T00:00:00Z" } }) { nodes { id } } }',
    );
    expect(both.body.errors?.[0]?.message).toMatch(/either eq or after/);
  });
});

describe('quotes', () => {
  it('filters by status, number range, cost range, sentAt, dates, client and salesperson', async () => {
    const sample = quotes.find((row) => row.salespersonId !== null) ?? nth(quotes, 0);
    const cases: [string, (row: Row) => boolean][] = [
      ['filter: { status: converted }', (r) => r.quoteStatus === 'converted'],
      ['filter: { status: awaiting_response }', (r) => r.quoteStatus === 'awaiting_response'],
      [
        'filter: { quoteNumber: { min: 120, max: 160 } }',
        (r) => Number(r.quoteNumber) >= 120 && Number(r.quoteNumber) <= 160,
      ],
      ['filter: { cost: { min: 200 } }', (r) => Number(r.total) >= 200],
      [
        'filter: { sentAt: { after: "2025-06-01T00:00:00Z" } }',
        (r) => time(r.sentAt) > time('2025-06-01T00:00:00Z'),
      ],
      [
        'filter: { createdAt: { before: "2025-01-01T00:00:00Z" } }',
        (r) => time(r.createdAt) < time('2025-01-01T00:00:00Z'),
      ],
      [
        'filter: { updatedAt: { after: "2026-01-01T00:00:00Z" } }',
        (r) => time(r.updatedAt) > time('2026-01-01T00:00:00Z'),
      ],
      [`filter: { clientId: "${String(sample.clientId)}" }`, (r) => r.clientId === sample.clientId],
      [
        `filter: { salespersonId: "${String(sample.salespersonId)}" }`,
        (r) => r.salespersonId === sample.salespersonId,
      ],
    ];
    for (const [args, keep] of cases)
      expect(sorted(ids(await readAll(sandbox, 'quotes', args)))).toEqual(idsWhere(quotes, keep));
  });

  it('sorts by quote number and by approval time', async () => {
    const byNumber = await readAll<{ quoteNumber: string }>(
      sandbox,
      'quotes',
      'sort: [{ key: QUOTE_NUMBER, direction: DESCENDING }]',
      'quoteNumber',
    );
    expect(byNumber.map((row) => Number(row.quoteNumber))).toEqual(
      quotes.map((row) => Number(row.quoteNumber)).sort((a, b) => b - a),
    );
    const byApproval = await readAll<{ id: string }>(
      sandbox,
      'quotes',
      'sort: [{ key: APPROVED_AT, direction: ASCENDING }]',
    );
    const approvedAt = new Map(quotes.map((row) => [row.id, time(row.approvedAt)]));
    const times = byApproval.map((row) => approvedAt.get(row.id) ?? NaN).filter((t) => !Number.isNaN(t));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('payment records', () => {
  it('filters by entryDate, adjustment type, payment type and client; newest first by default', async () => {
    const sample = nth(payments, 0);
    const cases: [string, (row: Row) => boolean][] = [
      [
        'filter: { entryDate: { after: "2026-01-01T00:00:00Z" } }',
        (r) => time(r.entryDate) > time('2026-01-01T00:00:00Z'),
      ],
      ['filter: { adjustmentType: PAYMENT }', (r) => r.adjustmentType === 'PAYMENT'],
      ['filter: { paymentType: CHEQUE }', (r) => r.paymentType === 'CHEQUE'],
      [`filter: { clientId: "${String(sample.clientId)}" }`, (r) => r.clientId === sample.clientId],
    ];
    for (const [args, keep] of cases)
      expect(sorted(ids(await readAll(sandbox, 'paymentRecords', args)))).toEqual(idsWhere(payments, keep));
    const listed = await readAll<{ entryDate: string }>(sandbox, 'paymentRecords', '', 'entryDate');
    expect(listed.map((row) => time(row.entryDate))).toEqual(
      listed.map((row) => time(row.entryDate)).sort((a, b) => b - a),
    );
  });
});

describe('expenses', () => {
  it('filters by date, createdAt, updatedAt, who entered it and who is reimbursed; sorts by date', async () => {
    const reimbursed = expenses.find((row) => row.reimbursableToId !== null);
    const cases: [string, (row: Row) => boolean][] = [
      [
        'filter: { date: { after: "2025-06-01T00:00:00Z", before: "2026-01-01T00:00:00Z" } }',
        (r) => time(r.date) > time('2025-06-01T00:00:00Z') && time(r.date) < time('2026-01-01T00:00:00Z'),
      ],
      [
        'filter: { createdAt: { after: "2025-06-01T00:00:00Z" } }',
        (r) => time(r.createdAt) > time('2025-06-01T00:00:00Z'),
      ],
      [
        'filter: { updatedAt: { before: "2025-06-01T00:00:00Z" } }',
        (r) => time(r.updatedAt) < time('2025-06-01T00:00:00Z'),
      ],
      [
        `filter: { enteredById: "${String(nth(expenses, 0).enteredById)}" }`,
        (r) => r.enteredById === nth(expenses, 0).enteredById,
      ],
    ];
    if (reimbursed)
      cases.push([
        `filter: { reimbursableToId: "${String(reimbursed.reimbursableToId)}" }`,
        (r) => r.reimbursableToId === reimbursed.reimbursableToId,
      ]);
    for (const [args, keep] of cases)
      expect(sorted(ids(await readAll(sandbox, 'expenses', args)))).toEqual(idsWhere(expenses, keep));
    const byDate = await readAll<{ date: string }>(
      sandbox,
      'expenses',
      'sort: [{ key: DATE, direction: ASCENDING }]',
      'date',
    );
    expect(byDate.map((row) => time(row.date))).toEqual(
      expenses.map((row) => time(row.date)).sort((a, b) => a - b),
    );
  });
});

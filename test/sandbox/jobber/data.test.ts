import type { AccountData } from '../../../sandbox/jobber/data/account-data';
import { ACCOUNT_SPECS, type AccountSpec } from '../../../sandbox/jobber/data/accounts';
import { COLLECTION_NAMES, referencesOf } from '../../../sandbox/jobber/data/collections';
import { generateAccount } from '../../../sandbox/jobber/data/generate';
import type { InvoiceRecord } from '../../../sandbox/jobber/data/records';
import { dumpCollection } from '../../../sandbox/jobber/server/records-dump';

/** The generated accounts: deterministic, believable, consistent, about three years ending now. */
const NOW = Date.UTC(2026, 5, 15, 18);
const DAY = 86_400_000;
const spec = (index: number): AccountSpec => {
  const found = ACCOUNT_SPECS[index];
  if (!found) throw new Error(`no account ${index}`);
  return found;
};
const demo = generateAccount(spec(0), { size: 'small', seed: 3, now: NOW });
const cents = (value: number): number => Math.round(value * 100);

describe('determinism', () => {
  it('gives the same records for the same seed, size and start time, and others for another seed', () => {
    const again = generateAccount(spec(0), { size: 'tiny', seed: 11, now: NOW });
    const same = generateAccount(spec(0), { size: 'tiny', seed: 11, now: NOW });
    const other = generateAccount(spec(0), { size: 'tiny', seed: 12, now: NOW });
    expect(dumpCollection(same, 'invoices', NOW)).toEqual(dumpCollection(again, 'invoices', NOW));
    expect(dumpCollection(same, 'timeSheetEntries', NOW)).toEqual(
      dumpCollection(again, 'timeSheetEntries', NOW),
    );
    expect(dumpCollection(other, 'invoices', NOW)).not.toEqual(dumpCollection(again, 'invoices', NOW));
  });
});

describe('sizes', () => {
  it('tiny has a few hundred records per main object; small thousands', () => {
    const tiny = generateAccount(spec(0), { size: 'tiny', seed: 3, now: NOW });
    for (const name of ['clients', 'jobs', 'invoices', 'visits'] as const) {
      expect(tiny.records[name].length).toBeGreaterThanOrEqual(50);
      expect(tiny.records[name].length).toBeLessThan(1_000);
    }
    expect(demo.records.invoices.length).toBeGreaterThan(2_000);
    expect(demo.records.visits.length).toBeGreaterThan(5_000);
  });
});

describe('money adds up', () => {
  it('invoice total = subtotal − discount + tax; balance = total − payments; line items sum to the subtotal', () => {
    const items = group(demo.records.invoiceLineItems, (item) => item.invoiceId);
    const payments = group(demo.records.paymentRecords, (payment) => payment.invoiceId ?? 0);
    for (const invoice of demo.records.invoices) {
      expect(cents(invoice.total)).toBe(
        cents(invoice.subtotal) - cents(invoice.discountAmount) + cents(invoice.taxAmount),
      );
      expect(cents(invoice.invoiceBalance)).toBe(cents(invoice.total) - cents(invoice.paymentsTotal));
      const lines = items.get(invoice.id) ?? [];
      expect(lines.reduce((sum, item) => sum + cents(item.totalPrice), 0)).toBe(cents(invoice.subtotal));
      const paid = (payments.get(invoice.id) ?? []).reduce((sum, p) => sum + cents(p.rawAmount), 0);
      expect(paid).toBe(cents(invoice.paymentsTotal));
    }
  });

  it('quote totals add up the same way', () => {
    const items = group(demo.records.quoteLineItems, (item) => item.quoteId);
    for (const quote of demo.records.quotes) {
      expect(cents(quote.total)).toBe(
        cents(quote.subtotal) - cents(quote.discountAmount) + cents(quote.taxAmount),
      );
      expect((items.get(quote.id) ?? []).reduce((sum, item) => sum + cents(item.totalPrice), 0)).toBe(
        cents(quote.subtotal),
      );
    }
  });

  it('invoice status agrees with balance and due date; paid invoices have a received date', () => {
    const today = demo.generatedAt;
    const statusOf = (invoice: InvoiceRecord): string => demo.invoiceStatus(invoice, today);
    for (const invoice of demo.records.invoices) {
      if (statusOf(invoice) === 'paid') expect(invoice.invoiceBalance).toBe(0);
      if (statusOf(invoice) === 'paid') expect(invoice.receivedDate).not.toBeNull();
      if (['past_due', 'bad_debt'].includes(statusOf(invoice)))
        expect(invoice.dueDate ?? Infinity).toBeLessThan(today);
      if (statusOf(invoice) === 'draft') expect(invoice.issuedDate).toBeNull();
    }
    const statuses = new Set(demo.records.invoices.map(statusOf));
    expect([...statuses].sort()).toEqual([
      'awaiting_payment',
      'bad_debt',
      'draft',
      'paid',
      'past_due',
      'sent_not_due',
    ]);
  });

  it('job line items sum to the job total; invoiced + uninvoiced = total; costing adds up', () => {
    demo.ensureTimeSheets();
    const items = group(demo.records.jobLineItems, (item) => item.jobId);
    const labour = group(
      demo.records.timeSheetEntries.filter((entry) => entry.jobId !== null),
      (entry) => entry.jobId ?? 0,
    );
    const expenses = group(
      demo.records.expenses.filter((expense) => expense.linkedJobId !== null),
      (expense) => expense.linkedJobId ?? 0,
    );
    for (const job of demo.records.jobs) {
      const lines = items.get(job.id) ?? [];
      expect(lines.reduce((sum, item) => sum + cents(item.totalPrice), 0)).toBe(cents(job.total));
      expect(cents(job.invoicedTotal) + cents(job.uninvoicedTotal)).toBeGreaterThanOrEqual(cents(job.total));
      const labourCost = (labour.get(job.id) ?? []).reduce(
        (sum, entry) => sum + (entry.finalDuration / 3600) * entry.labourRate,
        0,
      );
      expect(job.costing.labourCost).toBeCloseTo(labourCost, 2);
      expect(job.costing.expenseCost).toBeCloseTo(
        (expenses.get(job.id) ?? []).reduce((sum, e) => sum + e.total, 0),
        2,
      );
      expect(job.costing.lineItemCost).toBeCloseTo(
        lines.reduce((sum, item) => sum + item.totalCost, 0),
        2,
      );
      expect(job.costing.totalCost).toBeCloseTo(
        job.costing.labourCost + job.costing.expenseCost + job.costing.lineItemCost,
        2,
      );
      expect(job.costing.profitAmount).toBeCloseTo(job.costing.totalRevenue - job.costing.totalCost, 2);
    }
  });

  it('visits of visit-based jobs bill a per-visit total that their invoices add up; other visits none', () => {
    const jobs = new Map(demo.records.jobs.map((job) => [job.id, job]));
    const visits = new Map(demo.records.visits.map((visit) => [visit.id, visit]));
    for (const visit of demo.records.visits) {
      const visitBased = jobs.get(visit.jobId)?.billingType === 'VISIT_BASED';
      if (visitBased) expect(visit.visitBasedBillingTotal).toBeGreaterThan(0);
      else expect(visit.visitBasedBillingTotal).toBeNull();
    }
    const visitBilled = demo.records.invoices.filter(
      (invoice) => jobs.get(invoice.jobIds[0] ?? 0)?.billingType === 'VISIT_BASED',
    );
    expect(visitBilled.length).toBeGreaterThan(100);
    for (const invoice of visitBilled) {
      const billed = invoice.visitIds.map((id) => cents(visits.get(id)?.visitBasedBillingTotal ?? NaN));
      expect(billed.reduce((sum, value) => sum + value, 0)).toBe(cents(invoice.subtotal));
    }
  });

  it('client balance is the sum of its sent invoices’ balances', () => {
    const byClient = group(
      demo.records.invoices.filter((invoice) => invoice.issuedDate !== null),
      (invoice) => invoice.clientId,
    );
    for (const client of demo.records.clients) {
      expect(cents(client.balance)).toBe(
        (byClient.get(client.id) ?? []).reduce((sum, invoice) => sum + cents(invoice.invoiceBalance), 0),
      );
    }
  });
});

describe('referential integrity', () => {
  it('every foreign key the registry declares points at a record of the same account', () => {
    demo.ensureTimeSheets();
    const missing: string[] = [];
    for (const collection of COLLECTION_NAMES) {
      for (const record of demo.records[collection] as readonly object[]) {
        for (const { key, to } of referencesOf(collection)) {
          const value: unknown = (record as Record<string, unknown>)[key];
          for (const id of Array.isArray(value) ? value : [value]) {
            if (id !== null && demo.find(to, id as number) === undefined)
              missing.push(`${collection}.${key}=${String(id)}`);
          }
        }
      }
    }
    expect(missing.slice(0, 5)).toEqual([]);
  });

  it('visits belong to their job’s client and property; payments to their invoice’s client', () => {
    for (const visit of demo.records.visits) {
      const job = demo.find('jobs', visit.jobId);
      expect([visit.clientId, visit.propertyId]).toEqual([job?.clientId, job?.propertyId]);
    }
    for (const payment of demo.records.paymentRecords)
      expect(demo.find('invoices', payment.invoiceId)?.clientId).toBe(payment.clientId);
  });
});

describe('time', () => {
  it('spans about three years ending at the start time, with future visits scheduled', () => {
    const created = demo.records.invoices.map((invoice) => invoice.createdAt);
    expect(Math.min(...created)).toBeLessThan(NOW - 2.8 * 365 * DAY);
    expect(Math.max(...created)).toBeLessThanOrEqual(NOW);
    expect(demo.records.visits.some((visit) => (visit.startAt ?? 0) > NOW)).toBe(true);
  });

  it('puts date-like fields at local midnight of the account’s zone', () => {
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Denver',
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
    });
    for (const invoice of demo.records.invoices.slice(0, 300)) {
      for (const value of [invoice.issuedDate, invoice.dueDate, invoice.receivedDate]) {
        if (value !== null) expect(local.format(new Date(value))).toBe('00:00');
      }
    }
  });
});

describe('accounts', () => {
  it('differ in name, zone, data and users, and never share ids', () => {
    const others = [
      generateAccount(spec(1), { size: 'small', seed: 3, now: NOW }),
      generateAccount(spec(2), { size: 'small', seed: 3, now: NOW }),
    ];
    const zones = [demo, ...others].map((account) => account.spec.timeZone);
    expect(zones).toEqual(['America/Denver', 'America/Toronto', 'Australia/Sydney']);
    const demoIds = new Set(demo.records.clients.map((client) => client.id));
    for (const other of others)
      expect(other.records.clients.some((client) => demoIds.has(client.id))).toBe(false);
    expect(new Set([demo, ...others].map((account) => account.records.users[0]?.email)).size).toBe(3);
  });
});

function group<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

describe('what Jobber’s public API shows (2025-04-16)', () => {
  const canada = generateAccount(spec(1), { size: 'small', seed: 3, now: NOW });
  const australia = generateAccount(spec(2), { size: 'small', seed: 3, now: NOW });
  const shareOf = (data: AccountData, paymentType: string): number =>
    data.records.paymentRecords.filter((p) => p.paymentType === paymentType).length /
    data.records.paymentRecords.length;

  it('pays by the newer methods where clients use them: Zelle, Venmo, Cash App, ACH in the US, e-Transfer in Canada', () => {
    for (const type of ['ZELLE', 'VENMO', 'CASH_APP', 'ACH_BANK_PAYMENT']) {
      expect([type, shareOf(demo, type) > 0.003 && shareOf(demo, type) < 0.08]).toEqual([type, true]);
      expect([type, shareOf(canada, type)]).toEqual([type, 0]);
    }
    expect(shareOf(canada, 'E_TRANSFER')).toBeGreaterThan(0.05);
    expect(shareOf(demo, 'E_TRANSFER')).toBe(0);
    expect(shareOf(australia, 'PAYPAL')).toBeGreaterThan(0);
    expect(shareOf(demo, 'JOBBER_PAYMENTS')).toBeGreaterThan(0.3);
  });

  it('files each payment under the record type of its method', () => {
    const typenames: Record<string, string> = {
      ZELLE: 'ZellePaymentRecord',
      VENMO: 'VenmoPaymentRecord',
      CASH_APP: 'CashAppPaymentRecord',
      ACH_BANK_PAYMENT: 'AchBankPaymentPaymentRecord',
      PAYPAL: 'PaypalPaymentRecord',
      E_TRANSFER: 'ETransferPaymentRecord',
    };
    for (const payment of [...demo.records.paymentRecords, ...canada.records.paymentRecords]) {
      const expected = typenames[payment.paymentType];
      if (expected) expect(payment.typename).toBe(expected);
    }
  });

  it('takes some card payments on a card reader or by tap to pay', () => {
    const card = demo.records.paymentRecords.filter(
      (p) => p.typename === 'JobberPaymentsCreditCardPaymentRecord',
    );
    const origin = (value: string): number =>
      card.filter((p) => p.paymentOrigin === value).length / card.length;
    expect(origin('CARD_READER')).toBeGreaterThan(0.03);
    expect(origin('TAP_TO_PAY')).toBeGreaterThan(0.03);
    expect(origin('CLIENT_ONLINE_ORIGIN')).toBeGreaterThan(0.6);
  });

  it('categorises products and line items as PRODUCT or SERVICE', () => {
    const categories = new Set([
      ...demo.records.products.map((p) => p.category),
      ...demo.records.invoiceLineItems.map((item) => item.category),
    ]);
    expect(categories).toEqual(new Set(['PRODUCT', 'SERVICE']));
  });

  it('gives users their own zone: the owner’s is the account’s, a remote office manager’s differs', () => {
    const owner = demo.records.users.find((user) => user.isAccountOwner);
    const office = demo.records.users.find((user) => user.role === 'office');
    expect(owner?.timeZone).toBe('America/Denver');
    expect(office?.timeZone).toBe('America/Phoenix');
    expect(canada.records.users.every((user) => user.timeZone === 'America/Toronto')).toBe(true);
  });
});

import type { AccountData } from '../../../sandbox/jobber/data/account-data';
import { ACCOUNT_SPECS, type DataSize } from '../../../sandbox/jobber/data/accounts';
import { generateAccount } from '../../../sandbox/jobber/data/generate';
import { PROJECT_CREW, PROJECT_LINES } from '../../../sandbox/jobber/data/projects';

/**
 * Big projects: a few records in every data size have nested lists longer than the connector's
 * first page (20 line items, 5 assigned users), so the path that completes them is exercised.
 */
const NOW = Date.UTC(2026, 2, 12, 18);
const DAY = 86_400_000;
const account = (index: number, size: DataSize): AccountData => {
  const spec = ACCOUNT_SPECS[index];
  if (!spec) throw new Error(`no account ${index}`);
  return generateAccount(spec, { size, seed: 1, now: NOW });
};
const demo = { tiny: account(0, 'tiny'), small: account(0, 'small') };

/** How many line items each parent has. */
function linesPer<T>(items: readonly T[], parentOf: (item: T) => number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const item of items) counts.set(parentOf(item), (counts.get(parentOf(item)) ?? 0) + 1);
  return counts;
}

function longLists(data: AccountData): Record<'quotes' | 'jobs' | 'invoices', number[]> {
  const long = (counts: Map<number, number>): number[] => [...counts.values()].filter((count) => count > 20);
  return {
    quotes: long(linesPer(data.records.quoteLineItems, (item) => item.quoteId)),
    jobs: long(linesPer(data.records.jobLineItems, (item) => item.jobId)),
    invoices: long(linesPer(data.records.invoiceLineItems, (item) => item.invoiceId)),
  };
}

const bigCrews = (data: AccountData) =>
  data.records.visits.filter((visit) => visit.assignedUserIds.length > 5);

describe('big projects', () => {
  it.each(['tiny', 'small'] as const)(
    'in %s data, some quotes, jobs and invoices have 21 to 60 line items',
    (size) => {
      for (const counts of Object.values(longLists(demo[size]))) {
        expect(counts.length).toBeGreaterThan(0);
        for (const count of counts) {
          expect(count).toBeGreaterThanOrEqual(PROJECT_LINES.min);
          expect(count).toBeLessThanOrEqual(PROJECT_LINES.max);
        }
      }
    },
  );

  it.each(['tiny', 'small'] as const)('in %s data, some visits have a crew of 6 to 8', (size) => {
    const visits = bigCrews(demo[size]);
    expect(visits.length).toBeGreaterThan(0);
    for (const visit of visits) {
      expect(visit.assignedUserIds.length).toBeLessThanOrEqual(PROJECT_CREW.max);
      expect(new Set(visit.assignedUserIds).size).toBe(visit.assignedUserIds.length);
    }
  });

  it('exist in every account, and stay a small fraction of the work', () => {
    for (const data of [demo.small, account(1, 'small'), account(2, 'small')]) {
      const long = longLists(data);
      expect(long.jobs.length).toBeGreaterThan(0);
      expect(long.quotes.length).toBeGreaterThan(0);
      expect(bigCrews(data).length).toBeGreaterThan(0);
      expect(long.jobs.length).toBeLessThan(data.records.jobs.length * 0.03);
    }
  });

  it('carry a project’s lines from its quote to its job and invoice, priced from the items', () => {
    const { records } = demo.small;
    const jobLines = linesPer(records.jobLineItems, (item) => item.jobId);
    const quoteLines = linesPer(records.quoteLineItems, (item) => item.quoteId);
    const invoiceLines = linesPer(records.invoiceLineItems, (item) => item.invoiceId);
    const bigJobs = records.jobs.filter((job) => (jobLines.get(job.id) ?? 0) > 20);
    const sold = bigJobs.filter((job) => job.quoteId !== null);
    expect(sold.length).toBeGreaterThan(0);
    for (const job of sold) expect(quoteLines.get(job.quoteId ?? 0)).toBe(jobLines.get(job.id));
    const billed = records.invoices.filter((invoice) => (invoiceLines.get(invoice.id) ?? 0) > 20);
    expect(billed.length).toBeGreaterThan(0);
    for (const invoice of billed) {
      const job = records.jobs.find((candidate) => candidate.id === invoice.jobIds[0]);
      expect(invoiceLines.get(invoice.id)).toBe(jobLines.get(job?.id ?? 0));
      expect(invoice.subtotal).toBe(job?.total);
    }
  });

  it('staff visits with users of the account who had joined by the visit’s day', () => {
    for (const data of [demo.tiny, demo.small]) {
      const users = new Map(data.records.users.map((user) => [user.id, user]));
      for (const visit of bigCrews(data)) {
        for (const id of visit.assignedUserIds)
          expect(users.get(id)?.createdAt).toBeLessThan((visit.startAt ?? 0) + DAY);
      }
    }
  });
});

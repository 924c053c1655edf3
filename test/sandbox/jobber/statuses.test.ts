import type { InvoiceRecord, JobRecord, VisitRecord } from '../../../sandbox/jobber/data/records';
import { periodAt, statusChanges } from '../../../sandbox/jobber/data/statuses';
import { tinyAccount } from './support';

/**
 * Statuses Jobber derives from the clock when a record is read (data/statuses.ts), on a generated
 * account: the same stored record reads differently as time passes, and nothing is stored.
 */
const NOW = Date.UTC(2026, 5, 15, 18); // 12:00 in Denver
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const account = tinyAccount(NOW);
const { zone } = account;
const midnightOf = (instant: number): number => zone.midnight(zone.localDay(instant));

function first<T>(records: readonly T[], wanted: (record: T) => boolean, what: string): T {
  const found = records.find(wanted);
  if (!found) throw new Error(`the tiny account has no ${what}`);
  return found;
}

describe('a visit', () => {
  const upcoming = first(
    account.records.visits,
    (visit) => visit.completedAt === null && (visit.startAt ?? 0) > NOW + 2 * DAY,
    'visit two days ahead',
  );
  const start = upcoming.startAt ?? NaN;
  const end = upcoming.endAt ?? NaN;

  it('is UPCOMING, then TODAY from local midnight of its day, then LATE once it ends undone', () => {
    expect(account.visitStatus(upcoming, NOW)).toBe('UPCOMING');
    expect(account.visitStatus(upcoming, midnightOf(start) - 1)).toBe('UPCOMING');
    expect(account.visitStatus(upcoming, midnightOf(start))).toBe('TODAY');
    expect(account.visitStatus(upcoming, end - 1)).toBe('TODAY');
    expect(account.visitStatus(upcoming, end)).toBe('LATE');
    expect(account.visitStatus(upcoming, end + 30 * DAY)).toBe('LATE');
  });

  it('stays COMPLETED or UNSCHEDULED whatever the time', () => {
    const done = first(account.records.visits, (visit) => visit.completedAt !== null, 'completed visit');
    const unscheduled: VisitRecord = { ...upcoming, startAt: null, endAt: null };
    for (const at of [NOW - 400 * DAY, NOW, NOW + 400 * DAY]) {
      expect(account.visitStatus(done, at)).toBe('COMPLETED');
      expect(account.visitStatus(unscheduled, at)).toBe('UNSCHEDULED');
    }
  });

  it('takes its day from the account’s zone, not UTC', () => {
    // 23:30 in Denver on the day before is already the visit's day in UTC.
    const lateEvening = midnightOf(start) - 30 * 60_000;
    expect(new Date(lateEvening).getUTCDate()).toBe(new Date(start).getUTCDate());
    expect(account.visitStatus(upcoming, lateEvening)).toBe('UPCOMING');
  });
});

describe('an invoice', () => {
  const open = first(
    account.records.invoices,
    (invoice) => account.invoiceStatus(invoice, NOW) === 'sent_not_due' && invoice.dueDate !== null,
    'invoice sent and not due',
  );
  const due = open.dueDate ?? NaN;

  it('sent and not due becomes past_due on the day after its due date, in the account’s zone', () => {
    const dayAfter = zone.midnight(zone.localDay(due) + 1);
    expect(account.invoiceStatus(open, dayAfter - 1)).toBe('sent_not_due');
    expect(account.invoiceStatus(open, dayAfter)).toBe('past_due');
  });

  it('awaiting payment (paid in part) becomes past_due the same way; paid, draft and bad debt stay', () => {
    const partlyPaid: InvoiceRecord = { ...open, paymentsTotal: 10, invoiceBalance: open.total - 10 };
    const later = zone.midnight(zone.localDay(due) + 1);
    expect(account.invoiceStatus(partlyPaid, later - 1)).toBe('awaiting_payment');
    expect(account.invoiceStatus(partlyPaid, later)).toBe('past_due');
    expect(account.invoiceStatus({ ...open, invoiceBalance: 0 }, later)).toBe('paid');
    expect(account.invoiceStatus({ ...open, issuedDate: null }, later)).toBe('draft');
    expect(account.invoiceStatus({ ...open, isBadDebt: true }, NOW)).toBe('bad_debt');
  });
});

describe('a job', () => {
  const withUpcoming = first(
    account.records.jobs,
    (job) =>
      !job.onHold &&
      account.childrenOf('visits', 'jobId', job.id).some((visit) => (visit.startAt ?? 0) > NOW + DAY) &&
      account.childrenOf('visits', 'jobId', job.id).every((visit) => visit.completedAt === null),
    'job with only visits to come',
  );
  const visits = account.childrenOf('visits', 'jobId', withUpcoming.id);
  const firstStart = Math.min(...visits.map((visit) => visit.startAt ?? Infinity));
  const firstEnd = visits.find((visit) => visit.startAt === firstStart)?.endAt ?? NaN;

  it('follows its visits: upcoming, today on the first one’s day, late once it ends undone', () => {
    expect(account.jobStatus(withUpcoming, NOW)).toBe('upcoming');
    expect(account.jobStatus(withUpcoming, midnightOf(firstStart))).toBe('today');
    expect(account.jobStatus(withUpcoming, firstEnd)).toBe('late');
  });

  it('is on hold while put on hold and no visit is late', () => {
    const held: JobRecord = { ...withUpcoming, onHold: true };
    expect(account.jobStatus(held, NOW)).toBe('on_hold');
    expect(account.jobStatus(held, firstEnd)).toBe('late');
  });
});

describe('the periods between status changes', () => {
  const changes = statusChanges(account.records.visits, account.records.invoices, zone);

  it('change exactly at the instants a status moves by itself, and nowhere between', () => {
    const next = changes.find((instant) => instant > NOW) ?? NaN;
    expect(periodAt(changes, NOW)).toBe(periodAt(changes, next - 1));
    expect(periodAt(changes, next)).toBeGreaterThan(periodAt(changes, next - 1));
    const statusesAt = (at: number): string[] => [
      ...account.records.visits.map((visit) => account.visitStatus(visit, at)),
      ...account.records.invoices.map((invoice) => account.invoiceStatus(invoice, at)),
      ...account.records.jobs.map((job) => account.jobStatus(job, at)),
    ];
    expect(statusesAt(next - 1)).toEqual(statusesAt(NOW));
    expect(statusesAt(next)).not.toEqual(statusesAt(NOW));
  });

  it('are what the account reports, and nothing derived is stored on the records', () => {
    expect(account.statusPeriod(NOW)).toBe(periodAt(changes, NOW));
    const [visit] = account.records.visits;
    const [invoice] = account.records.invoices;
    const [job] = account.records.jobs;
    expect(Object.keys(visit ?? {})).not.toContain('visitStatus');
    expect(Object.keys(invoice ?? {})).not.toContain('invoiceStatus');
    expect(Object.keys(job ?? {})).not.toContain('jobStatus');
  });
});

/**
 * Statuses Jobber derives from the clock when a record is read: a visit becomes TODAY on its day
 * and LATE once it ends undone, an invoice awaiting payment becomes past_due when its due date
 * passes, a job's status follows its visits. Nothing is stored and no `updatedAt` moves: the same
 * record reads differently as time passes. Days are the account's (docs/sandbox.md, "Statuses").
 */
import type { TimeZone } from '../core/time-zone';
import type { InvoiceRecord, JobRecord, VisitRecord } from './records';

export type VisitStatus = 'COMPLETED' | 'LATE' | 'TODAY' | 'UPCOMING' | 'UNSCHEDULED';

/** The stored field each clock-derived status is read as, by collection. */
export const CLOCK_STATUS_FIELDS = {
  visits: 'visitStatus',
  jobs: 'jobStatus',
  invoices: 'invoiceStatus',
} as const;

export function visitStatusAt(visit: VisitRecord, now: number, zone: TimeZone): VisitStatus {
  if (visit.completedAt !== null) return 'COMPLETED';
  if (visit.startAt === null || visit.endAt === null) return 'UNSCHEDULED';
  if (visit.endAt <= now) return 'LATE';
  return zone.localDay(visit.startAt) <= zone.localDay(now) ? 'TODAY' : 'UPCOMING';
}

/** Draft until issued; paid once nothing is owed; past due from the day after the due date. */
export function invoiceStatusAt(invoice: InvoiceRecord, now: number, zone: TimeZone): string {
  if (invoice.issuedDate === null) return 'draft';
  if (Math.round(invoice.invoiceBalance * 100) <= 0) return 'paid';
  if (invoice.isBadDebt) return 'bad_debt';
  if (invoice.dueDate !== null && zone.localDay(invoice.dueDate) < zone.localDay(now)) return 'past_due';
  return invoice.paymentsTotal > 0 ? 'awaiting_payment' : 'sent_not_due';
}

/**
 * A job's status from its scheduled visits: all done → requires_invoicing until fully invoiced,
 * then archived; one late → late; else on hold when put on hold; else today, active or upcoming.
 */
export function jobStatusAt(
  job: JobRecord,
  visits: readonly VisitRecord[],
  now: number,
  zone: TimeZone,
): string {
  const statuses = visits
    .filter((visit) => visit.startAt !== null)
    .map((visit) => visitStatusAt(visit, now, zone));
  if (statuses.length === 0) return 'unscheduled';
  if (statuses.every((status) => status === 'COMPLETED'))
    return job.uninvoicedTotal > 0 ? 'requires_invoicing' : 'archived';
  if (statuses.includes('LATE')) return 'late';
  if (job.onHold) return 'on_hold';
  if (statuses.includes('TODAY')) return 'today';
  return statuses.includes('COMPLETED') ? 'active' : 'upcoming';
}

/**
 * Every instant at which one of these statuses changes by itself (sorted): a visit's local
 * midnight and its end, an unpaid invoice's first day past due. Between two of them every status
 * reads the same, so lists filtered or sorted by status stay valid.
 */
export function statusChanges(
  visits: readonly VisitRecord[],
  invoices: readonly InvoiceRecord[],
  zone: TimeZone,
): number[] {
  const changes: number[] = [];
  for (const visit of visits) {
    if (visit.completedAt !== null || visit.startAt === null || visit.endAt === null) continue;
    changes.push(zone.midnight(zone.localDay(visit.startAt)), visit.endAt);
  }
  for (const invoice of invoices) {
    if (invoice.issuedDate === null || invoice.dueDate === null || invoice.isBadDebt) continue;
    if (Math.round(invoice.invoiceBalance * 100) > 0)
      changes.push(zone.midnight(zone.localDay(invoice.dueDate) + 1));
  }
  return changes.sort((a, b) => a - b);
}

/** How many of the sorted change instants have passed at `now`: the period `now` falls in. */
export function periodAt(changes: readonly number[], now: number): number {
  let low = 0;
  let high = changes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((changes[middle] ?? Infinity) <= now) low = middle + 1;
    else high = middle;
  }
  return low;
}

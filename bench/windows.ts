/**
 * Date ranges holding a given number of invoices, from the sandbox's raw records (ground truth):
 * invoices per issued day in the account's time zone. Ranges end on the last day with invoices and
 * reach back whole days, so N is the smallest count of at least the target.
 */
import type { SandboxHandle } from '../sandbox/jobber/harness';
import type { DateRange } from '../sandbox/studio';
import { demoAccount } from './sandbox';

export interface InvoiceCalendar {
  readonly timeZone: string;
  /** Local issued days (YYYY-MM-DD), oldest first, with their invoice counts. */
  readonly days: ReadonlyArray<{ readonly day: string; readonly invoices: number }>;
}

export interface DateWindow {
  readonly range: DateRange;
  readonly days: number;
  /** Invoices issued in the range: the rows a correct connector returns. */
  readonly invoices: number;
}

export async function invoiceCalendar(sandbox: SandboxHandle): Promise<InvoiceCalendar> {
  const account = demoAccount(sandbox);
  const records = await sandbox.control.records<{ issuedDate?: string | null }>(account.id, 'invoices');
  const localDay = new Intl.DateTimeFormat('en-CA', {
    timeZone: account.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const counts = new Map<string, number>();
  for (const record of records) {
    if (!record.issuedDate) continue;
    const day = localDay.format(new Date(record.issuedDate));
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  const days = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return { timeZone: account.timeZone, days: days.map(([day, invoices]) => ({ day, invoices })) };
}

/** All invoices of the account (every issued day). */
export function totalInvoices(calendar: InvoiceCalendar): number {
  return calendar.days.reduce((total, day) => total + day.invoices, 0);
}

/** The last `days` calendar days that have invoices, ending on the last such day. */
export function lastDays(calendar: InvoiceCalendar, days: number): DateWindow {
  const last = calendar.days[calendar.days.length - 1];
  if (!last) throw new Error('The account has no issued invoices');
  const start = addDays(last.day, -(days - 1));
  const invoices = calendar.days
    .filter((entry) => entry.day >= start)
    .reduce((total, entry) => total + entry.invoices, 0);
  return { range: { startDate: start, endDate: last.day }, days, invoices };
}

/** The shortest range ending on the last day with at least `target` invoices (all data if fewer). */
export function windowWithAtLeast(calendar: InvoiceCalendar, target: number): DateWindow {
  let days = 1;
  let window = lastDays(calendar, days);
  const all = totalInvoices(calendar);
  while (window.invoices < Math.min(target, all)) {
    days += 1;
    window = lastDays(calendar, days);
  }
  return window;
}

export function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

import { groupBy, visitsOfJobs } from './billing';
import type { GenContext } from './context';
import type {
  ExpenseRecord,
  JobCosting,
  JobRecord,
  LineItemRecord,
  TimeSheetEntryRecord,
  VisitRecord,
} from './records';
import { jobStatusAt } from './statuses';

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** What is known once work and billing exist: job status, completion, invoiced amounts, client balances. */
export function finalizeJobs(ctx: GenContext): void {
  const visitsByJob = visitsOfJobs(ctx);
  const invoicesByJob = groupBy(ctx.records.invoices, (invoice) => invoice.jobIds[0] ?? 0);
  for (const job of ctx.records.jobs) {
    finishJob(ctx, job, visitsByJob.get(job.id) ?? []);
    const lastInvoice = (invoicesByJob.get(job.id) ?? []).reduce(
      (latest, invoice) => Math.max(latest, invoice.createdAt),
      0,
    );
    job.updatedAt = Math.max(job.createdAt, Math.min(ctx.now, job.completedAt ?? 0), lastInvoice);
  }
  settleClientBalances(ctx);
}

/** Job costing from timesheets (labour), linked expenses and line-item costs. */
export function computeJobCosting(ctx: GenContext): void {
  const timeByJob = groupBy(
    ctx.records.timeSheetEntries.filter((entry) => entry.jobId !== null),
    (entry) => entry.jobId ?? 0,
  );
  const expensesByJob = groupBy(
    ctx.records.expenses.filter((expense) => expense.linkedJobId !== null),
    (expense) => expense.linkedJobId ?? 0,
  );
  const itemsByJob = ctx.memo('itemsByJob', () => groupBy(ctx.records.jobLineItems, (item) => item.jobId));
  for (const job of ctx.records.jobs) {
    job.costing = costingOf(
      job,
      timeByJob.get(job.id) ?? [],
      expensesByJob.get(job.id) ?? [],
      itemsByJob.get(job.id) ?? [],
    );
  }
}

/** What a job cost (labour at each entry's rate, expenses, line-item costs) against its total. */
export function costingOf(
  job: JobRecord,
  labour: readonly TimeSheetEntryRecord[],
  expenses: readonly ExpenseRecord[],
  items: readonly LineItemRecord[],
): JobCosting {
  const labourCost = labour.reduce((sum, entry) => sum + (entry.finalDuration / 3600) * entry.labourRate, 0);
  const expenseCost = expenses.reduce((sum, expense) => sum + expense.total, 0);
  const lineItemCost = items.reduce((sum, item) => sum + item.totalCost, 0);
  const totalCost = round2(labourCost) + round2(expenseCost) + round2(lineItemCost);
  const profit = round2(job.total - totalCost);
  return {
    labourCost: round2(labourCost),
    labourDuration: labour.reduce((sum, entry) => sum + entry.finalDuration, 0),
    expenseCost: round2(expenseCost),
    lineItemCost: round2(lineItemCost),
    totalCost: round2(totalCost),
    totalRevenue: job.total,
    profitAmount: profit,
    profitPercentage: job.total > 0 ? round2((profit / job.total) * 100) : null,
  };
}

function finishJob(ctx: GenContext, job: JobRecord, visits: readonly VisitRecord[]): void {
  job.uninvoicedTotal = round2(Math.max(0, job.total - job.invoicedTotal));
  const scheduled = visits.filter((visit) => visit.startAt !== null);
  const allDone = scheduled.length > 0 && scheduled.every((visit) => visit.completedAt !== null);
  job.completedAt = allDone ? Math.max(...scheduled.map((visit) => visit.completedAt ?? 0)) : null;
  // About one job under way in a hundred is on hold (never a late one: it shows as late).
  if (UNDER_WAY.has(jobStatusAt(job, visits, ctx.now, ctx.zone))) job.onHold = ctx.rng.chance(0.01);
}

const UNDER_WAY = new Set(['today', 'active', 'upcoming']);

function settleClientBalances(ctx: GenContext): void {
  const balances = new Map<number, number>();
  for (const invoice of ctx.records.invoices) {
    if (invoice.issuedDate === null) continue; // a draft is not owed yet
    balances.set(
      invoice.clientId,
      (balances.get(invoice.clientId) ?? 0) + Math.round(invoice.invoiceBalance * 100),
    );
  }
  for (const client of ctx.records.clients) client.balance = (balances.get(client.id) ?? 0) / 100;
}

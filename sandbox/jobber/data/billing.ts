import type { GenContext } from './context';
import { computeTotals, copyLineItem, defaultTaxRateId, maybeDiscount, taxPercentOf } from './money';
import { settleInvoice } from './payments';
import type { InvoiceRecord, JobLineItemRecord, JobRecord, LineItemRecord, VisitRecord } from './records';

interface InvoicePlan {
  job: JobRecord;
  visits: VisitRecord[];
  items: LineItemRecord[];
  issueDay: number;
}

/**
 * Invoices: one when one-off or fixed-price work is done; for visit-based recurring work, one per
 * visit or one per month.
 * Planned per job, then numbered in the order they were issued, then paid (or not).
 */
export function generateInvoices(ctx: GenContext): void {
  const visitsByJob = visitsOfJobs(ctx);
  const itemsByJob = ctx.memo('itemsByJob', () => groupBy(ctx.records.jobLineItems, (item) => item.jobId));
  const plans: InvoicePlan[] = [];
  for (const job of ctx.records.jobs) {
    const visits = visitsByJob.get(job.id) ?? [];
    const items = itemsByJob.get(job.id) ?? [];
    if (job.billingType === 'VISIT_BASED') plans.push(...monthlyPlans(ctx, job, visits, items));
    else plans.push(...completionPlans(ctx, job, visits, items));
  }
  plans.sort((a, b) => a.issueDay - b.issueDay || a.job.id - b.job.id);
  for (const plan of plans) issueInvoice(ctx, plan);
}

function completionPlans(
  ctx: GenContext,
  job: JobRecord,
  visits: VisitRecord[],
  items: JobLineItemRecord[],
): InvoicePlan[] {
  if (visits.length === 0 || visits.some((visit) => visit.completedAt === null)) return [];
  const completedAt = Math.max(...visits.map((visit) => visit.completedAt ?? 0));
  const completionDay = ctx.zone.localDay(completedAt);
  const issueDay = completionDay + ctx.rng.int(0, 3);
  const lingers = ctx.rng.chance(completionDay > ctx.today - 60 ? 0.12 : 0.01);
  if (issueDay > ctx.today || lingers) return [];
  return [{ job, visits, items: items.map((item) => copyLineItem(item, 0)), issueDay }];
}

function monthlyPlans(
  ctx: GenContext,
  job: JobRecord,
  visits: VisitRecord[],
  items: JobLineItemRecord[],
): InvoicePlan[] {
  const service = items[0];
  if (!service) return [];
  const worked = visits.filter((visit) => visit.completedAt !== null && visit.startAt !== null);
  const perVisit = ctx.rng.chance(0.5);
  const periods = groupBy(worked, (visit) => (perVisit ? visit.id : monthOf(ctx, visit.startAt ?? 0)));
  const plans: InvoicePlan[] = [];
  for (const [period, monthVisits] of periods) {
    const issueDay = perVisit
      ? ctx.zone.localDay(monthVisits[0]?.completedAt ?? 0) + ctx.rng.int(0, 2)
      : firstDayOfMonth(period + 1) + ctx.rng.int(0, 2);
    if (issueDay > ctx.today) continue;
    const quantity = monthVisits.length;
    const totalPrice = Math.round(service.unitPrice * 100 * quantity) / 100;
    const totalCost = Math.round(service.unitCost * 100 * quantity) / 100;
    plans.push({
      job,
      visits: monthVisits,
      items: [copyLineItem(service, 0, { quantity, totalPrice, totalCost })],
      issueDay,
    });
  }
  return plans;
}

function issueInvoice(ctx: GenContext, plan: InvoicePlan): void {
  const { rng } = ctx;
  const { job } = plan;
  const draft = plan.issueDay >= ctx.today - 2 && rng.chance(0.35);
  const net = [0, 15, 30, 30][job.clientId % 4] ?? 30;
  const property = ctx.propertiesOf(job.clientId).find((candidate) => candidate.id === job.propertyId);
  const taxRateId = defaultTaxRateId(ctx, property?.taxRateId ?? null);
  const discount = maybeDiscount(rng, 0.08);
  const createdAt = Math.min(ctx.now - 60_000, ctx.at(plan.issueDay, rng.int(8 * 60, 18 * 60)));
  const totals = computeTotals(plan.items, discount, taxPercentOf(ctx, taxRateId));
  const invoice: InvoiceRecord = {
    id: ctx.nextId('invoices'),
    invoiceNumber: ctx.nextNumber('invoice', 1001),
    clientId: job.clientId,
    propertyIds: [job.propertyId],
    jobIds: [job.id],
    visitIds: plan.visits.map((visit) => visit.id),
    taxRateId,
    subject: rng.chance(0.7) ? 'For Services Rendered' : job.title,
    message: rng.chance(0.25) ? 'Thank you for your business!' : null,
    isBadDebt: false,
    invoiceNet: net,
    discount,
    depositAmount: 0,
    paymentsTotal: 0,
    tipsTotal: 0,
    invoiceBalance: 0,
    subtotal: totals.subtotal,
    discountAmount: totals.discountAmount,
    taxAmount: totals.taxAmount,
    total: totals.total,
    nonTaxAmount: totals.nonTaxAmount,
    issuedDate: draft ? null : ctx.zone.midnight(plan.issueDay),
    dueDate: draft ? null : ctx.zone.midnight(plan.issueDay + net),
    receivedDate: null,
    dateViewedInClientHub: null,
    createdAt,
    updatedAt: createdAt,
  };
  invoice.invoiceBalance = invoice.total;
  ctx.records.invoices.push(invoice);
  addInvoiceItems(ctx, invoice, plan);
  for (const visit of plan.visits) visit.invoiceId = invoice.id;
  job.invoicedTotal = Math.round((job.invoicedTotal + invoice.subtotal) * 100) / 100;
  if (!draft) settleInvoice(ctx, invoice, plan.issueDay);
}

function addInvoiceItems(ctx: GenContext, invoice: InvoiceRecord, plan: InvoicePlan): void {
  for (const item of plan.items) {
    const base = copyLineItem(item, ctx.nextId('invoiceLineItems'), {
      createdAt: invoice.createdAt,
      updatedAt: invoice.createdAt,
    });
    ctx.records.invoiceLineItems.push(
      Object.assign(base, {
        invoiceId: invoice.id,
        jobId: plan.job.id,
        taxRateId: invoice.taxRateId ?? 0,
        date: plan.visits[0]?.startAt ?? null,
      }),
    );
  }
}

const monthByDay = new Map<number, number>();

/** Months counted from year 0 (year × 12 + month index) of the local day of an instant. */
function monthOf(ctx: GenContext, instant: number): number {
  const day = ctx.zone.localDay(instant);
  let month = monthByDay.get(day);
  if (month === undefined) {
    const date = ctx.zone.localDate(day);
    month = date.year * 12 + (date.month - 1);
    monthByDay.set(day, month);
  }
  return month;
}

function firstDayOfMonth(month: number): number {
  return Math.floor(Date.UTC(Math.floor(month / 12), month % 12, 1) / 86_400_000);
}

/** Visits by job, built once: every visit exists before billing starts. */
export function visitsOfJobs(ctx: GenContext): Map<number, VisitRecord[]> {
  return ctx.memo('visitsByJob', () => groupBy(ctx.records.visits, (visit) => visit.jobId));
}

export function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const groupKey = key(item);
    const group = groups.get(groupKey);
    if (group) group.push(item);
    else groups.set(groupKey, [item]);
  }
  return groups;
}

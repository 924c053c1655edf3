import { cents, dollars, type GenContext } from './context';
import { copyLineItem, lineItemFor, pickWorkItems } from './money';
import { hireProjectHands, isBigProject, staffProject, withProjectMaterials } from './projects';
import type { ClientRecord, JobLineItemRecord, JobRecord, LineItemRecord, PropertyRecord } from './records';
import { newQuote, newRequest } from './sales';
import { scheduleVisits } from './visits';

const HOUR_MS = 3_600_000;
const RECURRING_SHARE = { landscaping: 0.22, cleaning: 0.3, pools: 0.4 } as const;

/** Jobs over the account's history: one-off and recurring, many sold through a request and a quote. */
export function generateJobs(ctx: GenContext): void {
  const customers = ctx.records.clients.filter((client) => !client.isLead);
  const days = Array.from({ length: ctx.profile.jobs }, () => ctx.businessDay(ctx.firstDay, ctx.today + 20));
  days.sort((a, b) => a - b);
  for (const day of days) {
    const client = pickCustomer(ctx, customers, day);
    if (!client) continue;
    const properties = ctx.propertiesOf(client.id);
    const property = ctx.rng.pick(properties);
    const jobDay = Math.max(day, ctx.zone.localDay(client.createdAt));
    newJob(ctx, client, property, jobDay);
  }
  hireProjectHands(ctx);
}

/** A customer who already existed on that day; recent customers are likelier (new business). */
function pickCustomer(
  ctx: GenContext,
  customers: readonly ClientRecord[],
  day: number,
): ClientRecord | undefined {
  const cutoff = ctx.at(day + 1, 0);
  let low = 0;
  let high = customers.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((customers[mid]?.createdAt ?? Infinity) < cutoff) low = mid + 1;
    else high = mid;
  }
  const eligible = Math.max(1, low);
  const index = ctx.rng.chance(0.5)
    ? eligible - 1 - Math.floor(ctx.rng.next() * Math.min(eligible, 40))
    : ctx.rng.int(0, eligible - 1);
  return customers[Math.max(0, index)];
}

function newJob(ctx: GenContext, client: ClientRecord, property: PropertyRecord, day: number): void {
  const { rng } = ctx;
  const createdAt = ctx.at(day, rng.int(8 * 60, 17 * 60));
  const recurring = rng.chance(RECURRING_SHARE[ctx.spec.trade]);
  const project = !recurring && isBigProject(ctx, 'job');
  const sold = rng.chance(0.55) ? sellJob(ctx, client, property, day, createdAt, project) : undefined;
  const baseItems = sold?.items ?? workItems(ctx, createdAt, project);
  const job: JobRecord = {
    id: ctx.nextId('jobs'),
    jobNumber: ctx.nextNumber('job', 1),
    clientId: client.id,
    propertyId: property.id,
    quoteId: sold?.quoteId ?? null,
    requestId: sold?.requestId ?? null,
    salespersonId: sold?.salespersonId ?? null,
    title: baseItems[0]?.name ?? 'Job',
    instructions: rng.chance(0.3)
      ? rng.pick(['Gate code 4821', 'Park on street', 'Call on arrival', 'Side door'])
      : null,
    jobType: recurring ? 'RECURRING' : 'ONE_OFF',
    billingType: recurring && rng.chance(0.7) ? 'VISIT_BASED' : 'FIXED_PRICE',
    onHold: false,
    total: 0,
    invoicedTotal: 0,
    uninvoicedTotal: 0,
    costing: emptyCosting(),
    startAt: null,
    endAt: null,
    completedAt: null,
    createdAt,
    updatedAt: createdAt,
  };
  ctx.records.jobs.push(job);
  const visits = scheduleVisits(ctx, job, day, baseItems);
  if (project) staffProject(ctx, visits, day);
  const items = recurring ? recurringItems(ctx, job, visits.length, createdAt) : baseItems;
  addJobLineItems(ctx, job, items);
  if (job.billingType === 'VISIT_BASED') {
    const perVisit = perVisitTotal(items);
    for (const visit of visits) visit.visitBasedBillingTotal = perVisit;
  }
}

function workItems(ctx: GenContext, createdAt: number, project: boolean): LineItemRecord[] {
  const items = pickWorkItems(ctx, createdAt);
  return project ? withProjectMaterials(ctx, items, createdAt) : items;
}

/**
 * What one visit of a visit-based job bills: each line's unit price once (a visit-based job's
 * quantity is its number of visits), so a period's invoice is the sum of its visits' totals.
 */
function perVisitTotal(items: readonly LineItemRecord[]): number {
  return dollars(items.reduce((sum, item) => sum + cents(item.unitPrice), 0));
}

interface Sale {
  items: LineItemRecord[];
  quoteId: number;
  requestId: number | null;
  salespersonId: number | null;
}

/** The request and quote a job was sold through, converted when the job was created. */
function sellJob(
  ctx: GenContext,
  client: ClientRecord,
  property: PropertyRecord,
  day: number,
  createdAt: number,
  project: boolean,
): Sale {
  const quoteDay = day - ctx.rng.int(3, 20);
  const request = ctx.rng.chance(0.45)
    ? newRequest(ctx, client, property, quoteDay - ctx.rng.int(1, 5), 'converted')
    : null;
  const { quote, items } = newQuote(ctx, client, property, request, quoteDay, 'converted', {
    convertedAt: createdAt - ctx.rng.int(1, 20) * HOUR_MS,
    project,
  });
  return { items, quoteId: quote.id, requestId: request?.id ?? null, salespersonId: quote.salespersonId };
}

/** Recurring work is billed per visit (visit-based) or as a package price (fixed price). */
function recurringItems(
  ctx: GenContext,
  job: JobRecord,
  visits: number,
  createdAt: number,
): LineItemRecord[] {
  const services = ctx.records.products.filter(
    (product) => product.category === 'SERVICE' && product.durationMinutes <= 90,
  );
  const service = ctx.rng.pick(services);
  const item = lineItemFor(
    ctx,
    service,
    job.billingType === 'VISIT_BASED' ? Math.max(1, visits) : 1,
    createdAt,
  );
  if (job.billingType === 'FIXED_PRICE') {
    const price = Math.round(service.defaultUnitCost * Math.max(1, visits) * 90) / 100;
    const cost = Math.round(item.unitCost * Math.max(1, visits) * 100) / 100;
    return [copyLineItem(item, 0, { unitPrice: price, totalPrice: price, unitCost: cost, totalCost: cost })];
  }
  return [item];
}

function addJobLineItems(ctx: GenContext, job: JobRecord, items: readonly LineItemRecord[]): void {
  let totalCents = 0;
  for (const item of items) {
    const jobItem: JobLineItemRecord = Object.assign(copyLineItem(item, ctx.nextId('jobLineItems')), {
      jobId: job.id,
    });
    ctx.records.jobLineItems.push(jobItem);
    totalCents += Math.round(item.totalPrice * 100);
  }
  job.total = totalCents / 100;
  job.uninvoicedTotal = job.total;
}

export function emptyCosting(): JobRecord['costing'] {
  return {
    expenseCost: 0,
    labourCost: 0,
    labourDuration: 0,
    lineItemCost: 0,
    totalCost: 0,
    totalRevenue: 0,
    profitAmount: 0,
    profitPercentage: null,
  };
}

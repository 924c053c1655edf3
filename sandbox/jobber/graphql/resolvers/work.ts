import { encodeId } from '../../core/ids';
import type { JobRecord, LineItemRecord, QuoteRecord, VisitRecord } from '../../data/records';
import { paginate, type ConnectionArgs } from '../connection';
import { on, type ResolverMap } from '../context';
import { ascending, comparatorFor, type SortInput } from '../sorting';
import { children, listed, ref, round2, selectAndSort } from './helpers';
import { visitsSpec } from './work-lists';
import { webUri } from './shapes';

const lineItemFields = {
  linkedProductOrService: ref<LineItemRecord, 'products'>('products', (item) => item.productId),
};

export const WORK_RESOLVERS: ResolverMap = {
  Quote: {
    quoteNumber: on<QuoteRecord>((quote) => String(quote.quoteNumber)),
    amounts: on<QuoteRecord>((quote) => ({
      depositAmount: quote.depositAmount,
      discountAmount: quote.discountAmount,
      nonTaxAmount: quote.nonTaxAmount,
      outstandingDepositAmount: quote.depositAmount,
      subtotal: quote.subtotal,
      taxAmount: quote.taxAmount,
      total: quote.total,
    })),
    client: ref<QuoteRecord, 'clients'>('clients', (quote) => quote.clientId),
    property: ref<QuoteRecord, 'properties'>('properties', (quote) => quote.propertyId),
    request: ref<QuoteRecord, 'requests'>('requests', (quote) => quote.requestId),
    salesperson: ref<QuoteRecord, 'users'>('users', (quote) => quote.salespersonId),
    taxDetails: on<QuoteRecord>((quote, _args, ctx) =>
      taxDetails(ctx.data.find('taxRates', quote.taxRateId), quote.taxAmount),
    ),
    lastTransitioned: on<QuoteRecord>((quote) => ({
      approvedAt: quote.approvedAt,
      changesRequestedAt: quote.changesRequestedAt,
      convertedAt: quote.convertedAt,
    })),
    jobberWebUri: on<QuoteRecord>((quote) => webUri('quotes', quote.id)),
    lineItems: on<QuoteRecord>((quote, args, ctx) => {
      const approved = (args.filter as { approved?: boolean } | null | undefined)?.approved;
      const items = approved === false ? [] : ctx.data.childrenOf('quoteLineItems', 'quoteId', quote.id);
      return paginate(items, args as ConnectionArgs, `quoteLineItems:${quote.id}:${String(approved)}`);
    }),
    jobs: on<QuoteRecord>((quote, args, ctx) => {
      const order = comparatorFor<JobRecord>(
        args.sort as SortInput[] | null,
        { UPDATED_AT: (job) => job.updatedAt },
        [ascending('UPDATED_AT')],
      );
      const jobs = [...ctx.data.childrenOf('jobs', 'quoteId', quote.id)].sort(order);
      return paginate(
        jobs,
        args as ConnectionArgs,
        `quote-jobs:${quote.id}:${JSON.stringify(args.sort ?? null)}`,
      );
    }),
    depositRecords: children<QuoteRecord, 'paymentRecords'>('paymentRecords', 'quoteId'),
  },
  QuoteLineItem: lineItemFields,
  JobLineItem: lineItemFields,
  Job: {
    jobStatus: on<JobRecord>((job, _args, ctx) => ctx.data.jobStatus(job, ctx.now)),
    client: ref<JobRecord, 'clients'>('clients', (job) => job.clientId),
    property: ref<JobRecord, 'properties'>('properties', (job) => job.propertyId),
    quote: ref<JobRecord, 'quotes'>('quotes', (job) => job.quoteId),
    request: ref<JobRecord, 'requests'>('requests', (job) => job.requestId),
    salesperson: ref<JobRecord, 'users'>('users', (job) => job.salespersonId),
    jobberWebUri: on<JobRecord>((job) => webUri('jobs', job.id)),
    visitsInfo: on<JobRecord>((job, _args, ctx) =>
      visitsInfo(ctx.data.childrenOf('visits', 'jobId', job.id), ctx.now),
    ),
    lineItems: children<JobRecord, 'jobLineItems'>('jobLineItems', 'jobId'),
    visits: on<JobRecord>((job, args, ctx) =>
      paginate(
        selectAndSort(ctx.data.childrenOf('visits', 'jobId', job.id), visitsSpec(args, ctx.data, ctx.now)),
        args as ConnectionArgs,
        `job-visits:${job.id}:${JSON.stringify([args.filter, args.sort])}`,
      ),
    ),
    invoices: children<JobRecord, 'invoices'>('invoices', 'jobIds'),
    paymentRecords: on<JobRecord>((job, args, ctx) => {
      const invoices = ctx.data.childrenOf('invoices', 'jobIds', job.id);
      const payments = invoices.flatMap((invoice) =>
        ctx.data.childrenOf('paymentRecords', 'invoiceId', invoice.id),
      );
      return paginate(payments, args as ConnectionArgs, `job-payments:${job.id}`);
    }),
    jobCosting: on<JobRecord>((job, _args, ctx) => {
      ctx.data.ensureTimeSheets();
      return { ...job.costing, id: encodeId('JobCosting', job.id) };
    }),
    jobBalanceTotals: on<JobRecord>((job, _args, ctx) => {
      const invoices = ctx.data
        .childrenOf('invoices', 'jobIds', job.id)
        .filter((invoice) => invoice.issuedDate !== null);
      return {
        totalAmount: round2(invoices.reduce((sum, invoice) => sum + invoice.total, 0)),
        outstandingAmount: round2(invoices.reduce((sum, invoice) => sum + invoice.invoiceBalance, 0)),
      };
    }),
    expenses: children<JobRecord, 'expenses'>('expenses', 'linkedJobId'),
    timeSheetEntries: children<JobRecord, 'timeSheetEntries'>('timeSheetEntries', 'jobId'),
  },
  Visit: {
    visitStatus: on<VisitRecord>((visit, _args, ctx) => ctx.data.visitStatus(visit, ctx.now)),
    duration: on<VisitRecord>((visit) =>
      visit.startAt === null || visit.endAt === null
        ? null
        : Math.round((visit.endAt - visit.startAt) / 60_000),
    ),
    client: ref<VisitRecord, 'clients'>('clients', (visit) => visit.clientId),
    job: ref<VisitRecord, 'jobs'>('jobs', (visit) => visit.jobId),
    property: ref<VisitRecord, 'properties'>('properties', (visit) => visit.propertyId),
    invoice: ref<VisitRecord, 'invoices'>('invoices', (visit) => visit.invoiceId),
    createdBy: ref<VisitRecord, 'users'>('users', (visit) => visit.createdById),
    assignedUsers: listed<VisitRecord, 'users'>('users', (visit) => visit.assignedUserIds, 'visit-users'),
    lineItems: on<VisitRecord>((visit, args, ctx) =>
      paginate(
        ctx.data.childrenOf('jobLineItems', 'jobId', visit.jobId),
        args as ConnectionArgs,
        `visit-items:${visit.id}`,
      ),
    ),
    timeSheetEntries: children<VisitRecord, 'timeSheetEntries'>('timeSheetEntries', 'visitId'),
  },
};

export function taxDetails(
  rate:
    | { id: number; name: string; label: string; tax: number; default: boolean; description: string | null }
    | undefined,
  amount: number,
): unknown {
  if (!rate) return null;
  return { totalTaxAmount: amount, totalTaxRate: rate };
}

function visitsInfo(visits: readonly VisitRecord[], now: number): Record<string, number> {
  const scheduled = visits.filter((visit) => visit.startAt !== null);
  return {
    futureCount: scheduled.filter((visit) => (visit.startAt ?? 0) > now).length,
    pastCount: scheduled.filter((visit) => (visit.startAt ?? 0) <= now).length,
    scheduledCount: scheduled.length,
    unscheduledCount: visits.length - scheduled.length,
    incompleteTotal: visits.filter((visit) => !visit.isComplete).length,
  };
}

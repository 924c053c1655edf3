import { REQUEST_SOURCES } from './catalog';
import { DAY_MS, type GenContext } from './context';
import {
  computeTotals,
  copyLineItem,
  defaultTaxRateId,
  maybeDiscount,
  pickWorkItems,
  taxPercentOf,
} from './money';
import { displayName } from './people';
import { isBigProject, withProjectMaterials } from './projects';
import type {
  ClientRecord,
  LineItemRecord,
  PropertyRecord,
  QuoteLineItemRecord,
  QuoteRecord,
  RequestRecord,
} from './records';

const HOUR_MS = 3_600_000;

export function newRequest(
  ctx: GenContext,
  client: ClientRecord,
  property: PropertyRecord,
  day: number,
  status: string,
): RequestRecord {
  const { rng } = ctx;
  const createdAt = ctx.at(day, rng.int(7 * 60, 21 * 60));
  const referrer = rng.chance(0.08) ? rng.pick(ctx.records.clients) : undefined;
  const request: RequestRecord = {
    id: ctx.nextId('requests'),
    clientId: client.id,
    propertyId: property.id,
    title: `${rng.pick(['Quote for', 'Estimate:', 'Help with', 'Request:'])} ${rng.pick(ctx.records.products).name.toLowerCase()}`,
    requestStatus: status,
    source: rng.weighted(REQUEST_SOURCES),
    companyName: client.companyName,
    contactName: `${client.firstName} ${client.lastName}`,
    email: client.emails[0]?.address ?? null,
    phone: rng.chance(0.8) ? (client.phones[0]?.number ?? null) : null,
    referringClientId: referrer && referrer.id !== client.id ? referrer.id : null,
    createdAt,
    updatedAt: Math.min(ctx.now, createdAt + rng.int(0, 5) * DAY_MS),
  };
  ctx.records.requests.push(request);
  return request;
}

export type QuoteOutcome =
  'converted' | 'approved' | 'awaiting_response' | 'draft' | 'changes_requested' | 'archived';

export interface QuoteOptions {
  /** When a `converted` quote became its job. */
  readonly convertedAt?: number;
  /** A big project: its long bill of materials follows the work's own lines (projects.ts). */
  readonly project?: boolean;
}

/** A quote with its line items and status history; `converted` quotes are turned into jobs. */
export function newQuote(
  ctx: GenContext,
  client: ClientRecord,
  property: PropertyRecord,
  request: RequestRecord | null,
  day: number,
  outcome: QuoteOutcome,
  { convertedAt, project = false }: QuoteOptions = {},
): { quote: QuoteRecord; items: LineItemRecord[] } {
  const { rng } = ctx;
  const createdAt = ctx.at(day, rng.int(8 * 60, 17 * 60));
  const workItems = pickWorkItems(ctx, createdAt);
  const items = project ? withProjectMaterials(ctx, workItems, createdAt) : workItems;
  const discount = maybeDiscount(rng, 0.12);
  const taxRateId = defaultTaxRateId(ctx, property.taxRateId);
  const totals = computeTotals(items, discount, taxPercentOf(ctx, taxRateId));
  const history = quoteHistory(ctx, createdAt, outcome, convertedAt);
  const requiredDeposit = rng.chance(0.1) ? { type: 'Percent' as const, rate: 25 } : null;
  const salespeople = ctx.records.users.filter((user) => user.role !== 'crew');
  const quote: QuoteRecord = {
    id: ctx.nextId('quotes'),
    quoteNumber: ctx.nextNumber('quote', 101),
    clientId: client.id,
    propertyId: property.id,
    requestId: request?.id ?? null,
    salespersonId: rng.chance(0.7) ? rng.pick(salespeople).id : null,
    title: items[0]?.name ?? 'Quote',
    message: rng.chance(0.3) ? `Thanks for considering ${ctx.spec.name}, ${displayName(client)}.` : null,
    quoteStatus: outcome,
    discount,
    requiredDeposit,
    depositAmount: requiredDeposit ? Math.round(totals.total * 25) / 100 : 0,
    taxRateId,
    subtotal: totals.subtotal,
    discountAmount: totals.discountAmount,
    taxAmount: totals.taxAmount,
    total: totals.total,
    nonTaxAmount: totals.nonTaxAmount,
    sentAt: history.sentAt,
    approvedAt: history.approvedAt,
    changesRequestedAt: history.changesRequestedAt,
    convertedAt: history.convertedAt,
    archivedAt: history.archivedAt,
    clientHubViewedAt: history.clientHubViewedAt,
    transitionedAt: history.transitionedAt,
    createdAt,
    updatedAt: Math.max(createdAt, history.transitionedAt),
  };
  ctx.records.quotes.push(quote);
  for (const item of items) {
    const quoteItem: QuoteLineItemRecord = Object.assign(copyLineItem(item, ctx.nextId('quoteLineItems')), {
      quoteId: quote.id,
      optional: false,
      recommended: false,
      textOnly: false,
      markup:
        item.unitCost > 0
          ? Math.round(((item.unitPrice - item.unitCost) / item.unitCost) * 10_000) / 100
          : null,
    });
    ctx.records.quoteLineItems.push(quoteItem);
  }
  return { quote, items };
}

interface QuoteHistory {
  sentAt: number | null;
  approvedAt: number | null;
  changesRequestedAt: number | null;
  convertedAt: number | null;
  archivedAt: number | null;
  clientHubViewedAt: number | null;
  transitionedAt: number;
}

function quoteHistory(
  ctx: GenContext,
  createdAt: number,
  outcome: QuoteOutcome,
  convertedAt?: number,
): QuoteHistory {
  const { rng } = ctx;
  const cap = (t: number): number => Math.min(ctx.now - 60_000, t);
  const sentAt = outcome === 'draft' ? null : cap(createdAt + rng.int(1, 48) * HOUR_MS);
  const viewed = sentAt !== null && rng.chance(0.7) ? cap(sentAt + rng.int(1, 30) * HOUR_MS) : null;
  const latest = convertedAt ?? ctx.now - 60_000;
  const changes =
    sentAt !== null && (outcome === 'changes_requested' || rng.chance(0.08))
      ? Math.min(latest - 2 * HOUR_MS, sentAt + rng.int(12, 96) * HOUR_MS)
      : null;
  const approved =
    sentAt === null || (outcome !== 'approved' && outcome !== 'converted')
      ? null
      : convertedAt !== undefined
        ? Math.max(sentAt, changes ?? 0, convertedAt - rng.int(1, 48) * HOUR_MS)
        : cap(Math.max(sentAt, changes ?? 0) + rng.int(6, 200) * HOUR_MS);
  const converted = approved !== null && outcome === 'converted' ? (convertedAt ?? approved) : null;
  const archived = outcome === 'archived' ? cap((sentAt ?? createdAt) + rng.int(20, 60) * DAY_MS) : null;
  const moments = [createdAt, sentAt, changes, approved, converted, archived].filter(
    (t): t is number => t !== null,
  );
  return {
    sentAt,
    approvedAt: approved,
    changesRequestedAt: changes,
    convertedAt: converted,
    archivedAt: archived,
    clientHubViewedAt: viewed,
    transitionedAt: Math.max(...moments),
  };
}

/** Requests and quotes that never became work: new leads, open quotes, lost deals. */
export function generateOpenSales(ctx: GenContext): void {
  const { rng, records } = ctx;
  const openQuotes = Math.round(ctx.profile.jobs * 0.3);
  for (let n = 0; n < openQuotes; n++) {
    const client = rng.pick(records.clients);
    const property = ctx.propertiesOf(client.id)[0];
    if (!property) continue;
    const day = Math.max(ctx.zone.localDay(client.createdAt), ctx.businessDay(ctx.firstDay, ctx.today));
    const age = ctx.today - day;
    const outcome: QuoteOutcome =
      age > 60
        ? rng.weighted([
            ['archived', 6],
            ['changes_requested', 1],
          ])
        : rng.weighted([
            ['awaiting_response', 5],
            ['draft', 2],
            ['approved', 2],
            ['changes_requested', 1],
          ]);
    const request = rng.chance(0.4)
      ? newRequest(ctx, client, property, day - rng.int(1, 5), 'converted')
      : null;
    newQuote(ctx, client, property, request, day, outcome, { project: isBigProject(ctx, 'bid') });
  }
  const openRequests = Math.round(ctx.profile.jobs * 0.15);
  for (let n = 0; n < openRequests; n++) {
    const client = rng.pick(records.clients);
    const property = ctx.propertiesOf(client.id)[0];
    if (!property) continue;
    const day = Math.max(ctx.zone.localDay(client.createdAt), ctx.businessDay(ctx.firstDay, ctx.today));
    const age = ctx.today - day;
    const status =
      age > 45
        ? rng.weighted([
            ['archived', 5],
            ['completed', 2],
            ['assessment_completed', 1],
          ])
        : rng.weighted([
            ['new', 4],
            ['upcoming', 2],
            ['overdue', 1],
            ['unscheduled', 2],
            ['today', 1],
          ]);
    newRequest(ctx, client, property, day, status);
  }
}

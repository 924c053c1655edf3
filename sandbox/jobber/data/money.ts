import type { Random } from '../core/random';
import { cents, dollars, roundMoney, type GenContext } from './context';
import type { CostModifier, LineItemRecord, ProductRecord, Totals } from './records';

/**
 * Totals of a quote or invoice from its line items, computed in cents so that
 * total = subtotal − discountAmount + taxAmount holds exactly.
 */
export function computeTotals(
  items: readonly LineItemRecord[],
  discount: CostModifier | null,
  taxPercent: number,
): Totals {
  const subtotal = items.reduce((sum, item) => sum + cents(item.totalPrice), 0);
  const taxable = items.filter((item) => item.taxable).reduce((sum, item) => sum + cents(item.totalPrice), 0);
  const discountCents = discountOf(discount, subtotal);
  const taxableAfterDiscount = subtotal > 0 ? taxable - (discountCents * taxable) / subtotal : 0;
  const tax = Math.round((taxableAfterDiscount * taxPercent) / 100);
  return {
    subtotal: dollars(subtotal),
    discountAmount: dollars(discountCents),
    taxAmount: dollars(tax),
    total: dollars(subtotal - discountCents + tax),
    nonTaxAmount: dollars(subtotal - taxable),
  };
}

function discountOf(discount: CostModifier | null, subtotalCents: number): number {
  if (!discount) return 0;
  if (discount.type === 'Percent') return Math.round((subtotalCents * discount.rate) / 100);
  return Math.min(subtotalCents, cents(discount.rate));
}

export function maybeDiscount(rng: Random, probability: number): CostModifier | null {
  if (!rng.chance(probability)) return null;
  return rng.chance(0.6)
    ? { type: 'Percent', rate: rng.pick([5, 10, 15]) }
    : { type: 'Unit', rate: rng.pick([25, 50, 100]) };
}

/** A line item for a product at a quantity, priced (with a little haggling) from the price list. */
export function lineItemFor(
  ctx: GenContext,
  product: ProductRecord,
  quantity: number,
  createdAt: number,
  rng: Random = ctx.rng,
): LineItemRecord {
  const unitPrice = rng.chance(0.2)
    ? roundMoney(product.defaultUnitCost * rng.pick([0.9, 1.1, 1.15]))
    : product.defaultUnitCost;
  return {
    id: 0,
    productId: product.id,
    name: product.name,
    description: product.description,
    category: product.category,
    quantity,
    unitPrice,
    totalPrice: dollars(Math.round(unitPrice * 100 * quantity)),
    unitCost: product.internalUnitCost,
    totalCost: dollars(Math.round(product.internalUnitCost * 100 * quantity)),
    taxable: product.taxable,
    createdAt,
    updatedAt: createdAt,
  };
}

/** A few line items for a one-off piece of work: mostly services, sometimes materials. */
export function pickWorkItems(ctx: GenContext, createdAt: number): LineItemRecord[] {
  const services = ctx.records.products.filter((product) => product.category === 'SERVICE');
  const goods = ctx.records.products.filter((product) => product.category === 'PRODUCT');
  const items = [lineItemFor(ctx, ctx.rng.pick(services), 1, createdAt)];
  if (ctx.rng.chance(0.35)) items.push(lineItemFor(ctx, ctx.rng.pick(services), 1, createdAt));
  if (ctx.rng.chance(0.45)) items.push(lineItemFor(ctx, ctx.rng.pick(goods), ctx.rng.int(1, 8), createdAt));
  return items;
}

export function taxPercentOf(ctx: GenContext, taxRateId: number | null): number {
  return ctx.records.taxRates.find((rate) => rate.id === taxRateId)?.tax ?? 0;
}

export function defaultTaxRateId(ctx: GenContext, propertyTaxRateId: number | null): number | null {
  return propertyTaxRateId ?? ctx.records.taxRates.find((rate) => rate.default)?.id ?? null;
}

/**
 * A copy of a line item with a new id, written as one literal: spreading records makes V8 store
 * them as slow, large dictionaries, which the large data set cannot afford.
 */
export function copyLineItem(
  item: LineItemRecord,
  id: number,
  changes: Partial<LineItemRecord> = {},
): LineItemRecord {
  return {
    id,
    productId: changes.productId ?? item.productId,
    name: item.name,
    description: changes.description ?? item.description,
    category: item.category,
    quantity: changes.quantity ?? item.quantity,
    unitPrice: changes.unitPrice ?? item.unitPrice,
    totalPrice: changes.totalPrice ?? item.totalPrice,
    unitCost: changes.unitCost ?? item.unitCost,
    totalCost: changes.totalCost ?? item.totalCost,
    taxable: item.taxable,
    createdAt: changes.createdAt ?? item.createdAt,
    updatedAt: changes.updatedAt ?? item.updatedAt,
  };
}

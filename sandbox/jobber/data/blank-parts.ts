/**
 * What the blanks of records made through the control API share (blank-records.ts): the context
 * a blank is made in, and the defaults several of them draw on.
 */
import type { AccountData } from './account-data';
import type { Address, LineItemRecord } from './records';

export interface BlankContext {
  readonly data: AccountData;
  /** The new record's id. */
  readonly id: number;
  /** The sandbox clock: createdAt and updatedAt. */
  readonly now: number;
  /** The caller's fields (stored form): some defaults follow them (a job's property is its client's). */
  readonly given: Readonly<Record<string, unknown>>;
}

/** A number the caller gave for a field (an id), or undefined. */
export const givenId = (context: BlankContext, key: string): number | undefined => {
  const value = context.given[key];
  return typeof value === 'number' ? value : undefined;
};

export function address(data: AccountData): Address {
  const { region } = data.spec;
  return {
    street1: '',
    street2: '',
    city: region.cities[0] ?? '',
    province: region.province,
    postalCode: '',
    country: region.country,
    latitude: region.latitude,
    longitude: region.longitude,
  };
}

/** The next human-facing number of a series (quote #, job #, invoice #). */
export function nextNumber(records: readonly object[], key: string): number {
  return (
    records.reduce((highest, record) => {
      const value = (record as Record<string, unknown>)[key];
      return typeof value === 'number' ? Math.max(highest, value) : highest;
    }, 0) + 1
  );
}

export const defaultTaxRate = (data: AccountData): number | null =>
  data.records.taxRates.find((rate) => rate.default)?.id ?? null;

export const firstPropertyOf = (data: AccountData, clientId: number | undefined): number =>
  clientId === undefined ? 0 : (data.childrenOf('properties', 'clientId', clientId)[0]?.id ?? 0);

export const owner = (data: AccountData): number =>
  data.records.users.find((user) => user.isAccountOwner)?.id ?? 0;

export function line({ id, now }: BlankContext): LineItemRecord {
  return {
    id,
    productId: null,
    name: 'New line item',
    description: '',
    category: 'SERVICE',
    quantity: 1,
    unitPrice: 0,
    totalPrice: 0,
    unitCost: 0,
    totalCost: 0,
    taxable: true,
    createdAt: now,
    updatedAt: now,
  };
}

export const totals = { subtotal: 0, discountAmount: 0, taxAmount: 0, total: 0, nonTaxAmount: 0 };

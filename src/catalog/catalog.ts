/** Every object a report can be built on, in the order getConfig offers them. */
import { clients } from './objects/clients';
import { expenses } from './objects/expenses';
import { invoiceLineItems } from './objects/invoice-line-items';
import { invoices } from './objects/invoices';
import { jobLineItems } from './objects/job-line-items';
import { jobs } from './objects/jobs';
import { payments } from './objects/payments';
import { products } from './objects/products';
import { properties } from './objects/properties';
import { quoteLineItems } from './objects/quote-line-items';
import { quotes } from './objects/quotes';
import { requests } from './objects/requests';
import { timesheets } from './objects/timesheets';
import { users } from './objects/users';
import { visits } from './objects/visits';
import type { CatalogObject, FieldDef } from './types';

export const CATALOG: readonly CatalogObject[] = [
  invoices,
  invoiceLineItems,
  payments,
  quotes,
  quoteLineItems,
  jobs,
  jobLineItems,
  visits,
  requests,
  clients,
  properties,
  expenses,
  timesheets,
  products,
  users,
];

export function findObject(id: string): CatalogObject | undefined {
  return CATALOG.find((object) => object.id === id);
}

const fieldIndexes = new Map<string, ReadonlyMap<string, FieldDef>>();

export function findField(object: CatalogObject, fieldId: string): FieldDef | undefined {
  let index = fieldIndexes.get(object.id);
  if (!index) {
    index = new Map(object.fields.map((field) => [field.id, field]));
    fieldIndexes.set(object.id, index);
  }
  return index.get(fieldId);
}

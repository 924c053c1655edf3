import { findObject, type CatalogObject } from '../../src/catalog';
import { countedRecords } from '../../src/replica/plan';

function object(id: string): CatalogObject {
  const found = findObject(id);
  if (!found) throw new Error(`no catalog object ${id}`);
  return found;
}

describe('what a backfill’s progress counts', () => {
  it('names the records of an object read whole by their own label', () => {
    expect(countedRecords(object('invoices'))).toBe('invoices');
    expect(countedRecords(object('timesheets'))).toBe('timesheets');
  });

  it('names line items by the parents Jobber counts, read with their lines', () => {
    expect(countedRecords(object('invoiceLineItems'))).toBe('invoices with their line items');
    expect(countedRecords(object('quoteLineItems'))).toBe('quotes with their line items');
    expect(countedRecords(object('jobLineItems'))).toBe('jobs with their line items');
  });
});

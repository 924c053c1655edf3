import { findObject } from '../../src/catalog/catalog';
import type { CatalogObject } from '../../src/catalog/types';
import { planPushdown } from '../../src/connector/filters';

function object(id: string): CatalogObject {
  const found = findObject(id);
  if (!found) throw new Error(id);
  return found;
}

const equals = (fieldName: string, value: string) => ({
  fieldName,
  values: [value],
  type: 'INCLUDE',
  operator: 'EQUALS',
});

describe('filter pushdown', () => {
  it('pushes exact matches on statuses, ids and booleans, mapping labels back to Jobber’s values', () => {
    expect(
      planPushdown(object('invoices'), [
        [equals('invoiceStatus', 'Past due')],
        [equals('clientId', 'Q2xpZW50LzE=')],
      ]),
    ).toEqual({ filter: { status: 'past_due', clientId: 'Q2xpZW50LzE=' }, applied: true });
    expect(
      planPushdown(object('clients'), [[equals('isLead', 'true')], [equals('isArchived', 'false')]]),
    ).toEqual({
      filter: { isLead: true, isArchived: false },
      applied: true,
    });
    const oneValueList = {
      fieldName: 'jobType',
      values: ['Recurring'],
      type: 'INCLUDE',
      operator: 'IN_LIST',
    };
    expect(planPushdown(object('jobs'), [[oneValueList]])).toEqual({
      filter: { jobType: 'RECURRING' },
      applied: true,
    });
  });

  it('pushes a parent’s filter for line items', () => {
    expect(planPushdown(object('invoiceLineItems'), [[equals('invoiceStatus', 'Paid')]])).toEqual({
      filter: { status: 'paid' },
      applied: true,
    });
  });

  it('pushes nothing unless every filter can be applied exactly', () => {
    const nothing = { filter: {}, applied: false };
    const invoices = object('invoices');
    const status = equals('invoiceStatus', 'Paid');
    expect(planPushdown(invoices, [[status], [equals('clientName', 'Acme')]])).toEqual(nothing);
    expect(planPushdown(invoices, [[status, equals('invoiceStatus', 'Draft')]])).toEqual(nothing);
    expect(planPushdown(invoices, [[{ ...status, type: 'EXCLUDE' }]])).toEqual(nothing);
    expect(planPushdown(invoices, [[{ ...status, operator: 'CONTAINS' }]])).toEqual(nothing);
    expect(planPushdown(invoices, [[{ ...status, operator: 'IN_LIST', values: ['Paid', 'Draft'] }]])).toEqual(
      nothing,
    );
    expect(planPushdown(invoices, [[status], [equals('invoiceStatus', 'Draft')]])).toEqual(nothing);
    expect(planPushdown(invoices, [[equals('total', '100')]])).toEqual(nothing);
  });

  it('pushes nothing for values Jobber would not match exactly', () => {
    const nothing = { filter: {}, applied: false };
    const invoices = object('invoices');
    expect(planPushdown(invoices, [[equals('invoiceStatus', 'paid')]])).toEqual(nothing);
    expect(planPushdown(invoices, [[equals('invoiceStatus', 'Voided')]])).toEqual(nothing);
    expect(planPushdown(invoices, [[equals('clientId', '"){ __schema { types { name } } }')]])).toEqual(
      nothing,
    );
    expect(planPushdown(invoices, [[equals('clientId', '')]])).toEqual(nothing);
    expect(planPushdown(object('clients'), [[equals('isLead', 'yes')]])).toEqual(nothing);
  });

  it('agrees with itself when one filter repeats', () => {
    const status = equals('invoiceStatus', 'Paid');
    expect(planPushdown(object('invoices'), [[status], [status]])).toEqual({
      filter: { status: 'paid' },
      applied: true,
    });
  });

  it('treats missing or malformed filters as nothing to push', () => {
    for (const filters of [undefined, [], 'status=paid', [['x']], [[{ fieldName: 'invoiceStatus' }]]])
      expect(planPushdown(object('invoices'), filters)).toEqual({ filter: {}, applied: false });
  });
});

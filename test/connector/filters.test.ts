import { findObject } from '../../src/catalog/catalog';
import type { CatalogObject } from '../../src/catalog/types';
import { isJobberIdOf, planPushdown } from '../../src/connector/filters';

/** A Jobber EncodedId as Jobber (and the sandbox) builds it: base64 of the global id. */
const jobberId = (type: string, id: number): string =>
  Buffer.from(`gid://Jobber/${type}/${id}`).toString('base64');
const CLIENT_1 = jobberId('Client', 1);

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
        [equals('clientId', CLIENT_1)],
      ]),
    ).toEqual({ filter: { status: 'past_due', clientId: CLIENT_1 }, applied: true });
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

  it('pushes an id only when it is a Jobber id of the field’s type: a name typed as a Client ID is left to Looker', () => {
    const nothing = { filter: {}, applied: false };
    const invoices = object('invoices');
    for (const value of [
      'Smith',
      'Acme Ltd',
      '12345',
      'Q2xpZW50LzE=',
      jobberId('User', 7),
      jobberId('Client', 0),
    ])
      expect(planPushdown(invoices, [[equals('clientId', value)]])).toEqual(nothing);
    const withoutPadding = jobberId('Client', 12).replace(/=+$/, '');
    expect(planPushdown(invoices, [[equals('clientId', withoutPadding)]])).toEqual({
      filter: { clientId: withoutPadding },
      applied: true,
    });
    expect(planPushdown(object('timesheets'), [[equals('userId', jobberId('User', 7))]])).toEqual({
      filter: { assignedTo: jobberId('User', 7) },
      applied: true,
    });
    expect(planPushdown(object('timesheets'), [[equals('userId', CLIENT_1)]])).toEqual(nothing);
  });

  it.each([
    ['Client', 1],
    ['Client', 123_456_789],
    ['User', 42],
    ['Property', 9],
  ])('recognises the %s id %i', (type, id) => {
    expect(isJobberIdOf(jobberId(type, id), type)).toBe(true);
    expect(isJobberIdOf(jobberId(type, id), type === 'User' ? 'Client' : 'User')).toBe(false);
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

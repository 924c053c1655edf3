/**
 * What Jobber's schema refused is told to the user by what in the chart uses it: the fields whose
 * selection goes through the refused field, the date range whose filter or sort Jobber refuses, the
 * filter sent in the refused input field. Never a generic "connector problem".
 */
import { findField } from '../../src/catalog/catalog';
import { invoiceLineItems } from '../../src/catalog/objects/invoice-line-items';
import { jobs } from '../../src/catalog/objects/jobs';
import { visits } from '../../src/catalog/objects/visits';
import type { CatalogObject, FieldDef } from '../../src/catalog/types';
import type { FetchPlan } from '../../src/connector/fetch-table';
import { namingSchemaMismatches, usesOf } from '../../src/connector/schema-mismatch';
import {
  ConnectorError,
  failureToConnectorError,
  JobberFailure,
  type SchemaMismatch,
} from '../../src/errors';

function field(object: CatalogObject, id: string): FieldDef {
  const found = findField(object, id);
  if (!found) throw new Error(`${object.id} has no ${id}`);
  return found;
}

function plan(object: CatalogObject, extra: Partial<FetchPlan> = {}): FetchPlan {
  return { object, filter: {}, window: undefined, sample: false, ...extra };
}

const undefinedField = (documentPath: string[], typeName: string): SchemaMismatch => ({
  code: 'undefinedField',
  typeName,
  fieldName: documentPath[documentPath.length - 1] ?? '',
  documentPath,
  message: `Field '${documentPath[documentPath.length - 1] ?? ''}' doesn't exist on type '${typeName}'`,
});

describe('naming what of the chart Jobber refused', () => {
  it('names every field whose selection goes through the refused field, by its label', () => {
    const fields = ['clientName', 'clientId', 'visitTitle'].map((id) => field(visits, id));
    const refused = undefinedField(['query VisitsReport', 'visits', 'nodes', 'client'], 'Visit');
    expect(usesOf(plan(visits), fields, refused)).toEqual(['"Client name"', '"Client ID"']);
    const leaf = undefinedField(['query VisitsReport', 'visits', 'nodes', 'client', 'name'], 'Client');
    expect(usesOf(plan(visits), fields, leaf)).toEqual(['"Client name"']);
  });

  it('follows line items read through their parent, and the nested re-read queries', () => {
    const fields = [field(invoiceLineItems, 'category'), field(invoiceLineItems, 'quantity')];
    const root = undefinedField(
      ['query InvoiceLineItemsReport', 'invoices', 'nodes', 'lineItems', 'nodes', 'category'],
      'InvoiceLineItem',
    );
    expect(usesOf(plan(invoiceLineItems), fields, root)).toEqual(['"Item category"']);
    const reread = undefinedField(
      ['query InvoiceLineItemsReportMoreLineItems', 'invoice', 'lineItems', 'nodes', 'quantity'],
      'InvoiceLineItem',
    );
    expect(usesOf(plan(invoiceLineItems), fields, reread)).toEqual(['"Quantity"']);
  });

  it('matches by field name when Jobber gives no path', () => {
    const fields = [field(visits, 'visitTitle'), field(visits, 'startAt')];
    const refused: SchemaMismatch = {
      code: 'undefinedField',
      typeName: 'Visit',
      fieldName: 'title',
      message: "Field 'title' doesn't exist on type 'Visit'",
    };
    expect(usesOf(plan(visits), fields, refused)).toEqual(['"Visit title"']);
  });

  it('names the date range when Jobber refuses its filter or its newest-first sort', () => {
    const start = field(visits, 'startAt');
    const window = { range: { start: 0, end: 1 }, field: start };
    const refusedFilter: SchemaMismatch = {
      code: 'invalidVariable',
      variable: 'filter',
      valuePaths: [['startAt']],
      message: 'Variable $filter of type VisitFilterAttributes was provided invalid value for startAt (…)',
    };
    expect(usesOf(plan(visits, { window, filter: { startAt: {} } }), [], refusedFilter)).toEqual([
      'the date range on "Start"',
    ]);
    const sorted = jobs.dateOptions.find((option) => option.newestFirst !== undefined);
    if (!sorted) throw new Error('jobs have a newest-first date');
    const sortWindow = {
      range: { start: 0, end: 1 },
      field: field(jobs, sorted.fieldId),
      newestFirst: sorted.newestFirst,
    };
    const refusedSort: SchemaMismatch = {
      code: 'argumentNotAccepted',
      typeName: 'Field',
      fieldName: 'jobs',
      argumentName: 'sort',
      message: "Field 'jobs' doesn't accept argument 'sort'",
    };
    expect(usesOf(plan(jobs, { window: sortWindow }), [], refusedSort)).toEqual([
      `the date range on "${sorted.label}"`,
    ]);
  });

  it('names the filter whose input field or value Jobber refuses', () => {
    const refused: SchemaMismatch = {
      code: 'invalidVariable',
      variable: 'filter',
      valuePaths: [['status']],
      message: 'Variable $filter of type VisitFilterAttributes was provided invalid value for status (…)',
    };
    expect(usesOf(plan(visits, { filter: { status: 'LATE' } }), [], refused)).toEqual([
      'the filter on "Visit status"',
    ]);
  });

  it('turns the failure into a user error that names them and says what to do, with Jobber’s message for admins', () => {
    const mismatch = undefinedField(['query VisitsReport', 'visits', 'nodes', 'title'], 'Visit');
    const failure = new JobberFailure('schema_mismatch', `HTTP 200: ${mismatch.message}`, {
      schemaMismatches: [mismatch],
    });
    let thrown: unknown;
    try {
      namingSchemaMismatches(plan(visits), [field(visits, 'visitTitle')], () => {
        throw failureToConnectorError(failure);
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectorError);
    const error = thrown as ConnectorError;
    expect(error.code).toBe('JOBBER_SCHEMA_CHANGED');
    expect(error.userText).toContain('"Visit title"');
    expect(error.userText).toContain('Remove it from the chart');
    expect(error.userText).toContain('update the connector');
    expect(error.userText).toContain('docs/troubleshooting.md#jobbers-api-changed');
    expect(error.userText).not.toMatch(/connector problem/i);
    expect(error.debugText).toContain("Field 'title' doesn't exist on type 'Visit'");
  });

  it('lets every other error through unchanged', () => {
    const other = new ConnectorError('JOBBER_UNAVAILABLE', 'down');
    expect(() =>
      namingSchemaMismatches(plan(visits), [], () => {
        throw other;
      }),
    ).toThrow(other);
  });
});

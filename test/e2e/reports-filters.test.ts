/**
 * Filter pushdown end to end: a filter Jobber applies (filtersApplied: true) gives exactly the rows
 * Looker Studio would keep by filtering the unfiltered answer itself; a filter Jobber cannot apply
 * exactly is left to Looker Studio; hostile values never reach the query text. Pushdown is the live
 * path's (privateCopy 'false'); the private copy (the default) leaves every filter to Looker Studio,
 * which then shows the same rows.
 */
import { rowPasses } from '../../sandbox/studio/filters';
import type { DimensionsFilter, GetDataResponse, LookerStudio } from '../../sandbox/studio';
import { useWorld } from '../support/e2e';
import { answeredFrom, LIVE_ONLY, rowSet } from './support/reports';

const include = (fieldName: string, value: string): DimensionsFilter[] => [
  { fieldName, values: [value], type: 'INCLUDE', operator: 'EQUALS' },
];

/** What Looker Studio shows after filtering an unfiltered answer itself. */
function filteredByLooker(
  response: GetDataResponse,
  filters: ReadonlyArray<readonly DimensionsFilter[]>,
  shown: readonly string[],
): string[] {
  const names = response.schema.map((field) => field.name);
  return response.rows
    .filter((row) => rowPasses(filters, (name) => row.values[names.indexOf(name)]) === true)
    .map((row) => JSON.stringify(shown.map((name) => row.values[names.indexOf(name)])))
    .sort();
}

interface Case {
  readonly object: string;
  readonly fields: readonly string[];
  readonly filterField: string;
  readonly value: string;
}

const CASES: readonly Case[] = [
  {
    object: 'invoices',
    fields: ['invoiceNumber', 'total'],
    filterField: 'invoiceStatus',
    value: 'Paid',
  },
  {
    object: 'invoiceLineItems',
    fields: ['name', 'totalPrice'],
    filterField: 'invoiceStatus',
    value: 'Paid',
  },
  { object: 'jobs', fields: ['jobNumber', 'total'], filterField: 'jobType', value: 'Recurring' },
  { object: 'quotes', fields: ['quoteNumber', 'total'], filterField: 'quoteStatus', value: 'Approved' },
  { object: 'clients', fields: ['clientName', 'balance'], filterField: 'isLead', value: 'true' },
  { object: 'visits', fields: ['visitId', 'startAt'], filterField: 'visitStatus', value: 'Completed' },
  { object: 'payments', fields: ['paymentId', 'amount'], filterField: 'paymentType', value: 'Cash' },
];

describe('filters: pushed down to Jobber or applied by Looker Studio, the same rows', () => {
  const world = useWorld({ sandbox: { size: 'tiny', clock: 'virtual', startTime: '2026-03-12T18:00:00Z' } });
  let studio: LookerStudio;
  const dateRange = { startDate: '2025-03-01', endDate: '2026-03-11' };

  beforeAll(async () => {
    studio = await world().connect();
  });

  it.each(CASES.map((entry) => [entry.object, entry.filterField, entry]))(
    '%s filtered on %s',
    async (_object, _field, entry) => {
      const source = await studio.connect({ object: entry.object, ...LIVE_ONLY });
      const filters = [include(entry.filterField, entry.value)];
      const everything = await source.getData({ fields: [...entry.fields, entry.filterField], dateRange });
      const log = await world().sandbox.control.requests.list();
      const pushed = await source.getData({
        fields: entry.fields,
        filterOnly: [entry.filterField],
        filters,
        dateRange,
      });
      expect(pushed.filtersApplied).toBe(true);
      expect(pushed.schema.map((field) => field.name)).toEqual(entry.fields);
      expect(rowSet(pushed)).toEqual(filteredByLooker(everything, filters, entry.fields));
      expect(pushed.rows.length).toBeGreaterThan(0);
      const sent = (await world().sandbox.control.requests.list(log.at(-1)?.seq ?? 0)).filter(
        (request) => request.endpoint === 'graphql',
      );
      expect(JSON.stringify(sent.map((request) => request.variables))).toContain('"filter"');
    },
  );

  it.each(CASES.map((entry) => [entry.object, entry.filterField, entry]))(
    '%s filtered on %s through the private copy: Looker Studio filters, the same rows',
    async (_object, _field, entry) => {
      const live = await studio.connect({ object: entry.object, ...LIVE_ONLY });
      const copy = await studio.connect({ object: entry.object });
      const filters = [include(entry.filterField, entry.value)];
      const chart = { fields: entry.fields, filterOnly: [entry.filterField], filters, dateRange };
      const pushed = await live.getData(chart);
      const fromCopy = await copy.getData(chart);
      expect(answeredFrom(studio)).toBe('copy');
      expect(fromCopy.filtersApplied).toBe(false);
      expect(fromCopy.schema.map((field) => field.name)).toEqual([...entry.fields, entry.filterField]);
      expect(fromCopy.rows.length).toBeGreaterThan(pushed.rows.length);
      expect(filteredByLooker(fromCopy, filters, entry.fields)).toEqual(rowSet(pushed));
      expect(pushed.rows.length).toBeGreaterThan(0);
    },
  );

  it('pushes an id filter and answers only that client’s invoices', async () => {
    const source = await studio.connect({ object: 'invoices', ...LIVE_ONLY });
    const everything = await source.getData({ fields: ['invoiceNumber', 'clientId'], dateRange });
    const clientId = String(everything.rows[0]?.values[1]);
    const filters = [include('clientId', clientId)];
    const pushed = await source.getData({
      fields: ['invoiceNumber'],
      filterOnly: ['clientId'],
      filters,
      dateRange,
    });
    expect(pushed.filtersApplied).toBe(true);
    expect(rowSet(pushed)).toEqual(filteredByLooker(everything, filters, ['invoiceNumber']));
  });

  it('leaves a Client ID filter that is not a Jobber id ("Smith") to Looker Studio: zero rows, no error', async () => {
    const source = await studio.connect({ object: 'invoices' });
    const before = (await world().sandbox.control.requests.list()).at(-1)?.seq ?? 0;
    for (const value of ['Smith', '12345']) {
      const response = await source.getData({
        fields: ['invoiceNumber'],
        filterOnly: ['clientId'],
        filters: [include('clientId', value)],
        dateRange,
      });
      expect(response.filtersApplied).toBe(false);
      expect(response.schema.map((field) => field.name)).toEqual(['invoiceNumber', 'clientId']);
      expect(response.rows.length).toBeGreaterThan(0);
      expect(filteredByLooker(response, [include('clientId', value)], ['invoiceNumber'])).toEqual([]);
    }
    const sent = (await world().sandbox.control.requests.list(before)).filter(
      (entry) => entry.endpoint === 'graphql',
    );
    expect(sent.every((entry) => !JSON.stringify(entry.variables ?? {}).includes('clientId'))).toBe(true);
  });

  it('leaves a filter Jobber cannot apply exactly to Looker Studio, with the filter-only field', async () => {
    const source = await studio.connect({ object: 'invoices', ...LIVE_ONLY });
    const filters = [
      [{ fieldName: 'invoiceStatus', values: ['Paid'], type: 'EXCLUDE', operator: 'EQUALS' } as const],
    ];
    const response = await source.getData({
      fields: ['invoiceNumber'],
      filterOnly: ['invoiceStatus'],
      filters,
      dateRange,
    });
    expect(response.filtersApplied).toBe(false);
    expect(response.schema.map((field) => field.name)).toEqual(['invoiceNumber', 'invoiceStatus']);
    expect(response.rows.some((row) => row.values[1] === 'Paid')).toBe(true);
  });

  it('never puts hostile filter values in the query text, and still answers', async () => {
    const source = await studio.connect({ object: 'invoices', ...LIVE_ONLY });
    const hostile = [
      '") { __schema { types { name } } } #',
      'Paid"}}',
      "'; DROP TABLE invoices; --",
      'Q2xp\nZW50',
    ];
    const before = (await world().sandbox.control.requests.list()).at(-1)?.seq ?? 0;
    for (const value of hostile) {
      for (const fieldName of ['clientId', 'invoiceStatus', 'invoiceNumber']) {
        const response = await source.getData({
          fields: ['total'],
          filterOnly: [fieldName],
          filters: [include(fieldName, value)],
          dateRange,
        });
        expect(response.filtersApplied).toBe(false);
      }
    }
    const sent = (await world().sandbox.control.requests.list(before)).filter(
      (entry) => entry.endpoint === 'graphql',
    );
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((request) => (request.query ?? '').includes('InvoicesReport'))).toBe(true);
    for (const request of sent) for (const value of hostile) expect(request.query ?? '').not.toContain(value);
  });
});

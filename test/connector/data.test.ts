import { scopeKeys } from '../../src/cache/keys';
import type { Table } from '../../src/catalog';
import { parseDataRequest } from '../../src/connector/data-request';
import { cacheScope } from '../../src/connector/cache-scope';
import {
  getData,
  type DataResponse,
  type ReportTableCache,
  type ReportDependencies,
} from '../../src/connector/data';
import type { ConnectionQuery, JsonObject } from '../../src/jobber/api';
import { nodeCodec } from '../support/platform-fakes';
import { FakeJobberApi } from '../support/fake-jobber-api';
import { reportPlatform } from '../support/report-platform';

/** Invoices issued at local midnight in Denver (UTC-7 until 2024-03-10, UTC-6 after). */
function invoice(number: number, issuedDate: string, status = 'paid'): JsonObject {
  return {
    id: `SW52b2ljZS8${number}`,
    invoiceNumber: String(number),
    invoiceStatus: status,
    issuedDate,
    amounts: { total: number * 10 },
  };
}

const MARCH = [
  invoice(1, '2024-02-29T07:00:00Z'), // Feb 29 local: outside
  invoice(2, '2024-03-01T07:00:00Z'), // Mar 1 local: first day
  invoice(3, '2024-03-31T06:00:00Z'), // Mar 31 local: last day
  invoice(4, '2024-04-01T06:00:00Z'), // Apr 1 local: outside
];

function setup(answer: (query: ConnectionQuery) => readonly JsonObject[], cache?: ReportTableCache) {
  const api = new FakeJobberApi(answer);
  const platform = reportPlatform();
  const deps: ReportDependencies = { platform, jobberApi: () => api, ...(cache ? { cache } : {}) };
  return { api, platform, run: (request: object) => getData(deps, request) as DataResponse };
}

const request = {
  configParams: { object: 'invoices' },
  fields: [{ name: 'total' }, { name: 'issuedDate' }, { name: 'invoiceNumber' }],
  dateRange: { startDate: '2024-03-01', endDate: '2024-03-31' },
};

describe('getData', () => {
  it('answers with the requested fields, in the requested order, cut exactly to the date range', () => {
    const { run } = setup(() => MARCH);
    const response = run(request);
    expect(response.schema.map((field) => (field as { name: string }).name)).toEqual([
      'total',
      'issuedDate',
      'invoiceNumber',
    ]);
    expect(response.rows).toEqual([{ values: [20, '20240301', '2'] }, { values: [30, '20240331', '3'] }]);
    expect(response.filtersApplied).toBe(false);
  });

  it('asks Jobber only for the requested fields, within the widened date window, in variables', () => {
    const { api, run } = setup(() => MARCH);
    run(request);
    const [read] = api.reads;
    expect(api.reads).toHaveLength(1);
    expect(read?.query.document).toContain('nodes { amounts { total } issuedDate invoiceNumber }');
    expect(read?.query.document).toContain('filter: $filter');
    expect(read?.query.variables).toEqual({
      filter: { issuedDate: { after: '2024-02-29T07:00:00Z', before: '2024-04-02T06:00:00Z' } },
    });
  });

  it('reads the date it filters on even when the chart does not show it', () => {
    const { api, run } = setup(() => MARCH);
    const response = run({ ...request, fields: [{ name: 'total' }] });
    expect(api.reads[0]?.query.document).toContain('issuedDate');
    expect(response.rows).toEqual([{ values: [20] }, { values: [30] }]);
  });

  it('reads every record for "all time", whatever date range Looker Studio sends', () => {
    const { api, run } = setup(() => MARCH);
    const response = run({ ...request, configParams: { object: 'invoices', dateField: 'allTime' } });
    expect(response.rows).toHaveLength(4);
    expect(api.reads[0]?.query.variables).toEqual({});
    expect(api.reads[0]?.query.document).not.toContain('$filter');
  });

  it('pushes exact filters down, drops filter-only fields and says the filters are applied', () => {
    const { api, run } = setup(() => MARCH.slice(1, 3));
    const response = run({
      ...request,
      fields: [{ name: 'invoiceNumber' }, { name: 'invoiceStatus', forFilterOnly: true }],
      dimensionsFilters: [
        [{ fieldName: 'invoiceStatus', values: ['Paid'], type: 'INCLUDE', operator: 'EQUALS' }],
      ],
    });
    expect(api.reads[0]?.query.variables['filter']).toMatchObject({ status: 'paid' });
    expect(response.filtersApplied).toBe(true);
    expect(response.schema).toHaveLength(1);
    expect(response.rows).toEqual([{ values: ['2'] }, { values: ['3'] }]);
  });

  it('leaves filtering to Looker Studio, with filter-only fields, when a filter cannot be pushed', () => {
    const { api, run } = setup(() => MARCH);
    const response = run({
      ...request,
      fields: [{ name: 'invoiceNumber' }, { name: 'invoiceStatus', forFilterOnly: true }],
      dimensionsFilters: [
        [{ fieldName: 'invoiceStatus', values: ['Paid'], type: 'EXCLUDE', operator: 'EQUALS' }],
      ],
    });
    expect(api.reads[0]?.query.variables['filter']).not.toHaveProperty('status');
    expect(response.filtersApplied).toBe(false);
    expect(response.rows[0]?.values).toEqual(['2', 'Paid']);
  });

  it('never puts a filter value in the query text', () => {
    const { api, run } = setup(() => []);
    const id = Buffer.from('gid://Jobber/Client/1').toString('base64');
    run({
      ...request,
      dimensionsFilters: [[{ fieldName: 'clientId', values: [id], type: 'INCLUDE', operator: 'EQUALS' }]],
    });
    expect(api.reads[0]?.query.document).not.toContain(id);
    expect(api.reads[0]?.query.variables['filter']).toMatchObject({ clientId: id });
  });

  it('serves semantic detection from one small page', () => {
    const { api, run } = setup(() => MARCH);
    run({ ...request, scriptParams: { sampleExtraction: true } });
    expect(api.reads).toHaveLength(1);
    expect(api.reads[0]?.options?.maxNodes).toBe(10);
  });

  it('re-reads the rest of a record’s line items when they do not fit in the first page', () => {
    const line = (number: number): JsonObject => ({ __typename: 'InvoiceLineItem', name: `Line ${number}` });
    const firstPage = Array.from({ length: 20 }, (_, index) => line(index + 1));
    const everything = Array.from({ length: 23 }, (_, index) => line(index + 1));
    const parent = {
      ...invoice(2, '2024-03-01T07:00:00Z'),
      lineItems: { nodes: firstPage, pageInfo: { hasNextPage: true, endCursor: 'MjA=' } },
    };
    const { api, run } = setup((query) => (query.path.length === 1 ? [parent] : everything));
    const response = run({
      configParams: { object: 'invoiceLineItems' },
      fields: [{ name: 'invoiceNumber' }, { name: 'name' }],
      dateRange: { startDate: '2024-03-01', endDate: '2024-03-31' },
    });
    expect(response.rows).toHaveLength(23);
    expect(response.rows[22]?.values).toEqual(['2', 'Line 23']);
    const more = api.reads[1]?.query;
    expect(more?.path).toEqual(['invoice', 'lineItems']);
    expect(more?.variables).toEqual({ id: 'SW52b2ljZS82' });
    expect(more?.document).toContain('invoice(id: $id) { lineItems(first: $first, after: $after)');
  });

  it('fetches through the cache with the scope, the field ids and the cache time', () => {
    const calls: Array<{ scope: object; fieldIds: readonly string[]; ttlSeconds: number }> = [];
    const cache: ReportTableCache = {
      getOrFetch: (scope, fieldIds, fetch, options) => {
        calls.push({ scope, fieldIds, ttlSeconds: options?.ttlSeconds ?? NaN });
        return { table: fetch(fieldIds), source: 'miss' };
      },
    };
    const { run } = setup(() => MARCH, cache);
    const response = run({ ...request, configParams: { object: 'invoices', cacheMinutes: '30' } });
    expect(response.rows).toHaveLength(2);
    expect(calls).toEqual([
      {
        scope: {
          accountId: 'account-1',
          object: 'invoices',
          dateOption: 'issuedDate',
          range: { startDate: '2024-03-01', endDate: '2024-03-31' },
          filter: {},
        },
        fieldIds: ['total', 'issuedDate', 'invoiceNumber'],
        ttlSeconds: 1800,
      },
    ]);
  });

  it('gives filters that differ only inside a nested value different cache scopes and keys', () => {
    const parsed = parseDataRequest(request);
    const scopeOf = (filter: JsonObject) => cacheScope('account-1', parsed, filter);
    const paid = scopeOf({ status: 'paid', client: { id: 'Q2xpZW50LzE=', tag: 'VIP' } });
    const other = scopeOf({ status: 'paid', client: { id: 'Q2xpZW50LzI=', tag: 'VIP' } });
    expect(scopeKeys(nodeCodec, 'g1', paid).index).not.toBe(scopeKeys(nodeCodec, 'g1', other).index);
    expect(paid.filter).toEqual({ status: 'paid', client: { id: 'Q2xpZW50LzE=', tag: 'VIP' } });
    const reordered = scopeOf({ client: { tag: 'VIP', id: 'Q2xpZW50LzE=' }, status: 'paid' });
    expect(scopeKeys(nodeCodec, 'g1', reordered).index).toBe(scopeKeys(nodeCodec, 'g1', paid).index);
  });

  it('projects a cached table with more columns into the requested order', () => {
    const table: Table = {
      rowCount: 1,
      columns: { invoiceNumber: ['7'], total: [70], balanceDue: [0] },
    };
    const cache: ReportTableCache = { getOrFetch: () => ({ table, source: 'hit' }) };
    const { api, run } = setup(() => [], cache);
    const response = run({
      ...request,
      fields: [{ name: 'invoiceNumber' }, { name: 'total' }, { name: 'total' }],
    });
    expect(response.rows).toEqual([{ values: ['7', 70, 70] }]);
    expect(api.reads).toHaveLength(0);
  });

  it('logs what the request cost, without personal data', () => {
    const { platform, run } = setup(() => MARCH);
    run(request);
    expect(platform.logged).toEqual([
      expect.objectContaining({
        event: 'get_data',
        data: expect.objectContaining({ object: 'invoices', rows: 2 }),
      }),
    ]);
  });
});

describe('getData for dates Jobber cannot filter on (jobs by last update)', () => {
  const job = (day: number): JsonObject => ({
    id: `Sm9iLz${day}`,
    updatedAt: `2024-03-${String(day).padStart(2, '0')}T15:00:00Z`,
    total: 100,
  });
  /** Newest first: the second page reaches before the range, the third is never read. */
  const pages = [
    [job(31), job(25), job(20)],
    [job(12), job(8), job(3)],
    [job(2), job(1)],
  ];

  it('reads newest first and stops at the first page older than the range', () => {
    const { api, run } = setup(() => pages.flat());
    api.pageSize = 3;
    const response = run({
      configParams: { object: 'jobs', dateField: 'updatedAt' },
      fields: [{ name: 'updatedAt' }, { name: 'total' }],
      dateRange: { startDate: '2024-03-05', endDate: '2024-03-24' },
    });
    expect(response.rows.map((row) => row.values[0])).toEqual([
      '20240320090000',
      '20240312090000',
      '20240308080000',
    ]);
    expect(api.reads).toHaveLength(1);
    expect(api.pagesRead).toBe(2);
    expect(api.reads[0]?.options?.sort).toEqual([{ key: 'UPDATED_AT', direction: 'DESCENDING' }]);
    expect(api.reads[0]?.query.variables).not.toHaveProperty('filter');
    expect(api.reads[0]?.query.document).toContain('sort: $sort');
  });
});

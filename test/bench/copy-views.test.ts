import type { RequestLogEntry } from '../../sandbox/jobber/control-types';
import type { GetDataResponse } from '../../sandbox/studio';
import { copyExtraPerRecord, objectReads } from '../../bench/copy-bounds';
import { unmatchedRows } from '../../bench/copy-truth';
import { breakdown } from '../../bench/scenarios/copy-views';

function request(operationName: string, query: string, variables: Record<string, unknown>): RequestLogEntry {
  return {
    seq: 1,
    at: 0,
    endpoint: 'graphql',
    status: 200,
    operationName,
    query,
    variables,
    requestedCost: 10,
    actualCost: 7,
    outcome: 'ok',
  };
}

describe('what the private copy asked Jobber for, from the request log', () => {
  const invoices = objectReads('invoices');
  const page = 'query InvoicesReport($first: Int!) { invoices(first: $first) { nodes { id } } }';
  const count =
    'query InvoicesReport($first: Int!) { invoices(first: $first) { nodes { __typename } totalCount } }';

  it('tells reads of changes, of date ranges, of related records and counts apart', () => {
    const log = [
      request('InvoicesReport', page, { filter: { updatedAt: { after: '2026-12-01T11:55:00Z' } } }),
      request('InvoicesReport', page, { filter: { dueDate: { after: '2026-11-30', before: '2026-12-03' } } }),
      request('InvoicesReport', page, { filter: { updatedAt: { after: 'a', before: 'b' } } }),
      request('InvoicesReport', count, { filter: { issuedDate: { after: 'a', before: 'b' } } }),
      request('ClientsReport', page, { filter: { updatedAt: { after: 'a' } } }),
      { ...request('InvoicesReport', page, {}), endpoint: 'token' as const },
    ];
    expect(breakdown(log, invoices)).toEqual({
      changes: { requests: 1, cost: 7 },
      ranges: { requests: 2, cost: 14 },
      related: { requests: 1, cost: 7 },
      count: { requests: 1, cost: 7 },
    });
  });

  it('knows each object’s own signal of change: visits are new or completed since the watermark', () => {
    const visits = objectReads('visits');
    const query = 'query VisitsReport { visits { nodes { id } } }';
    const log = [
      request('VisitsReport', query, { filter: { completedAt: { after: 'a' } } }),
      request('VisitsReport', query, { filter: { startAt: { after: 'a' } } }),
    ];
    expect(breakdown(log, visits)).toMatchObject({ changes: { requests: 1 }, ranges: { requests: 1 } });
  });
});

describe('the columns a copy keeps besides the chart’s fields', () => {
  const fields = ['issuedDate', 'invoiceStatus', 'total', 'invoiceNumber', 'dueDate'];

  it('costs the record id per record, and the date it is sliced by for all time', () => {
    expect(copyExtraPerRecord({ object: 'invoices', dateField: 'issuedDate', fields, range: null })).toBe(1);
    expect(copyExtraPerRecord({ object: 'invoices', dateField: 'allTime', fields, range: null })).toBe(2);
    expect(
      copyExtraPerRecord({
        object: 'invoices',
        dateField: 'issuedDate',
        fields: [...fields, 'invoiceId'],
        range: null,
      }),
    ).toBe(0);
  });
});

describe('two answers compared row by row', () => {
  const answer = (...rows: unknown[][]): GetDataResponse =>
    ({ schema: [], rows: rows.map((values) => ({ values })) }) as unknown as GetDataResponse;

  it('pairs equal rows as multisets, whatever their order', () => {
    expect(unmatchedRows(answer(['a', 1], ['b', 2], ['a', 1]), answer(['a', 1], ['a', 1], ['b', 2]))).toBe(0);
    expect(unmatchedRows(answer(['a', 1], ['a', 1]), answer(['a', 1], ['b', 2]))).toBe(2);
    expect(unmatchedRows(answer(['a', 1]), answer())).toBe(1);
  });
});

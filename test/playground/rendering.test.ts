import { chartFor } from '../../sandbox/playground/chart';
import { executionReport } from '../../sandbox/playground/execution-report';
import { FetchMonitor, graphqlFacts } from '../../sandbox/playground/fetch-monitor';
import { renderCsv, renderJson, renderTable } from '../../sandbox/playground/output';
import type { ExecutionResult, FetchEvent, FetchRecord } from '../../sandbox/runtime';
import type { CellValue, GetDataResponse, SchemaField } from '../../sandbox/studio';

function field(
  name: string,
  semanticType: string,
  concept: 'DIMENSION' | 'METRIC',
  aggregation?: string,
): SchemaField {
  return {
    name,
    label: name[0]?.toUpperCase() + name.slice(1),
    dataType: concept === 'METRIC' ? 'NUMBER' : 'STRING',
    ...(aggregation ? { defaultAggregationType: aggregation } : {}),
    semantics: { conceptType: concept, semanticType },
  };
}

const issued = field('issued', 'YEAR_MONTH_DAY', 'DIMENSION');
const status = field('status', 'TEXT', 'DIMENSION');
const total = field('total', 'CURRENCY_USD', 'METRIC', 'SUM');
const days = field('days', 'NUMBER', 'METRIC', 'AVG');

function answer(schema: SchemaField[], rows: CellValue[][]): GetDataResponse {
  return { schema, rows: rows.map((values) => ({ values })) };
}

describe('the chart the playground draws', () => {
  it('is a time series by day when a date dimension and a metric are picked', () => {
    const chart = chartFor(
      answer(
        [issued, total],
        [
          ['20250102', 10],
          ['20250101', 5],
          ['20250102', '2.5'],
          [null, 100],
        ],
      ),
    );
    expect(chart).toEqual({
      kind: 'timeseries',
      title: 'Total by Issued',
      granularity: 'day',
      points: [
        { label: '2025-01-01', value: 5 },
        { label: '2025-01-02', value: 12.5 },
      ],
    });
  });

  it('goes by month over more than three months, with each metric’s own aggregation', () => {
    const chart = chartFor(
      answer(
        [days, issued],
        [
          [2, '20250105'],
          [4, '20250130'],
          [9, '20250501'],
        ],
      ),
    );
    expect(chart).toMatchObject({
      kind: 'timeseries',
      granularity: 'month',
      points: [
        { label: '2025-01', value: 3 },
        { label: '2025-05', value: 9 },
      ],
    });
  });

  it('is a bar chart by the first other dimension, largest first, counting records without a metric', () => {
    const rows: CellValue[][] = [['paid'], ['paid'], ['draft'], ['']];
    expect(chartFor(answer([status], rows))).toEqual({
      kind: 'bar',
      title: 'Records by Status',
      bars: [
        { label: 'paid', value: 2 },
        { label: 'draft', value: 1 },
        { label: '(blank)', value: 1 },
      ],
      others: 0,
    });
    expect(chartFor(answer([status, issued, total], [['paid', '20250101', 3]]))).toMatchObject({
      kind: 'timeseries',
    });
    expect(chartFor(answer([status, total], [['paid', 3]]))).toMatchObject({ title: 'Total by Status' });
  });

  it('shows one bar per metric without a dimension, and says when there are no rows', () => {
    expect(
      chartFor(
        answer(
          [total, days],
          [
            [1, 2],
            [3, 4],
          ],
        ),
      ),
    ).toMatchObject({
      kind: 'bar',
      bars: [
        { label: 'Total', value: 4 },
        { label: 'Days', value: 3 },
      ],
    });
    expect(chartFor(answer([issued, total], []))).toEqual({
      kind: 'none',
      title: 'No rows in this date range',
    });
  });
});

describe('the CLI’s outputs', () => {
  const response = answer(
    [status, issued, total],
    [
      ['paid, in full', '20250102', 1234.5],
      ['say "hi"', null, '7'],
    ],
  );

  it('aligns a readable table, numbers to the right', () => {
    expect(renderTable(response)).toBe(
      [
        'status         issued         total',
        '-------------  ----------  --------',
        'paid, in full  2025-01-02  1,234.50',
        'say "hi"                       7.00',
        '',
      ].join('\n'),
    );
  });

  it('keeps the connector’s values in csv (quoted as RFC 4180 says) and json', () => {
    expect(renderCsv(response)).toBe(
      'status,issued,total\r\n"paid, in full",20250102,1234.5\r\n"say ""hi""",,7\r\n',
    );
    expect(JSON.parse(renderJson(response))).toEqual({
      schema: [
        { name: 'status', label: 'Status', conceptType: 'DIMENSION', semanticType: 'TEXT' },
        { name: 'issued', label: 'Issued', conceptType: 'DIMENSION', semanticType: 'YEAR_MONTH_DAY' },
        { name: 'total', label: 'Total', conceptType: 'METRIC', semanticType: 'CURRENCY_USD' },
      ],
      rows: [
        { status: 'paid, in full', issued: '20250102', total: 1234.5 },
        { status: 'say "hi"', issued: null, total: '7' },
      ],
    });
  });
});

describe('what the playground shows beside a result', () => {
  const graphqlUrl = 'http://127.0.0.1:9/api/graphql';
  const page = (nodes: number, extra: Record<string, unknown> = {}): Buffer =>
    Buffer.from(
      JSON.stringify({
        data: { invoices: { nodes: Array.from({ length: nodes }, (_, id) => ({ id })), pageInfo: {} } },
        extensions: {
          cost: {
            requestedQueryCost: 404,
            actualQueryCost: 4 * nodes + 4,
            throttleStatus: { maximumAvailable: 10000, currentlyAvailable: 9000, restoreRate: 500 },
          },
        },
        ...extra,
      }),
    );

  it('reads cost, throttle status, error code and records from each GraphQL answer', () => {
    expect(graphqlFacts(page(3))).toEqual({
      requestedQueryCost: 404,
      actualQueryCost: 16,
      currentlyAvailable: 9000,
      maximumAvailable: 10000,
      nodes: 3,
      connection: 'invoices',
    });
    const throttled = {
      data: undefined,
      errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
    };
    expect(graphqlFacts(page(0, throttled))).toMatchObject({
      errorCode: 'THROTTLED',
      errorMessage: 'Throttled',
    });
    expect(graphqlFacts(Buffer.from('{"data": {"a"'))).toEqual({ unreadable: true });
  });

  it('counts pages and records per execution as they arrive, and never reads other answers', () => {
    const monitor = new FetchMonitor(graphqlUrl);
    const seen: number[] = [];
    monitor.onProgress((progress) => seen.push(progress.nodes));
    const record = (url: string): FetchRecord => ({
      method: 'POST',
      url,
      status: 200,
      responseBytes: 1,
      ms: 1,
    });
    const token = record('http://127.0.0.1:9/api/oauth/token');
    monitor.observe({
      executionId: 4,
      user: 'a',
      functionName: 'getData',
      record: token,
      response: { status: 200, body: Buffer.from('{"access_token":"x"}') },
    });
    for (const nodes of [100, 20])
      monitor.observe({
        executionId: 4,
        user: 'a',
        functionName: 'getData',
        record: record(graphqlUrl),
        response: { status: 200, body: page(nodes) },
      });
    expect(seen).toEqual([0, 100, 120]);
    expect(monitor.factsOf(token)).toBeUndefined();
    expect(monitor.inFlight()).toEqual([
      {
        executionId: 4,
        functionName: 'getData',
        requests: 3,
        pages: 2,
        nodes: 120,
        connection: 'invoices',
        actualQueryCost: 488,
        throttled: 0,
      },
    ]);
    monitor.forget(4);
    expect(monitor.inFlight()).toEqual([]);
  });

  it('counts the read’s own connection of its first page’s totalCount, not nested re-reads', () => {
    const monitor = new FetchMonitor(graphqlUrl);
    const answer = (data: object): FetchEvent => ({
      executionId: 5,
      user: 'a',
      functionName: 'getData',
      record: { method: 'POST', url: graphqlUrl, status: 200, responseBytes: 1, ms: 1 },
      response: { status: 200, body: Buffer.from(JSON.stringify({ data })) },
    });
    const nodes = (count: number): object[] => Array.from({ length: count }, (_, id) => ({ id }));
    monitor.observe(answer({ account: { id: 'QWNjb3VudC8x', name: 'Summit Lawn & Snow' } }));
    monitor.observe(answer({ invoices: { totalCount: 130, nodes: nodes(100) } }));
    monitor.observe(answer({ invoice: { lineItems: { nodes: nodes(40) } } }));
    monitor.observe(answer({ invoices: { nodes: nodes(30) } }));
    expect(monitor.inFlight()).toEqual([
      expect.objectContaining({ connection: 'invoices', total: 130, nodes: 130, pages: 2, requests: 4 }),
    ]);
    expect(monitor.accountName('a')).toBe('Summit Lawn & Snow');
  });

  it('says no “of N” once an execution reads its connection again from a first page (the private copy)', () => {
    const monitor = new FetchMonitor(graphqlUrl);
    const answer = (after: string | null, data: object): FetchEvent => ({
      executionId: 6,
      user: 'a',
      functionName: 'getData',
      record: {
        method: 'POST',
        url: graphqlUrl,
        requestBody: JSON.stringify({
          query: 'query InvoicesReport { x }',
          variables: { first: 100, after },
        }),
        status: 200,
        responseBytes: 1,
        ms: 1,
      },
      response: { status: 200, body: Buffer.from(JSON.stringify({ data })) },
    });
    const nodes = (count: number): object[] => Array.from({ length: count }, (_, id) => ({ id }));
    monitor.observe(answer(null, { invoices: { totalCount: 130, nodes: nodes(100) } }));
    monitor.observe(answer('MTAw', { invoices: { nodes: nodes(30) } }));
    expect(monitor.inFlight()[0]).toMatchObject({ total: 130, nodes: 130 });
    monitor.observe(answer(null, { invoices: { totalCount: 4, nodes: nodes(4) } }));
    expect(monitor.inFlight()[0]).toMatchObject({ nodes: 134, pages: 3 });
    expect(monitor.inFlight()[0]).not.toHaveProperty('total');
    monitor.forgetAccount('a');
    expect(monitor.accountName('a')).toBeUndefined();
  });

  it('tells why the connector sleeps: other charts joining, Jobber’s rate limit, or a retry', () => {
    const monitor = new FetchMonitor(graphqlUrl);
    const sleep = (ms: number): void =>
      monitor.observeSleep({ executionId: 6, user: 'a', functionName: 'getData', ms });
    const fetched = (response?: { status: number; body: Buffer }): void =>
      monitor.observe({
        executionId: 6,
        user: 'a',
        functionName: 'getData',
        record: { method: 'POST', url: graphqlUrl, status: response?.status, responseBytes: 1, ms: 1 },
        ...(response ? { response } : {}),
      });
    const reason = (): string | undefined => monitor.inFlight()[0]?.waiting?.reason;
    sleep(1000);
    expect(reason()).toBe('shared_read');
    fetched({ status: 200, body: page(100) });
    expect(reason()).toBeUndefined();
    sleep(12_000);
    expect(reason()).toBe('rate_limit');
    const throttled = { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] };
    fetched({ status: 200, body: page(0, throttled) });
    sleep(3_000);
    expect(reason()).toBe('rate_limit');
    fetched({ status: 502, body: Buffer.from('Bad gateway') });
    sleep(2_000);
    expect(reason()).toBe('retry');
    fetched();
    sleep(2_000);
    expect(reason()).toBe('retry');
    expect(monitor.inFlight()[0]).toMatchObject({ throttled: 1, waiting: { ms: 2_000 } });
  });

  it('takes Jobber usage and the cache outcome from the connector’s log lines, and each request’s GraphQL', () => {
    const monitor = new FetchMonitor(graphqlUrl);
    const body = JSON.stringify({
      query: 'query InvoicesReport($first: Int!) { invoices(first: $first) { nodes { id } } }',
      variables: { first: 100 },
    });
    const fetched: FetchRecord = {
      method: 'POST',
      url: graphqlUrl,
      requestBody: body,
      status: 200,
      responseBytes: 10,
      ms: 3,
    };
    monitor.observe({
      executionId: 9,
      user: 'a',
      functionName: 'getData',
      record: fetched,
      response: { status: 200, body: page(1) },
    });
    const usage = {
      event: 'jobber_usage',
      requests: 1,
      requestedQueryCost: 404,
      actualQueryCost: 8,
      waits: 2,
      waitedMs: 1500,
      durationMs: 1700,
    };
    const result: ExecutionResult = {
      executionId: 9,
      ok: true,
      logs: [
        { level: 'info', message: JSON.stringify({ level: 'info', event: 'report_cache', source: 'hit' }) },
        { level: 'info', message: JSON.stringify({ level: 'info', ...usage }) },
        { level: 'log', message: 'not json' },
      ],
      fetches: [fetched],
      elapsedMs: 1800,
      busyMs: 5,
    };
    const report = executionReport('getData', result, monitor);
    expect(report).toMatchObject({
      executionId: 9,
      cache: 'hit',
      usage: {
        requests: 1,
        requestedQueryCost: 404,
        actualQueryCost: 8,
        waits: 2,
        waitedMs: 1500,
        throttledResponses: 0,
        durationMs: 1700,
      },
    });
    expect(report.requests[0]).toMatchObject({
      kind: 'graphql',
      operationName: 'InvoicesReport',
      variables: { first: 100 },
      actualQueryCost: 8,
      nodes: 1,
      status: 200,
    });
    expect(report.requests[0]?.query).toContain('invoices(first: $first) {\n');
    const line = (source: string) => ({
      level: 'info',
      message: JSON.stringify({ level: 'info', event: 'get_data', object: 'invoices', rows: 3, source }),
    });
    const answered = (source: string) => {
      const { cache, answeredFrom } = executionReport(
        'getData',
        { ...result, logs: [line(source)] },
        monitor,
      );
      return { cache, answeredFrom };
    };
    expect(answered('copy')).toEqual({ cache: null, answeredFrom: 'copy' });
    expect(answered('bypass')).toEqual({ cache: 'bypass', answeredFrom: 'live' });
  });
});

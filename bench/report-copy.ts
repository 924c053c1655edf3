/** The private copy's tables (docs/benchmarks.md's results block, the console), from its results. */
import { int, seconds, table, times, yesNo } from './format';
import type { CopyChartResult, PrivateCopyResult } from './scenarios/private-copy';
import type { ReadBreakdown, ReplicaSize, View } from './scenarios/copy-views';

export function privateCopySection(copy: PrivateCopyResult): string {
  const { account } = copy;
  const range = `${account.range.startDate} to ${account.range.endDate}`;
  const budget = copy.limit.connectorBudgetSeconds ?? 300;
  return [
    `### Private copy: first views (${account.size} account, history ending ${account.historyEnd.slice(0, 10)}, ${range}; budget ${budget} s)`,
    'Refreshed at once after each progress error until the chart answers; the last row is every invoice of the main sandbox.',
    firstViewTable([...copy.charts, copy.backfill]),
    '#### What the live-only path shows, and the first thing the copy shows',
    liveTable([...copy.charts, copy.backfill]),
    `### Private copy: repeat views after K changed invoices (${range})`,
    repeatTable(copy),
    '### Private copy: size and load per view',
    sizeTable(copy),
  ].join('\n\n');
}

function chartName(chart: CopyChartResult): string {
  const when = chart.range ? '' : ', all time';
  return `${chart.object} × ${chart.fields.length}${when}`;
}

function firstViewTable(charts: readonly CopyChartResult[]): string {
  const rows = charts.map((chart) => {
    const { copy, bound } = chart;
    const truth = chart.truth;
    return [
      chartName(chart),
      int(chart.records),
      copy.outcome === 'ok' ? int(copy.rows) : copy.outcome,
      String(copy.executions),
      int(copy.upstream.requests),
      int(copy.upstream.throttled),
      int(copy.upstream.cost),
      seconds(copy.virtualSeconds),
      int(bound.live.cost),
      `${int(bound.needed.cost)} (+${bound.needed.extraPerRecord}/record)`,
      seconds(bound.needed.seconds),
      times(chart.toBound),
      times(chart.toLiveBound),
      truth ? yesNo(truth.equal) : '—',
      chart.unmatchedRows === null ? '—' : yesNo(chart.unmatchedRows === 0),
    ];
  });
  return table(
    [
      'chart',
      'records in range',
      'rows',
      'executions',
      'requests',
      'THROTTLED',
      'query cost',
      'first view s',
      'live read once: cost',
      'needed fields once: cost',
      'bound s',
      'time ÷ bound',
      'time ÷ live read’s bound',
      'count and sums = raw records',
      'rows = live rows',
    ],
    rows,
  );
}

function liveTable(charts: readonly CopyChartResult[]): string {
  const rows = charts.map((chart) => {
    const { limited, once } = chart.live;
    return [
      chartName(chart),
      limited.outcome === 'ok'
        ? `answered in ${seconds(limited.virtualSeconds)} s`
        : (limited.error ?? limited.outcome),
      `${seconds(once.virtualSeconds)} s, ${int(once.upstream.requests)} requests`,
      chart.copy.firstProgress ??
        (chart.copy.outcome === 'ok' ? 'answered at once' : (chart.copy.error ?? '—')),
    ];
  });
  return table(
    ['chart', 'live-only, under the limit', 'live read without the limit', 'private copy, first execution'],
    rows,
  );
}

function repeatTable(copy: PrivateCopyResult): string {
  const rows = copy.repeat.flatMap((chart) =>
    chart.views.map((view) => [
      `${chart.name} (${chart.fields.length}; ${chart.costPerRecord} points/record)`,
      int(view.changed),
      `${int(view.copy.upstream.requests)} / ${int(view.bounds.requests)}`,
      int(view.copy.upstream.cost),
      int(view.bounds.cost),
      times(view.costToBound),
      seconds(view.copy.virtualSeconds),
      int(view.copy.busyMs),
      reads(view.copy.reads),
      `${int(view.live.upstream.requests)}, ${int(view.live.upstream.cost)}, ${seconds(view.live.virtualSeconds)} s, ${int(view.live.busyMs)} ms`,
      view.unmatchedRows === null ? '—' : yesNo(view.unmatchedRows === 0),
    ]),
  );
  return table(
    [
      'chart',
      'K',
      'requests / ceil(K/100)+2',
      'query cost',
      'K records’ cost',
      'cost ÷ that',
      'virtual s',
      'CPU ms',
      'requests by purpose (points)',
      'live, no cache: requests, cost, time, CPU',
      'rows = live rows',
    ],
    rows,
  );
}

function reads(breakdown: ReadBreakdown): string {
  return Object.entries(breakdown)
    .filter(([, figures]) => figures.requests > 0)
    .map(([kind, figures]) => `${kind} ${figures.requests} (${int(figures.cost)})`)
    .join(', ');
}

function sizeTable(copy: PrivateCopyResult): string {
  const load = (view: View): string =>
    view.outcome === 'ok'
      ? `${int(view.busyMs)} ms, ${seconds(view.virtualSeconds)} s, ${int(view.upstream.requests)} req.`
      : view.outcome;
  const charts = [...copy.charts, copy.backfill].map((chart) => [
    chartName(chart),
    ...sizeCells(chart.size),
    load(chart.load.hot),
    load(chart.load.cold),
    `${int(chart.live.once.busyMs)} ms`,
  ]);
  const repeat = copy.repeat.map((chart) => {
    const still = chart.views.find((view) => view.changed === 0);
    return [
      `invoices: ${chart.name}`,
      ...sizeCells(chart.size),
      still ? load(still.copy) : '—',
      '—',
      still ? `${int(still.live.busyMs)} ms` : '—',
    ];
  });
  return table(
    [
      'copy',
      'records held',
      'Drive: gzip bytes',
      'per 10,000 records',
      'user cache: base64 chars',
      'per 10,000 records',
      'view from the cache (K = 0): CPU, virtual, requests',
      'view from Drive (cache cleared)',
      'live view: CPU',
    ],
    [...charts, ...repeat],
  );
}

/** Records held, then Drive's and the user cache's share, each also per 10,000 records. */
function sizeCells(size: ReplicaSize): string[] {
  return [
    int(size.records),
    int(size.driveGzipBytes),
    size.per10k ? int(size.per10k.driveGzipBytes) : '—',
    int(size.cacheBase64Chars),
    size.per10k ? int(size.per10k.cacheBase64Chars) : '—',
  ];
}

/** The private copy's part of the README headline. */
export function copyHeadline(copy: PrivateCopyResult): string[] {
  const parts: string[] = [];
  const answered = copy.charts.filter((chart) => chart.copy.outcome === 'ok');
  const refused = copy.charts.filter((chart) => chart.live.limited.outcome !== 'ok');
  if (answered.length > 0) {
    const slowest = Math.max(...answered.map((chart) => chart.copy.virtualSeconds));
    const worst = Math.max(...answered.map((chart) => chart.toBound ?? 0));
    parts.push(
      `through the private copy, ${answered.length} of ${copy.charts.length} every-field charts since ${copy.account.range.startDate} ` +
        `(${refused.length} refused live) answer after a first view of at most ${seconds(slowest)} s (${times(worst)} the bound)`,
    );
  }
  const repeat = copy.repeat[0]?.views.find((view) => view.changed > 0 && view.changed <= 10);
  if (repeat)
    parts.push(
      `a repeat view after ${repeat.changed} changed invoices makes ${repeat.copy.upstream.requests} requests in ${seconds(repeat.copy.virtualSeconds)} s`,
    );
  return parts;
}

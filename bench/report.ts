/**
 * The results as markdown: printed by `npm run bench` and written between the markers of
 * docs/benchmarks.md, so the published tables always come from a run.
 */
import { allInvoiceFieldsPerRecord } from './baseline';
import { int, percent, seconds, table, times, yesNo } from './format';
import type { BenchResults } from './results';
import type { CapacityResult } from './scenarios/capacity';
import type { DashboardRun } from './scenarios/dashboard';
import type { ConnectorCell, MatrixCell } from './scenarios/matrix';
import type { LimitedRun } from './scenarios/over-budget';
import { copyHeadline, privateCopySection } from './report-copy';

export function renderResults(results: BenchResults): string {
  return [
    runSection(results),
    results.matrix ? matrixSection(results.matrix) : '',
    results.dashboard ? dashboardSection(results) : '',
    results.capacity ? capacitySection(results) : '',
    results.overBudget ? overBudgetSection(results) : '',
    results.throughput ? throughputSection(results) : '',
    results.privateCopy ? privateCopySection(results.privateCopy) : '',
    targetsSection(results),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** One sentence for README.md, from the same results. */
export function headline(results: BenchResults): string {
  const parts: string[] = [];
  const largest = [...(results.matrix ?? [])].sort((a, b) => b.window.invoices - a.window.invoices);
  const cheap = largest.find(
    (cell) => cell.fields.length === Math.min(...largest.map((c) => c.fields.length)),
  );
  if (cheap)
    parts.push(
      `a ${cheap.fields.length}-field chart of ${int(cheap.window.invoices)} invoices costs ${times(cheap.oursToNaive.cost)} ` +
        `the naive connector's query cost in ${times(cheap.oursToNaive.requests)} the requests`,
    );
  const widest = largest.filter((cell) => cell.window.invoices === largest[0]?.window.invoices);
  const worst = Math.max(...widest.map((cell) => cell.ours.toBound.seconds ?? 0));
  if (widest.length > 0)
    parts.push(`reads of that size take ${times(worst)} the time Jobber's cost bucket allows`);
  const dashboard = results.dashboard?.withCache;
  if (dashboard)
    parts.push(
      `a ${dashboard.charts}-chart dashboard makes ${dashboard.upstream.reads} fetch(es) with the cache`,
    );
  const served = results.capacity?.ours.served;
  if (served && results.capacity)
    parts.push(
      `one execution serves ${int(served.invoices)} invoices of ${results.capacity.ours.fields.length} fields`,
    );
  const slowest = [...(results.throughput ?? [])].sort((a, b) => a.rowsPerSecond - b.rowsPerSecond)[0];
  if (slowest) parts.push(`rows are built at ${int(slowest.rowsPerSecond)} or more per CPU second`);
  if (results.privateCopy) parts.push(...copyHeadline(results.privateCopy));
  return `Latest run (${results.generatedAt}): ${parts.join('; ')}.`;
}

function runSection(results: BenchResults): string {
  const { sandbox, machine, limit } = results;
  const budget =
    limit.connectorBudgetSeconds === undefined ? 'default 300 s' : `${limit.connectorBudgetSeconds} s`;
  return [
    `Profile **${results.profile}**, ${results.generatedAt}, commit \`${results.commit}\`, ` +
      `Node ${machine.node} on ${machine.cpus} × ${machine.cpuModel} (load average ${machine.loadAverage.atStart} at the start, ` +
      `${machine.loadAverage.atEnd} at the end), ${seconds(results.durationSeconds / 60)} min.`,
    `Sandbox: ${sandbox.size} data (${int(sandbox.invoices)} issued invoices in ${sandbox.timeZone}), history ending ${sandbox.startTime}, ` +
      `${sandbox.freshPerScenario ? 'a new sandbox' : 'the sandbox reset'} for every scenario. ` +
      `One execution: Apps Script ${seconds(limit.appsScriptMs / 1000)} s, ours' budget ${budget}.`,
  ].join('\n');
}

function matrixSection(cells: readonly MatrixCell[]): string {
  const rows = cells.flatMap((cell) => [
    connectorRow(cell, 'ours', cell.ours),
    connectorRow(cell, 'naive', cell.naive),
  ]);
  const ratios = cells.map((cell) => [
    int(cell.window.invoices),
    String(cell.fields.length),
    times(cell.oursToNaive.requests),
    times(cell.oursToNaive.cost),
    times(cell.oursToNaive.seconds),
    times(cell.oursToNaive.busyMs),
    times(cell.oursToAllFields.cost),
  ]);
  return [
    '### Reads of N invoices × k fields (no execution limit)',
    table(
      [
        'N',
        'fields',
        'connector',
        'rows',
        'requests',
        'ceil(N/100)',
        'THROTTLED',
        'query cost',
        'virtual s',
        'bound s',
        'least s for its requests',
        'CPU ms',
        'requests ÷ bound',
        'time ÷ bound',
        'fits one execution',
      ],
      rows,
    ),
    '### Ours ÷ naive',
    table(
      [
        'N',
        'fields',
        'requests',
        'query cost',
        'virtual time',
        'CPU',
        `query cost ÷ every Invoice field (${allInvoiceFieldsPerRecord()} points per record)`,
      ],
      ratios,
    ),
  ].join('\n\n');
}

function connectorRow(cell: MatrixCell, name: string, run: ConnectorCell): string[] {
  const rows = run.outcome === 'ok' ? int(run.rows) : `${run.outcome}`;
  return [
    int(cell.window.invoices),
    String(cell.fields.length),
    name,
    rows,
    int(run.upstream.requests),
    int(run.bounds.requests),
    int(run.upstream.throttled),
    int(run.upstream.cost),
    seconds(run.virtualSeconds),
    seconds(run.bounds.seconds),
    seconds(run.upstream.boundForRequestsSeconds),
    int(run.busyMs),
    times(run.toBound.requests),
    times(run.toBound.seconds),
    yesNo(run.fitsOneExecution),
  ];
}

function dashboardSection(results: BenchResults): string {
  const dashboard = results.dashboard;
  if (!dashboard) return '';
  const row = (label: string, run: DashboardRun): string[] => [
    label,
    `${run.chartsAnswered}/${run.charts}`,
    int(run.upstream.reads),
    int(run.upstream.requests),
    int(run.upstream.throttled),
    int(run.upstream.cost),
    seconds(run.virtualSeconds),
    int(run.busyMs),
  ];
  return [
    `### Dashboard: ${dashboard.withCache.charts} charts at once, ${int(dashboard.window.invoices)} invoices (${dashboard.window.range.startDate} to ${dashboard.window.range.endDate})`,
    table(
      [
        'ours',
        'charts answered',
        'upstream fetches',
        'requests',
        'THROTTLED',
        'query cost',
        'virtual s',
        'CPU ms (all charts)',
      ],
      [
        row(`with cache (${dashboard.withCache.cacheMinutes} min)`, dashboard.withCache),
        row('without cache', dashboard.withoutCache),
      ],
    ),
  ].join('\n\n');
}

function capacitySection(results: BenchResults): string {
  const capacity = results.capacity;
  if (!capacity) return '';
  const appsScript = seconds(results.limit.appsScriptMs / 1000);
  const row = (run: CapacityResult): string[] => [
    run.connector,
    run.budgetSeconds === null ? `none (Apps Script ${appsScript} s)` : `${seconds(run.budgetSeconds)} s`,
    run.served ? `${run.allData ? '≥ ' : ''}${int(run.served.invoices)} (${run.served.days} days)` : 'none',
    run.failed ? `${int(run.failed.invoices)} (${run.failed.days} days)` : '—',
    run.costPerNode.toFixed(1),
    int(run.boundInBudget),
    times(run.served && run.boundInBudget > 0 ? run.served.invoices / run.boundInBudget : null),
    int(run.bound),
    String(run.probes.length),
  ];
  return [
    `### One execution: the largest N for ${capacity.ours.fields.length} fields`,
    table(
      [
        'connector',
        'runtime budget',
        'largest N served',
        'smallest N failed',
        'cost per record',
        'bound in its budget',
        'N ÷ that bound',
        `bound in ${appsScript} s`,
        'probes',
      ],
      [row(capacity.ours), row(capacity.oursMaxBudget), row(capacity.naive)],
    ),
  ].join('\n\n');
}

function overBudgetSection(results: BenchResults): string {
  const over = results.overBudget;
  if (!over) return '';
  const row = (name: string, limited: LimitedRun, unlimited: ConnectorCell): string[] => [
    name,
    limited.outcome,
    limited.error ?? '—',
    int(limited.upstream.records),
    percent(limited.shareRead),
    int(limited.upstream.requests),
    int(limited.upstream.cost),
    seconds(limited.virtualSeconds),
    seconds(unlimited.virtualSeconds),
    times(unlimited.toBound.seconds),
  ];
  return [
    `### Over budget: ${int(over.window.invoices)} invoices × ${over.fields.length} fields`,
    table(
      [
        'connector',
        'outcome',
        'what the user sees',
        'records read',
        'share of N',
        'requests',
        'query cost',
        'virtual s',
        'unlimited: virtual s',
        'unlimited: time ÷ bound',
      ],
      [
        row('ours', over.limited.ours, over.unlimited.ours),
        row('naive', over.limited.naive, over.unlimited.naive),
      ],
    ),
  ].join('\n\n');
}

function throughputSection(results: BenchResults): string {
  const runs = results.throughput ?? [];
  return [
    '### Row building (ours, in Node)',
    table(
      ['fields', 'rows', 'CPU s (median)', 'wall s (median)', 'rows per CPU second'],
      runs.map((run) => [
        String(run.fields),
        int(run.rows),
        run.cpuSeconds.toFixed(3),
        run.wallSeconds.toFixed(3),
        int(run.rowsPerSecond),
      ]),
    ),
  ].join('\n\n');
}

function targetsSection(results: BenchResults): string {
  return [
    '### Targets',
    table(
      ['target', 'measured', 'met'],
      results.targets.map((check) => [check.target, check.measured, yesNo(check.met)]),
    ),
  ].join('\n\n');
}

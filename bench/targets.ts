/** The targets, each checked against the measured figures (never asserted in tests). */
import { allInvoiceFieldsPerRecord } from './baseline';
import type { BenchResults, TargetCheck } from './results';
import type { CapacityResult } from './scenarios/capacity';
import type { MatrixCell } from './scenarios/matrix';
import { copyTargets } from './targets-copy';

export const TIME_TO_BOUND_TARGET = 1.05;
export const CHEAP_CHART_COST_TARGET = 0.1;
export const CAPACITY_TARGET = 30_000;
export const THROUGHPUT_TARGET = 100_000;

type Measured = Omit<BenchResults, 'targets' | 'durationSeconds'>;

export function checkTargets(results: Measured): TargetCheck[] {
  return [
    timeTarget(results),
    requestsTarget(results),
    cheapChartTarget(results),
    dashboardTarget(results),
    capacityTarget(results),
    throughputTarget(results),
    ...copyTargets(results.privateCopy),
  ];
}

function timeTarget(results: Measured): TargetCheck {
  const target = `time ≤ ${TIME_TO_BOUND_TARGET}× the throttle bound (ours, every matrix cell)`;
  const cells = results.matrix ?? [];
  if (cells.length === 0) return { id: 'time', target, met: null, measured: 'not run' };
  const worst = (ratioOf: (cell: MatrixCell) => number | null): { ratio: number; cell?: MatrixCell } =>
    cells.reduce<{ ratio: number; cell?: MatrixCell }>(
      (found, cell) => {
        const ratio = ratioOf(cell);
        return ratio !== null && ratio > found.ratio ? { ratio, cell } : found;
      },
      { ratio: 0 },
    );
  const toBound = worst((cell) => cell.ours.toBound.seconds);
  const toRequests = worst((cell) => cell.ours.toBound.secondsForRequests);
  const waitedInBucket = cells.filter(
    (cell) => cell.ours.toBound.seconds === null && cell.ours.virtualSeconds > 0,
  );
  const where = (found: { cell?: MatrixCell }): string =>
    found.cell
      ? ` (N=${found.cell.window.invoices}, ${found.cell.fields.length} fields, ${found.cell.ours.virtualSeconds.toFixed(1)} s against ${found.cell.ours.bounds.seconds.toFixed(1)} s)`
      : '';
  const measured =
    `worst ${toBound.ratio.toFixed(2)}× the bound${where(toBound)}; ` +
    `worst ${toRequests.ratio.toFixed(3)}× the least time for its own requests` +
    (waitedInBucket.length > 0
      ? `; ${waitedInBucket.length} cell(s) waited although the bucket covered the cost`
      : '');
  return {
    id: 'time',
    target,
    met: toBound.ratio <= TIME_TO_BOUND_TARGET && waitedInBucket.length === 0,
    measured,
  };
}

function requestsTarget(results: Measured): TargetCheck {
  const target = 'requests ≤ ceil(N/100) + one per THROTTLED (ours, every matrix cell)';
  const cells = results.matrix ?? [];
  if (cells.length === 0) return { id: 'requests', target, met: null, measured: 'not run' };
  const worst = cells.reduce((found, cell) =>
    cell.ours.extraRequests > found.ours.extraRequests ? cell : found,
  );
  const extra = worst.ours.extraRequests;
  const where = `N=${worst.window.invoices}, ${worst.fields.length} fields`;
  return {
    id: 'requests',
    target,
    met: extra === 0,
    measured: extra === 0 ? 'no extra request in any cell' : `up to ${extra} extra (${where})`,
  };
}

function cheapChartTarget(results: Measured): TargetCheck {
  const target = `3-field chart ≤ ${CHEAP_CHART_COST_TARGET} × naive query cost`;
  const cells = (results.matrix ?? []).filter((cell) => cell.fields.length === 3);
  if (cells.length === 0) return { id: 'cost', target, met: null, measured: 'not run' };
  const worst = Math.max(...cells.map((cell) => cell.oursToNaive.cost ?? Infinity));
  const worstToAll = Math.max(...cells.map((cell) => cell.oursToAllFields.cost ?? Infinity));
  return {
    id: 'cost',
    target,
    met: worst <= CHEAP_CHART_COST_TARGET,
    measured:
      `${worst.toFixed(3)} × naive (worst N); ${worstToAll.toFixed(3)} × a reader of every Invoice field ` +
      `(${allInvoiceFieldsPerRecord()} points per record)`,
  };
}

function dashboardTarget(results: Measured): TargetCheck {
  const target = 'one upstream fetch for the 10-chart dashboard (with cache)';
  const run = results.dashboard?.withCache;
  if (!run) return { id: 'dashboard', target, met: null, measured: 'not run' };
  const met = run.upstream.reads === 1 && run.chartsAnswered === run.charts;
  return {
    id: 'dashboard',
    target,
    met,
    measured: `${run.upstream.reads} fetch(es), ${run.chartsAnswered}/${run.charts} charts answered`,
  };
}

function capacityTarget(results: Measured): TargetCheck {
  const target = `≥ ${CAPACITY_TARGET.toLocaleString('en-US')} records of 5 fields in one execution (ours)`;
  const capacity = results.capacity;
  if (!capacity) return { id: 'capacity', target, met: null, measured: 'not run' };
  const servedBy = (run: CapacityResult): string =>
    `${run.allData ? '≥ ' : ''}${(run.served?.invoices ?? 0).toLocaleString('en-US')} records at a ${run.budgetSeconds ?? '?'} s budget`;
  const measured = `${servedBy(capacity.ours)} (default); ${servedBy(capacity.oursMaxBudget)} (the most allowed)`;
  if (results.profile !== 'full')
    return { id: 'capacity', target, met: null, measured: `${measured} (scaled limits: not comparable)` };
  const best = Math.max(capacity.ours.served?.invoices ?? 0, capacity.oursMaxBudget.served?.invoices ?? 0);
  return { id: 'capacity', target, met: best >= CAPACITY_TARGET, measured };
}

function throughputTarget(results: Measured): TargetCheck {
  const target = `≥ ${THROUGHPUT_TARGET.toLocaleString('en-US')} rows/s built (ours, every measured field count)`;
  const runs = results.throughput ?? [];
  if (runs.length === 0) return { id: 'throughput', target, met: null, measured: 'not run' };
  const slowest = runs.reduce((found, run) => (run.rowsPerSecond < found.rowsPerSecond ? run : found));
  return {
    id: 'throughput',
    target,
    met: slowest.rowsPerSecond >= THROUGHPUT_TARGET,
    measured: `slowest ${Math.round(slowest.rowsPerSecond).toLocaleString('en-US')} rows/s (${slowest.fields} fields)`,
  };
}

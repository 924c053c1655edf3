/** The private copy's targets (issue 14, item 7), checked against its measured figures. */
import { seconds, times } from './format';
import type { TargetCheck } from './results';
import type { RepeatChartResult } from './scenarios/copy-repeat';
import type { CopyChartResult, PrivateCopyResult } from './scenarios/private-copy';

export const COPY_TIME_TO_BOUND_TARGET = 1.05;
export const REPEAT_COST_TARGET = 1.1;
export const REPEAT_SECONDS_TARGET = 2;
/** The repeat-view time target holds for K up to this many changed records. */
const REPEAT_SECONDS_UP_TO = 10;

export function copyTargets(copy: PrivateCopyResult | undefined): TargetCheck[] {
  const [ownFields, withClient] = copy?.repeat ?? [];
  return [
    firstViewTarget(copy),
    truthTarget(copy),
    requestsTarget('copyRequests', ownFields),
    requestsTarget('copyRequestsWithClient', withClient),
    costTarget('copyCost', ownFields),
    costTarget('copyCostWithClient', withClient),
    repeatTimeTarget(copy),
    backfillTarget(copy),
  ];
}

const notRun = (id: string, target: string): TargetCheck => ({ id, target, met: null, measured: 'not run' });

function firstViewTarget(copy: PrivateCopyResult | undefined): TargetCheck {
  const target = `first view time ≤ ${COPY_TIME_TO_BOUND_TARGET}× the bound (private copy, each chart the live path refused)`;
  if (!copy) return notRun('copyFirstView', target);
  const each = copy.charts.map((chart) => `${chart.object} ${ratioText(chart)}`);
  const met = copy.charts.every(
    (chart) => chart.toBound !== null && chart.toBound <= COPY_TIME_TO_BOUND_TARGET,
  );
  return { id: 'copyFirstView', target, met, measured: each.join('; ') };
}

function ratioText(chart: CopyChartResult): string {
  if (chart.toBound === null) return `${chart.copy.outcome} after ${chart.copy.executions} executions`;
  return (
    `${times(chart.toBound)} (${seconds(chart.copy.virtualSeconds)} s against ${seconds(chart.bound.needed.seconds)} s, ` +
    `${chart.copy.executions} executions; ${times(chart.toLiveBound)} the live read's)`
  );
}

function truthTarget(copy: PrivateCopyResult | undefined): TargetCheck {
  const target = 'the copy answers those charts with the raw records’ count and sums and the live rows';
  if (!copy) return notRun('copyTruth', target);
  const charts = [...copy.charts, copy.backfill];
  const wrong = charts.filter((chart) => !chart.truth?.equal || chart.unmatchedRows !== 0);
  const measured =
    wrong.length === 0
      ? `${charts.length} of ${charts.length} charts equal`
      : `differs: ${wrong.map((chart) => `${chart.object} (${chart.unmatchedRows ?? 'no'} rows unmatched)`).join(', ')}`;
  return { id: 'copyTruth', target, met: wrong.length === 0, measured };
}

function requestsTarget(id: string, chart: RepeatChartResult | undefined): TargetCheck {
  const target = `repeat view: requests ≤ ceil(K/100) + 2 (${chart?.name ?? id})`;
  if (!chart) return notRun(id, target);
  const each = chart.views.map(
    (view) => `K=${view.changed}: ${view.copy.upstream.requests} of ${view.bounds.requests}`,
  );
  const met = chart.views.every((view) => view.copy.upstream.requests <= view.bounds.requests);
  return { id, target, met, measured: each.join('; ') };
}

function costTarget(id: string, chart: RepeatChartResult | undefined): TargetCheck {
  const target = `repeat view: query cost ≤ ${REPEAT_COST_TARGET}× reading the K records (${chart?.name ?? id})`;
  if (!chart) return notRun(id, target);
  const each = chart.views.map(
    (view) =>
      `K=${view.changed}: ${times(view.costToBound)} (${view.copy.upstream.cost} against ${view.bounds.cost})`,
  );
  const met = chart.views.every((view) => (view.costToBound ?? Infinity) <= REPEAT_COST_TARGET);
  return { id, target, met, measured: each.join('; ') };
}

function repeatTimeTarget(copy: PrivateCopyResult | undefined): TargetCheck {
  const target = `repeat view: virtual time ≤ ${REPEAT_SECONDS_TARGET} s for K ≤ ${REPEAT_SECONDS_UP_TO} (both charts)`;
  if (!copy) return notRun('copyRepeatTime', target);
  const views = copy.repeat.flatMap((chart) =>
    chart.views.filter((view) => view.changed <= REPEAT_SECONDS_UP_TO),
  );
  const slowest = Math.max(...views.map((view) => view.copy.virtualSeconds));
  const answered = views.every((view) => view.copy.outcome === 'ok');
  return {
    id: 'copyRepeatTime',
    target,
    met: answered && slowest <= REPEAT_SECONDS_TARGET,
    measured: `slowest ${seconds(slowest)} s over ${views.length} views${answered ? '' : ' (some not answered)'}`,
  };
}

function backfillTarget(copy: PrivateCopyResult | undefined): TargetCheck {
  const target = `backfill of every invoice (5 fields): time ≤ ${COPY_TIME_TO_BOUND_TARGET}× the bound, then the chart answers`;
  if (!copy) return notRun('copyBackfill', target);
  const chart = copy.backfill;
  const answered = chart.copy.outcome === 'ok' && chart.truth?.equal === true && chart.unmatchedRows === 0;
  return {
    id: 'copyBackfill',
    target,
    met: answered && chart.toBound !== null && chart.toBound <= COPY_TIME_TO_BOUND_TARGET,
    measured: `${chart.records.toLocaleString('en-US')} invoices: ${ratioText(chart)}${answered ? ', answers = ground truth' : ''}`,
  };
}

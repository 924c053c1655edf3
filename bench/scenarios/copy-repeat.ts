/**
 * Repeat views of an invoice chart through the private copy (issue 14, item 7): after the copy is
 * built, K invoices change in Jobber (the sandbox's touchRecords moves their updatedAt), then the
 * chart is viewed again, through the copy and live (no cache) side by side. The copy should ask
 * Jobber only for what changed.
 */
import type { SandboxHandle } from '../../sandbox/jobber/harness';
import type { ChartSpec, DataSource, DateRange } from '../../sandbox/studio';
import { ratio, requestBound } from '../bounds';
import type { BenchContext } from '../context';
import { chartCostPerRecord, objectReads, type ChartPlan, type ObjectReads } from '../copy-bounds';
import { unmatchedRows } from '../copy-truth';
import { firstFields } from '../fields';
import { progress } from '../progress';
import { openSession, type Session } from '../session';
import {
  copySetup,
  firstView,
  liveSource,
  measureView,
  replicaSize,
  type FirstView,
  type MeasuredView,
  type ReplicaSize,
  type View,
} from './copy-views';

export interface RepeatView {
  /** Invoices changed in Jobber since the previous view (K). */
  readonly changed: number;
  readonly copy: View;
  /** The same chart read live (no cache). */
  readonly live: View;
  /** ceil(K/100) + 2 requests; K records with the chart's fields plus one page's fixed cost per 100. */
  readonly bounds: { readonly requests: number; readonly cost: number };
  readonly costToBound: number | null;
  readonly unmatchedRows: number | null;
}

export interface RepeatChartResult {
  readonly name: string;
  readonly fields: readonly string[];
  readonly range: DateRange;
  /** Points per record of the chart's fields (Jobber's cost rules, as the live query selects them). */
  readonly costPerRecord: number;
  readonly first: FirstView;
  readonly views: readonly RepeatView[];
  readonly size: ReplicaSize;
}

/** A page's connection and pageInfo besides its records (docs/benchmarks.md, "What the bounds assume"). */
const PAGE_FIXED_COST = 4;
/** Between repeat views: long enough that the previous view's changes are behind the overlap. */
const BETWEEN_VIEWS_MS = 10 * 60_000;
/** How old the changes are when the next view comes (the copy re-reads 5 minutes before its watermark). */
const CHANGES_AGE_MS = 6 * 60_000;

/** Invoice-own fields (the bench's 5-field chart), and the same with the client's name. */
export const REPEAT_CHARTS = [
  { name: 'invoice fields', fields: firstFields(5) },
  { name: 'with client name', fields: [...firstFields(5), 'clientName'] },
];

export async function runRepeatViews(
  context: BenchContext,
  sandbox: SandboxHandle,
  range: DateRange,
): Promise<RepeatChartResult[]> {
  const results: RepeatChartResult[] = [];
  for (const chart of REPEAT_CHARTS) results.push(await repeatScenario(context, sandbox, chart, range));
  return results;
}

async function repeatScenario(
  context: BenchContext,
  sandbox: SandboxHandle,
  chart: { readonly name: string; readonly fields: readonly string[] },
  range: DateRange,
): Promise<RepeatChartResult> {
  const { limit, maxExecutions, changed, startingBucket } = context.profile.privateCopy;
  const plan: ChartPlan = { object: 'invoices', dateField: 'issuedDate', fields: chart.fields, range };
  const reads = objectReads(plan.object);
  const spec: ChartSpec = { fields: chart.fields, dateRange: range };
  const costPerRecord = chartCostPerRecord(plan);
  const session = await openSession(sandbox, copySetup(plan, limit));
  try {
    const live = await liveSource(session, plan);
    await sandbox.control.reset();
    progress(`private copy: repeat views of ${chart.name}, first view`);
    const { first } = await firstView(session, session.source, spec, {
      reads,
      maxExecutions,
      startingBucket,
    });
    const views: RepeatView[] = [];
    for (const count of changed) {
      progress(`private copy: repeat view of ${chart.name} after ${count} changed invoices`);
      views.push(await repeatView({ session, live, spec, reads, costPerRecord }, count));
    }
    return { ...chart, range, costPerRecord, first, views, size: replicaSize(session, first.recordsHeld) };
  } finally {
    await session.close();
  }
}

interface RepeatSetting {
  readonly session: Session;
  /** The chart's data source without the copy and without cache. */
  readonly live: DataSource;
  readonly spec: ChartSpec;
  readonly reads: ObjectReads;
  readonly costPerRecord: number;
}

/** Time passes, `count` invoices change, time passes again, then the copy's view and the live one. */
async function repeatView(setting: RepeatSetting, count: number): Promise<RepeatView> {
  const { session, live, spec, reads, costPerRecord } = setting;
  const { control } = session.sandbox;
  await control.clock.advance(BETWEEN_VIEWS_MS);
  if (count > 0) await control.touchRecords('invoices', count);
  await control.clock.advance(CHANGES_AGE_MS);
  await control.reset();
  const copy = await measureView(session, session.source, spec, reads);
  await control.reset();
  const liveView = await measureView(session, live, spec, reads);
  const bounds = {
    requests: requestBound(count) + 2,
    cost: count * costPerRecord + Math.max(1, requestBound(count)) * PAGE_FIXED_COST,
  };
  return {
    changed: count,
    copy: copy.view,
    live: liveView.view,
    bounds,
    costToBound: ratio(copy.view.upstream.cost, bounds.cost),
    unmatchedRows: matched(copy, liveView),
  };
}

function matched(first: MeasuredView, second: MeasuredView): number | null {
  return first.response && second.response ? unmatchedRows(first.response, second.response) : null;
}

/**
 * The private copy (issue 14, item 7), side by side with the live-only path in the same run:
 * - the charts the live path refuses on the small account (every field of invoice line items,
 *   visits and timesheets from 2024-01-01 to the account's today), read through the copy;
 * - repeat views of an invoice chart after K invoices changed in Jobber;
 * - the backfill of every invoice of the profile's own account (large in the full run), 5 fields;
 * - the copy's size in Drive and the user cache, and what loading it costs a view.
 * Charts answered from the copy are checked against the sandbox's raw records and the live rows.
 */
import type { SandboxHandle } from '../../sandbox/jobber/harness';
import { dateIn, type ChartSpec, type DateRange, type GetDataResponse } from '../../sandbox/studio';
import { findObject } from '../../src/catalog/catalog';
import { ratio, timeBoundSeconds } from '../bounds';
import type { BenchContext } from '../context';
import { copyExtraPerRecord, objectReads, type ChartPlan, type ObjectReads } from '../copy-bounds';
import { checkTruth, expectedFigures, unmatchedRows, type TruthCheck } from '../copy-truth';
import { firstFields } from '../fields';
import type { ExecutionLimit } from '../profiles';
import { progress } from '../progress';
import { createSandboxProvider, demoAccount } from '../sandbox';
import { openSession, type Session } from '../session';
import { runRepeatViews, type RepeatChartResult } from './copy-repeat';
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

/** One chart read three ways: live under the limit, live once without it (the bound), the copy. */
export interface CopyChartResult {
  readonly object: string;
  readonly dateField: string;
  readonly fields: readonly string[];
  /** null: all time. */
  readonly range: DateRange | null;
  /** Records in the chart's range (raw records): line items, visits, entries, invoices. */
  readonly records: number;
  /** What the live-only path shows under the limit, and its one read without the limit. */
  readonly live: { readonly limited: View; readonly once: View };
  readonly copy: FirstView;
  readonly bound: CopyBound;
  /** The copy's first view time over the bound of the fields it needs (`bound.needed`). */
  readonly toBound: number | null;
  /** The same over the bound of the live read (`bound.live`). */
  readonly toLiveBound: number | null;
  /** The copy's query cost over the needed fields' cost. */
  readonly costToBound: number | null;
  /** null when the copy did not answer. */
  readonly truth: TruthCheck | null;
  /** Rows of the copy's answer and the live read without a partner in the other (null: no answer). */
  readonly unmatchedRows: number | null;
  /** Views right after (nothing changed): from the user cache, and from Drive after the cache was cleared. */
  readonly load: { readonly hot: View; readonly cold: View };
  readonly size: ReplicaSize;
}

/**
 * What reading the chart's records once costs, and the time the bucket needs for it (bounds.ts):
 * `live` is the live path's one read of the chart (its actual cost: pages of 100, the chart's fields);
 * `needed` adds what any copy must also keep per record it holds (its id, the date it slices by).
 */
export interface CopyBound {
  readonly live: { readonly cost: number; readonly seconds: number };
  readonly needed: { readonly cost: number; readonly seconds: number; readonly extraPerRecord: number };
}

export interface PrivateCopyResult {
  readonly account: {
    readonly size: string;
    readonly historyEnd: string;
    readonly timeZone: string;
    readonly range: DateRange;
  };
  readonly limit: ExecutionLimit;
  readonly charts: readonly CopyChartResult[];
  readonly repeat: readonly RepeatChartResult[];
  readonly backfill: CopyChartResult;
}

export async function runPrivateCopy(context: BenchContext): Promise<PrivateCopyResult> {
  const { account: settings, objects, limit } = context.profile.privateCopy;
  progress(`private copy: starting a ${settings.size} sandbox, history ending ${settings.historyEnd}`);
  const accounts = await createSandboxProvider(
    { ...context.profile, sandboxSize: settings.size, startTime: settings.historyEnd },
    false,
  );
  try {
    const sandbox = await accounts.forScenario();
    const { timeZone } = demoAccount(sandbox);
    const range = {
      startDate: settings.rangeStart,
      endDate: dateIn(Date.parse(settings.historyEnd), timeZone),
    };
    const charts: CopyChartResult[] = [];
    for (const objectId of objects)
      charts.push(await chartScenario(context, sandbox, everyField(objectId, range)));
    const repeat = await runRepeatViews(context, sandbox, range);
    const backfill = await chartScenario(context, await context.sandboxes.forScenario(), {
      object: 'invoices',
      dateField: 'allTime',
      fields: firstFields(5),
      range: null,
    });
    return {
      account: { size: settings.size, historyEnd: settings.historyEnd, timeZone, range },
      limit,
      charts,
      repeat,
      backfill,
    };
  } finally {
    await accounts.stop();
  }
}

function everyField(objectId: string, range: DateRange): ChartPlan {
  const object = findObject(objectId);
  const dateField = object?.dateOptions[0]?.fieldId;
  if (!object || !dateField) throw new Error(`${objectId}: no catalog object with a date option`);
  return { object: objectId, dateField, fields: object.fields.map((field) => field.id), range };
}

async function chartScenario(
  context: BenchContext,
  sandbox: SandboxHandle,
  plan: ChartPlan,
): Promise<CopyChartResult> {
  const { limit, maxExecutions, startingBucket } = context.profile.privateCopy;
  const reads = objectReads(plan.object);
  const chart = chartOf(plan);
  const label = `${plan.object} × ${plan.fields.length} fields, ${plan.range ? `${plan.range.startDate} to ${plan.range.endDate}` : 'all time'}`;
  const session = await openSession(sandbox, copySetup(plan, limit));
  try {
    const live = await liveSource(session, plan);
    progress(`private copy: ${label}, live under the limit`);
    await sandbox.control.reset();
    const limited = (await measureView(session, live, chart, reads)).view;
    progress(`private copy: ${label}, first view through the copy`);
    await sandbox.control.reset();
    const options = { reads, maxExecutions, startingBucket };
    const { first, response } = await firstView(session, session.source, chart, options);
    progress(`private copy: ${label}, live once without the limit`);
    const checks = await compared(sandbox, plan, reads, response);
    const load = {
      hot: await loadView(session, chart, reads, false),
      cold: await loadView(session, chart, reads, true),
    };
    return {
      ...plan,
      ...checks,
      live: { limited, once: checks.once },
      copy: first,
      ...ratios(plan, first, checks.once),
      load,
      size: replicaSize(session, first.recordsHeld),
    };
  } finally {
    await session.close();
  }
}

/** The copy's answer against the raw records and against the live read once, made right after it. */
async function compared(
  sandbox: SandboxHandle,
  plan: ChartPlan,
  reads: ObjectReads,
  response: GetDataResponse | undefined,
): Promise<Pick<CopyChartResult, 'records' | 'truth' | 'unmatchedRows'> & { readonly once: View }> {
  const range = plan.range ?? undefined;
  const truth = response ? await checkTruth(sandbox, plan.object, range, response) : null;
  const records = truth?.count.expected ?? (await expectedFigures(sandbox, plan.object, range)).count;
  const once = await liveOnce(sandbox, plan, reads);
  const unmatched = response && once.response ? unmatchedRows(response, once.response) : null;
  return { records, truth, unmatchedRows: unmatched, once: once.view };
}

function ratios(
  plan: ChartPlan,
  first: FirstView,
  once: View,
): Pick<CopyChartResult, 'bound' | 'toBound' | 'toLiveBound' | 'costToBound'> {
  const bound = bounds(plan, once.upstream.cost, first.recordsHeld);
  const answered = first.outcome === 'ok';
  return {
    bound,
    toBound: answered ? ratio(first.virtualSeconds, bound.needed.seconds) : null,
    toLiveBound: answered ? ratio(first.virtualSeconds, bound.live.seconds) : null,
    costToBound: ratio(first.upstream.cost, bound.needed.cost),
  };
}

function bounds(plan: ChartPlan, liveCost: number, recordsHeld: number): CopyBound {
  const extraPerRecord = copyExtraPerRecord(plan);
  const neededCost = liveCost + extraPerRecord * recordsHeld;
  return {
    live: { cost: liveCost, seconds: timeBoundSeconds(liveCost) },
    needed: { cost: neededCost, seconds: timeBoundSeconds(neededCost), extraPerRecord },
  };
}

/** The chart read live once without the execution limit: its cost is the bound, its rows the reference. */
async function liveOnce(sandbox: SandboxHandle, plan: ChartPlan, reads: ObjectReads): Promise<MeasuredView> {
  const session = await openSession(sandbox, { ...copySetup(plan, 'unlimited'), privateCopy: false });
  try {
    return await measureView(session, session.source, chartOf(plan), reads);
  } finally {
    await session.close();
  }
}

/** A view a minute later, nothing changed: the copy from the user cache, or from Drive (`cold`). */
async function loadView(
  session: Session,
  chart: ChartSpec,
  reads: ObjectReads,
  cold: boolean,
): Promise<View> {
  await session.sandbox.control.clock.advance(60_000);
  if (cold) session.runtime.clearCaches();
  await session.sandbox.control.reset();
  return (await measureView(session, session.source, chart, reads)).view;
}

function chartOf(plan: ChartPlan): ChartSpec {
  return { fields: plan.fields, ...(plan.range ? { dateRange: plan.range } : {}) };
}

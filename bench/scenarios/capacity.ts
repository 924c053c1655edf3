/**
 * The largest N one execution serves for k fields, ours (at a given runtime budget) and naive: a
 * search over date ranges ending on the last day with invoices (N grows with the number of days),
 * each probe a fresh execution under the real limits. Resolution: one day of invoices.
 */
import { DEFAULT_RUNTIME_BUDGET_MS } from '../../src/jobber/budget';
import { recordsBound } from '../bounds';
import type { ConnectorName } from '../connectors';
import { limitedSetup, withSession, type BenchContext } from '../context';
import { firstFields } from '../fields';
import { progress } from '../progress';
import { runChart, type ChartRun } from '../session';
import { lastDays } from '../windows';

export interface CapacityProbe {
  readonly days: number;
  readonly invoices: number;
  readonly outcome: ChartRun['outcome'];
  readonly virtualSeconds: number;
  readonly recordsRead: number;
}

export interface CapacityResult {
  readonly connector: ConnectorName;
  readonly fields: readonly string[];
  /** The largest N served (null: not even one day); with `allData`, every invoice of the account. */
  readonly served: CapacityProbe | null;
  /** The smallest N that failed, one day more than `served`. */
  readonly failed: CapacityProbe | null;
  readonly allData: boolean;
  readonly costPerNode: number;
  /** Ours' runtime budget in seconds (JOBBER_RUNTIME_BUDGET_SECONDS); null for naive, which has none. */
  readonly budgetSeconds: number | null;
  /** The most records of that cost any reader can fetch within Apps Script's limit. */
  readonly bound: number;
  /** The same within ours' budget (naive: Apps Script's limit). */
  readonly boundInBudget: number;
  readonly probes: readonly CapacityProbe[];
}

export async function runCapacity(
  context: BenchContext,
  connector: ConnectorName,
  budgetSeconds?: number,
): Promise<CapacityResult> {
  const fields = firstFields(context.profile.capacity.fieldCount);
  const probes: CapacityProbe[] = [];
  const limited = limitedSetup(context, connector);
  const setup =
    budgetSeconds === undefined
      ? limited
      : { ...limited, limit: { ...context.profile.limit, connectorBudgetSeconds: budgetSeconds } };
  const budget =
    connector === 'naive'
      ? null
      : (budgetSeconds ?? context.profile.limit.connectorBudgetSeconds ?? DEFAULT_RUNTIME_BUDGET_MS / 1000);
  const appsScriptSeconds = context.profile.limit.appsScriptMs / 1000;
  let costPerNode = 0;
  const probe = async (days: number): Promise<CapacityProbe> => {
    const window = lastDays(context.calendar, days);
    const run = await withSession(context, setup, (session) =>
      runChart(session, { fields, dateRange: window.range }),
    );
    costPerNode ||= run.upstream.costPerNode;
    const result = {
      days,
      invoices: window.invoices,
      outcome: run.outcome,
      virtualSeconds: run.virtualSeconds,
      recordsRead: run.upstream.records,
    };
    const label = budget === null ? connector : `${connector} (budget ${budget} s)`;
    progress(`capacity ${label}: ${days} days, N=${window.invoices}: ${run.outcome}`);
    probes.push(result);
    return result;
  };
  const boundIn = (seconds: number): number => (costPerNode > 0 ? recordsBound(seconds, costPerNode) : 0);
  // Ours refuses a range it cannot read after one page, so how far it got says little: start from
  // just under what its budget can pay for.
  const { served, failed } = await search(context, probe, (readByEverything) =>
    Math.max(readByEverything, Math.floor(0.97 * boundIn(budget ?? appsScriptSeconds))),
  );
  return {
    connector,
    fields,
    served,
    failed,
    allData: failed === null,
    costPerNode,
    budgetSeconds: budget,
    bound: boundIn(appsScriptSeconds),
    boundInBudget: boundIn(budget ?? appsScriptSeconds),
    probes,
  };
}

type Probe = (days: number) => Promise<CapacityProbe>;

interface Bracket {
  served: CapacityProbe | null;
  failed: CapacityProbe | null;
}

/**
 * Everything first; then from a guess of the records that fit (given how far everything got), outwards
 * in doubling steps; then bisection to one day.
 */
async function search(
  context: BenchContext,
  probe: Probe,
  recordsToTry: (readByEverything: number) => number,
): Promise<Bracket> {
  const allDays = daysSpanned(context);
  const everything = await probe(allDays);
  if (everything.outcome === 'ok') return { served: everything, failed: null };
  const records = recordsToTry(everything.recordsRead);
  const guess = Math.max(1, Math.min(allDays - 1, daysHolding(context, records)));
  const bracket = await gallop(probe, await probe(guess), everything, Math.max(1, Math.round(guess / 50)));
  while (bracket.served && bracket.failed && bracket.failed.days - bracket.served.days > 1) {
    const middle = await probe(Math.floor((bracket.served.days + bracket.failed.days) / 2));
    if (middle.outcome === 'ok') bracket.served = middle;
    else bracket.failed = middle;
  }
  return bracket;
}

/** From one probe, steps away (doubling) until the outcome flips: served below, failed above. */
async function gallop(
  probe: Probe,
  start: CapacityProbe,
  failedAbove: CapacityProbe,
  firstStep: number,
): Promise<Bracket> {
  let step = firstStep;
  if (start.outcome === 'ok') {
    let served = start;
    for (;;) {
      const days = Math.min(failedAbove.days - 1, served.days + step);
      if (days <= served.days) return { served, failed: failedAbove };
      const next = await probe(days);
      if (next.outcome !== 'ok') return { served, failed: next };
      served = next;
      step *= 2;
    }
  }
  let failed = start;
  for (;;) {
    if (failed.days <= 1) return { served: null, failed };
    const next = await probe(Math.max(1, failed.days - step));
    if (next.outcome === 'ok') return { served: next, failed };
    failed = next;
    step *= 2;
  }
}

function daysSpanned(context: BenchContext): number {
  const first = context.calendar.days[0];
  const last = context.calendar.days[context.calendar.days.length - 1];
  if (!first || !last) return 1;
  return Math.round((Date.parse(last.day) - Date.parse(first.day)) / 86_400_000) + 1;
}

/** The fewest days (back from the last) holding at least `records` invoices. */
function daysHolding(context: BenchContext, records: number): number {
  let days = 1;
  while (lastDays(context.calendar, days).invoices < records && days < daysSpanned(context)) days += 1;
  return days;
}

/**
 * N invoices × k fields, ours and naive in the same run, both without the one-execution limit so
 * every cell has complete figures; whether the read would fit one execution is reported beside.
 */
import { DEFAULT_RUNTIME_BUDGET_MS } from '../../src/jobber/budget';
import { allInvoiceFieldsCost } from '../baseline';
import { ratio, requestBound, timeBoundSeconds } from '../bounds';
import type { ConnectorName } from '../connectors';
import { withSession, type BenchContext } from '../context';
import { firstFields } from '../fields';
import { progress } from '../progress';
import { runChart, type ChartRun } from '../session';
import { windowWithAtLeast, type DateWindow } from '../windows';

export interface ConnectorCell extends ChartRun {
  readonly bounds: { readonly requests: number; readonly seconds: number };
  readonly toBound: {
    readonly requests: number | null;
    readonly seconds: number | null;
    /** Virtual time over the least time for these very requests (upstream.boundForRequestsSeconds). */
    readonly secondsForRequests: number | null;
  };
  /** Requests beyond ceil(N/100) that are not a retry after THROTTLED. */
  readonly extraRequests: number;
  /** The virtual time fits the one-execution limit (ours: its runtime budget; naive: Apps Script's). */
  readonly fitsOneExecution: boolean;
}

export interface MatrixCell {
  readonly targetInvoices: number;
  readonly window: DateWindow;
  readonly fields: readonly string[];
  readonly ours: ConnectorCell;
  readonly naive: ConnectorCell;
  /** ours / naive. */
  readonly oursToNaive: {
    readonly requests: number | null;
    readonly cost: number | null;
    readonly seconds: number | null;
    readonly busyMs: number | null;
  };
  /** Ours' query cost over what a reader of every Invoice field would pay for N (bench/baseline.ts). */
  readonly oursToAllFields: { readonly baselineCost: number; readonly cost: number | null };
}

export async function runMatrix(context: BenchContext): Promise<MatrixCell[]> {
  const cells: MatrixCell[] = [];
  const { invoices, fieldCounts } = context.profile.matrix;
  for (const target of invoices)
    for (const count of fieldCounts) {
      const window = windowWithAtLeast(context.calendar, target);
      const fields = firstFields(count);
      progress(`matrix: N=${window.invoices} (${window.days} days), ${count} fields`);
      const ours = await measure(context, 'ours', window, fields);
      const naive = await measure(context, 'naive', window, fields);
      cells.push({
        targetInvoices: target,
        window,
        fields,
        ours,
        naive,
        oursToNaive: {
          requests: ratio(ours.upstream.requests, naive.upstream.requests),
          cost: ratio(ours.upstream.cost, naive.upstream.cost),
          seconds: ratio(ours.virtualSeconds, naive.virtualSeconds),
          busyMs: ratio(ours.busyMs, naive.busyMs),
        },
        oursToAllFields: {
          baselineCost: allInvoiceFieldsCost(window.invoices),
          cost: ratio(ours.upstream.cost, allInvoiceFieldsCost(window.invoices)),
        },
      });
    }
  return cells;
}

async function measure(
  context: BenchContext,
  connector: ConnectorName,
  window: DateWindow,
  fields: readonly string[],
): Promise<ConnectorCell> {
  const run = await withSession(context, { connector, limit: 'unlimited' }, (session) =>
    runChart(session, { fields, dateRange: window.range }),
  );
  return withBounds(context, connector, run, window.invoices);
}

export function withBounds(
  context: BenchContext,
  connector: ConnectorName,
  run: ChartRun,
  invoices: number,
): ConnectorCell {
  const bounds = { requests: requestBound(invoices), seconds: timeBoundSeconds(run.upstream.cost) };
  const limit = context.profile.limit;
  const limitSeconds =
    connector === 'ours'
      ? (limit.connectorBudgetSeconds ?? DEFAULT_RUNTIME_BUDGET_MS / 1000)
      : limit.appsScriptMs / 1000;
  return {
    ...run,
    bounds,
    toBound: {
      requests: ratio(run.upstream.requests, bounds.requests),
      seconds: ratio(run.virtualSeconds, bounds.seconds),
      secondsForRequests: ratio(run.virtualSeconds, run.upstream.boundForRequestsSeconds),
    },
    extraRequests: Math.max(0, run.upstream.requests - bounds.requests - run.upstream.throttled),
    fitsOneExecution: run.outcome === 'ok' && run.virtualSeconds < limitSeconds,
  };
}

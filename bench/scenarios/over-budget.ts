/**
 * A chart whose cost cannot fit one execution, ours and naive under the real limits: what the user
 * sees (ours' budget error, Apps Script's time-out) and how far each got. The same chart without the
 * limit (the matrix cell, or a run of its own) keeps the fetch path's ratio to the bound visible.
 */
import type { ConnectorName } from '../connectors';
import { limitedSetup, withSession, type BenchContext } from '../context';
import { firstFields } from '../fields';
import { progress } from '../progress';
import { runChart, type ChartRun } from '../session';
import { windowWithAtLeast, type DateWindow } from '../windows';
import { withBounds, type ConnectorCell, type MatrixCell } from './matrix';

export interface LimitedRun extends ChartRun {
  /** Share of the range's invoices read before the execution ended. */
  readonly shareRead: number;
}

export interface OverBudgetResult {
  readonly window: DateWindow;
  readonly fields: readonly string[];
  readonly limited: { readonly ours: LimitedRun; readonly naive: LimitedRun };
  readonly unlimited: { readonly ours: ConnectorCell; readonly naive: ConnectorCell };
}

export async function runOverBudget(
  context: BenchContext,
  matrix: readonly MatrixCell[],
): Promise<OverBudgetResult> {
  const { invoices, fieldCount } = context.profile.overBudget;
  const window = windowWithAtLeast(context.calendar, invoices);
  const fields = firstFields(fieldCount);
  const chart = { fields, dateRange: window.range };
  const limited = async (connector: ConnectorName): Promise<LimitedRun> => {
    progress(`over budget ${connector}: N=${window.invoices}, ${fields.length} fields, limited`);
    const run = await withSession(context, limitedSetup(context, connector), (session) =>
      runChart(session, chart),
    );
    return {
      ...run,
      shareRead: window.invoices > 0 ? Math.min(1, run.upstream.records / window.invoices) : 0,
    };
  };
  const unlimited = async (connector: ConnectorName): Promise<ConnectorCell> => {
    const cell = matrix.find(
      (candidate) =>
        candidate.window.invoices === window.invoices && candidate.fields.length === fields.length,
    );
    if (cell) return cell[connector];
    progress(`over budget ${connector}: N=${window.invoices}, ${fields.length} fields, unlimited`);
    const run = await withSession(context, { connector, limit: 'unlimited' }, (session) =>
      runChart(session, chart),
    );
    return withBounds(context, connector, run, window.invoices);
  };
  return {
    window,
    fields,
    limited: { ours: await limited('ours'), naive: await limited('naive') },
    unlimited: { ours: await unlimited('ours'), naive: await unlimited('naive') },
  };
}

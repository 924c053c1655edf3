/**
 * A report page of 10 charts on invoices over one date range, opened at once, with ours' cache
 * (the default "Keep data for" of 15 minutes) and without it (0 minutes).
 */
import { DEFAULT_CACHE_MINUTES } from '../../src/connector/config-params';
import { withSession, type BenchContext } from '../context';
import { DASHBOARD_CHARTS } from '../fields';
import { REAL_LIMIT } from '../profiles';
import { progress } from '../progress';
import { figures, type ExecutionFigures, type Session } from '../session';
import { summarizeLog, type Upstream } from '../upstream';
import { lastDays, type DateWindow } from '../windows';

export interface DashboardRun {
  readonly cacheMinutes: number;
  readonly charts: number;
  readonly chartsAnswered: number;
  /** Per chart, in DASHBOARD_CHARTS order. */
  readonly executions: readonly (ExecutionFigures & { readonly chart: string })[];
  readonly upstream: Upstream;
  /** From the first chart's request to the last chart's answer, on the sandbox clock. */
  readonly virtualSeconds: number;
  readonly busyMs: number;
}

export interface DashboardResult {
  readonly window: DateWindow;
  readonly withCache: DashboardRun;
  readonly withoutCache: DashboardRun;
}

export async function runDashboards(context: BenchContext): Promise<DashboardResult> {
  const window = lastDays(context.calendar, context.profile.dashboard.days);
  progress(`dashboard: ${DASHBOARD_CHARTS.length} charts, N=${window.invoices} (${window.days} days)`);
  const run = (cacheMinutes: number): Promise<DashboardRun> =>
    withSession(context, { connector: 'ours', limit: REAL_LIMIT, cacheMinutes }, (session) =>
      openDashboard(session, window, cacheMinutes),
    );
  const withCache = await run(DEFAULT_CACHE_MINUTES);
  const withoutCache = await run(0);
  return { window, withCache, withoutCache };
}

/** All charts at once, as Looker Studio issues them (DataSource.dashboard, keeping each request). */
async function openDashboard(
  session: Session,
  window: DateWindow,
  cacheMinutes: number,
): Promise<DashboardRun> {
  const charts = DASHBOARD_CHARTS.map((chart) => ({ ...chart, dateRange: window.range }));
  const requests = charts.map((chart) => session.source.request(chart));
  const clockBefore = (await session.sandbox.control.clock.now()).now;
  await Promise.allSettled(requests.map((request) => session.studio.getData(request, session.source.schema)));
  const clockAfter = (await session.sandbox.control.clock.now()).now;
  const executions = charts.map((chart, index) => {
    const execution = session.studio.executions.find((candidate) => candidate.args[0] === requests[index]);
    if (!execution) throw new Error(`No execution for chart ${chart.name ?? index}`);
    return { chart: chart.name ?? String(index), ...figures(execution.result) };
  });
  return {
    cacheMinutes,
    charts: charts.length,
    chartsAnswered: executions.filter((chart) => chart.outcome === 'ok').length,
    executions,
    upstream: summarizeLog(await session.sandbox.control.requests.list()),
    virtualSeconds: (clockAfter - clockBefore) / 1000,
    busyMs: executions.reduce((total, chart) => total + chart.busyMs, 0),
  };
}

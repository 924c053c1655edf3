import { parseArgs, withResultsBlock, DOC_END, DOC_START } from '../../bench/cli';
import { setQuiet } from '../../bench/progress';
import { renderResults } from '../../bench/report';
import type { BenchResults } from '../../bench/results';
import { runBench } from '../../bench/run';

/**
 * The whole harness on the tiny data set, so `npm run bench` keeps working: every scenario runs the
 * built bundles in the runtime against a sandbox. Figures are checked for consistency, never for
 * speed.
 */
describe('the benchmark harness on tiny data', () => {
  let results: BenchResults;

  beforeAll(async () => {
    setQuiet(true);
    results = await runBench({ profile: 'tiny' });
  }, 300_000);

  it('reads the same chart through ours and the naive connector, with figures from the sandbox’s request log', () => {
    const [cell] = results.matrix ?? [];
    if (!cell) throw new Error('no matrix cell');
    for (const run of [cell.ours, cell.naive]) {
      expect(run.outcome).toBe('ok');
      expect(run.rows).toBe(cell.window.invoices);
      expect(run.upstream.requests).toBeGreaterThanOrEqual(run.bounds.requests);
      expect(run.upstream.records).toBeGreaterThanOrEqual(cell.window.invoices);
      expect(run.upstream.bucketFullAtStart).toBe(true);
    }
    expect(cell.fields).toHaveLength(3);
    expect(cell.ours.upstream.cost).toBeLessThan(cell.naive.upstream.cost);
    // The every-Invoice-field reader pays more per record than the naive one.
    expect(cell.oursToAllFields.cost).toBeLessThan(cell.oursToNaive.cost ?? 0);
  });

  it('opens the ten-chart dashboard with and without the cache', () => {
    const dashboard = results.dashboard;
    if (!dashboard) throw new Error('no dashboard');
    for (const run of [dashboard.withCache, dashboard.withoutCache]) {
      expect(run.executions).toHaveLength(10);
      expect(run.chartsAnswered).toBe(10);
    }
    expect(dashboard.withoutCache.upstream.reads).toBe(10);
    expect(dashboard.withCache.upstream.reads).toBeGreaterThanOrEqual(1);
    expect(dashboard.withCache.upstream.reads).toBeLessThan(10);
  });

  it('finds the largest N one execution serves: served one day, failed the next', () => {
    const { ours, oursMaxBudget, naive } = results.capacity ?? {};
    expect([ours?.budgetSeconds, oursMaxBudget?.budgetSeconds, naive?.budgetSeconds]).toEqual([1, 2, null]);
    expect(oursMaxBudget?.boundInBudget).toBeGreaterThan(ours?.boundInBudget ?? Infinity);
    for (const capacity of [ours, oursMaxBudget, naive]) {
      if (!capacity) throw new Error('no capacity search');
      expect(capacity.probes.length).toBeGreaterThan(0);
      if (capacity.served) expect(capacity.served.outcome).toBe('ok');
      if (capacity.failed) expect(capacity.failed.outcome).not.toBe('ok');
      if (capacity.served && capacity.failed) expect(capacity.failed.days).toBe(capacity.served.days + 1);
    }
  });

  it('shows what a chart that cannot fit one execution ends with, and reads it without the limit too', () => {
    const over = results.overBudget;
    if (!over) throw new Error('no over-budget scenario');
    expect(over.limited.ours).toMatchObject({ outcome: 'user_error' });
    expect(over.limited.ours.error).toContain('more data from Jobber than can be fetched in one go');
    expect(over.limited.naive).toMatchObject({ outcome: 'timeout' });
    expect(over.unlimited.ours.outcome).toBe('ok');
    expect(over.unlimited.naive.outcome).toBe('ok');
  });

  it('measures row building', () => {
    const [run] = results.throughput ?? [];
    expect(run?.rows).toBe(2_000);
    expect(run?.rowsPerSecond).toBeGreaterThan(0);
  });

  it('reads the charts the live path refuses through the private copy: raw records’ figures, live rows', () => {
    const copy = results.privateCopy;
    if (!copy) throw new Error('no private copy section');
    expect(copy.charts.map((chart) => chart.object)).toEqual(['invoiceLineItems', 'visits', 'timesheets']);
    for (const chart of [...copy.charts, copy.backfill]) {
      const { copy: first, bound } = chart;
      expect(first.outcome).toBe('ok');
      expect(chart.truth?.equal).toBe(true);
      expect(chart.records).toBeGreaterThan(0);
      expect(first.rows).toBe(chart.records);
      expect(chart.live.once.rows).toBe(chart.records);
      expect(chart.unmatchedRows).toBe(0);
      // One progress error per execution that did not answer, never going back, never past its total.
      expect(first.progress).toHaveLength(first.executions - 1);
      first.progress.forEach((step, index) => {
        expect(step.done).toBeLessThanOrEqual(step.total);
        expect(step.done).toBeGreaterThanOrEqual(first.progress[index - 1]?.done ?? 0);
      });
      expect(first.upstream.requests).toBe(sumOf(Object.values(first.reads).map((kind) => kind.requests)));
      expect(first.upstream.cost).toBe(sumOf(Object.values(first.reads).map((kind) => kind.cost)));
      expect(bound.live.cost).toBe(chart.live.once.upstream.cost);
      expect(bound.needed.cost).toBe(bound.live.cost + bound.needed.extraPerRecord * first.recordsHeld);
      if (chart.toBound !== null)
        expect(chart.toBound).toBeCloseTo(first.virtualSeconds / bound.needed.seconds, 9);
      for (const view of [chart.load.hot, chart.load.cold]) {
        expect(view.outcome).toBe('ok');
        expect(view.rows).toBe(first.rows);
      }
      expect(chart.size.records).toBe(first.recordsHeld);
      expect(chart.size.driveGzipBytes).toBeGreaterThan(0);
      expect(chart.size.cacheBase64Chars).toBeGreaterThan(chart.size.driveGzipBytes);
      expect(chart.size.per10k?.driveGzipBytes).toBeCloseTo(
        (chart.size.driveGzipBytes * 10_000) / chart.size.records,
        6,
      );
    }
    // The tiny profile's budget is short: some first view takes more than one execution.
    expect(Math.max(...copy.charts.map((chart) => chart.copy.executions))).toBeGreaterThan(1);
    expect(copy.backfill).toMatchObject({ object: 'invoices', dateField: 'allTime', range: null });
  });

  it('views a copied chart again after K invoices changed, asking Jobber for those and little else', () => {
    const repeat = results.privateCopy?.repeat ?? [];
    expect(repeat.map((chart) => chart.name)).toEqual(['invoice fields', 'with client name']);
    for (const chart of repeat) {
      expect(chart.views.map((view) => view.changed)).toEqual([0, 10]);
      for (const view of chart.views) {
        expect(view.copy.outcome).toBe('ok');
        expect(view.live.outcome).toBe('ok');
        expect(view.unmatchedRows).toBe(0);
        expect(view.bounds.requests).toBe(Math.ceil(view.changed / 100) + 2);
        // The changed records were read with at least the chart's fields.
        expect(view.copy.reads.changes.cost).toBeGreaterThanOrEqual(view.changed * chart.costPerRecord);
        expect(view.copy.reads.count.requests).toBe(0);
        expect(view.copy.upstream.requests).toBeLessThan(view.live.upstream.requests);
      }
    }
    const withClient = repeat[1]?.views[0];
    expect(withClient?.copy.reads.related.requests).toBe(1);
  });

  it('checks every target of the issue and renders the tables for the docs', () => {
    expect(results.targets.map((check) => check.id)).toEqual([
      'time',
      'requests',
      'cost',
      'dashboard',
      'capacity',
      'throughput',
      'copyFirstView',
      'copyTruth',
      'copyRequests',
      'copyRequestsWithClient',
      'copyCost',
      'copyCostWithClient',
      'copyRepeatTime',
      'copyBackfill',
    ]);
    const markdown = renderResults(results);
    for (const heading of [
      'Reads of N invoices',
      'Ours ÷ naive',
      'every Invoice field',
      'Dashboard',
      'largest N',
      'Over budget',
      'Row building',
      'Private copy: first views',
      'What the live-only path shows',
      'Private copy: repeat views',
      'Private copy: size and load',
      'Targets',
    ])
      expect(markdown).toContain(heading);
  });
});

function sumOf(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

describe('the results block of docs/benchmarks.md', () => {
  it('is replaced between its markers and nowhere else', () => {
    const doc = `# Title\n\nprose\n\n${DOC_START}\n\nold table\n\n${DOC_END}\n\nmore prose\n`;
    expect(withResultsBlock(doc, 'new table')).toBe(
      `# Title\n\nprose\n\n${DOC_START}\n\nnew table\n\n${DOC_END}\n\nmore prose\n`,
    );
  });

  it('refuses a doc without the markers', () => {
    expect(() => withResultsBlock('# no markers', 'table')).toThrow(/markers/);
  });
});

describe('the command line', () => {
  it('runs the full profile by default, --quick the small one, and chosen sections with --only', () => {
    expect(parseArgs([])).toEqual({ profile: 'full', freshPerScenario: false });
    expect(parseArgs(['--quick', '--fresh-sandbox', '--only', 'matrix,throughput'])).toEqual({
      profile: 'quick',
      freshPerScenario: true,
      sections: ['matrix', 'throughput'],
    });
    expect(parseArgs(['--only', 'privateCopy'])).toMatchObject({ sections: ['privateCopy'] });
    expect(() => parseArgs(['--fast'])).toThrow(/Unknown argument/);
    expect(() => parseArgs(['--only', 'speed'])).toThrow(/Unknown section/);
  });
});

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

  it('checks every target of the issue and renders the tables for the docs', () => {
    expect(results.targets.map((check) => check.id)).toEqual([
      'time',
      'requests',
      'cost',
      'dashboard',
      'capacity',
      'throughput',
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
      'Targets',
    ])
      expect(markdown).toContain(heading);
  });
});

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
    expect(() => parseArgs(['--fast'])).toThrow(/Unknown argument/);
    expect(() => parseArgs(['--only', 'speed'])).toThrow(/Unknown section/);
  });
});

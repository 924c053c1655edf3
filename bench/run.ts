/** Runs a profile's scenarios and gathers the results (no files written: see main.ts). */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { REPO_ROOT } from '../sandbox/paths';
import { writeNaiveBundle, writeUnlimitedBundle } from './connectors';
import type { BenchContext } from './context';
import { progress } from './progress';
import { PROFILES, type BenchProfile } from './profiles';
import type { BenchResults } from './results';
import { createSandboxProvider } from './sandbox';
import { runCapacity } from './scenarios/capacity';
import { runDashboards } from './scenarios/dashboard';
import { runMatrix } from './scenarios/matrix';
import { runOverBudget } from './scenarios/over-budget';
import { runPrivateCopy } from './scenarios/private-copy';
import { runThroughput } from './scenarios/throughput';
import { checkTargets } from './targets';
import { invoiceCalendar, totalInvoices } from './windows';

export const SECTIONS = [
  'matrix',
  'dashboard',
  'capacity',
  'overBudget',
  'throughput',
  'privateCopy',
] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  readonly profile: BenchProfile['name'];
  /** A new sandbox process per scenario instead of a reset (slower, same figures). */
  readonly freshPerScenario?: boolean;
  /** Default: every section. */
  readonly sections?: readonly Section[];
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const profile = PROFILES[options.profile];
  const wanted = new Set(options.sections ?? SECTIONS);
  writeUnlimitedBundle();
  writeNaiveBundle();
  progress(`starting a ${profile.sandboxSize} sandbox`);
  const sandboxes = await createSandboxProvider(profile, options.freshPerScenario ?? false);
  try {
    const first = await sandboxes.forScenario();
    const calendar = await invoiceCalendar(first);
    const context: BenchContext = { profile, sandboxes, calendar };
    const sections = await runSections(context, wanted);
    const measured = {
      profile: profile.name,
      generatedAt: new Date(started).toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      commit: currentCommit(),
      machine: machine(loadAtStart),
      sandbox: {
        size: profile.sandboxSize,
        startTime: profile.startTime,
        timeZone: calendar.timeZone,
        invoices: totalInvoices(calendar),
        freshPerScenario: options.freshPerScenario ?? false,
      },
      limit: profile.limit,
      ...sections,
    };
    return { ...measured, targets: checkTargets(measured), durationSeconds: (Date.now() - started) / 1000 };
  } finally {
    await sandboxes.stop();
  }
}

type SectionResults = Pick<
  BenchResults,
  'matrix' | 'dashboard' | 'capacity' | 'overBudget' | 'throughput' | 'privateCopy'
>;

async function runSections(context: BenchContext, wanted: ReadonlySet<Section>): Promise<SectionResults> {
  const matrix = wanted.has('matrix') ? await runMatrix(context) : undefined;
  const dashboard = wanted.has('dashboard') ? await runDashboards(context) : undefined;
  const capacity = wanted.has('capacity')
    ? {
        ours: await runCapacity(context, 'ours'),
        oursMaxBudget: await runCapacity(context, 'ours', context.profile.capacity.maxBudgetSeconds),
        naive: await runCapacity(context, 'naive'),
      }
    : undefined;
  const overBudget = wanted.has('overBudget') ? await runOverBudget(context, matrix ?? []) : undefined;
  const throughput = wanted.has('throughput') ? runThroughput(context) : undefined;
  const privateCopy = wanted.has('privateCopy') ? await runPrivateCopy(context) : undefined;
  return { matrix, dashboard, capacity, overBudget, throughput, privateCopy };
}

function machine(loadAtStart: number): BenchResults['machine'] {
  return {
    node: process.versions.node,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    loadAverage: { atStart: round(loadAtStart), atEnd: round(loadavg()[0] ?? 0) },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function currentCommit(): string {
  try {
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const commit = git('rev-parse', '--short=12', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') ? `${commit}+changes` : commit;
  } catch {
    return 'unknown';
  }
}

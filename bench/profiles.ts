/**
 * What a bench run measures. `full` is the set (committed in bench/results.json and
 * docs/benchmarks.md); `quick` a smaller set for iterating; `tiny` keeps the harness tested.
 */
import type { DataSize } from '../sandbox/jobber/data/accounts';

/** The one-execution limits: Apps Script's wall-clock limit and the connector's own budget. */
export interface ExecutionLimit {
  /** Apps Script stops an execution after this long (6 minutes). */
  readonly appsScriptMs: number;
  /** JOBBER_RUNTIME_BUDGET_SECONDS for ours; undefined = the connector's default (300 s). */
  readonly connectorBudgetSeconds?: number;
}

export interface BenchProfile {
  readonly name: 'full' | 'quick' | 'tiny';
  readonly sandboxSize: DataSize;
  /** Where the sandbox's history ends (fixed, so every run reads the same records). */
  readonly startTime: string;
  readonly matrix: { readonly invoices: readonly number[]; readonly fieldCounts: readonly number[] };
  /** The dashboard reads the last `days` days of data (Looker Studio's default range is 28 days). */
  readonly dashboard: { readonly days: number };
  /** The one-execution limit of the capacity and over-budget scenarios (the dashboard always runs
   * under the real one). */
  readonly limit: ExecutionLimit;
  /**
   * The largest N one execution serves, for this many fields: ours at its default budget and again
   * at the most JOBBER_RUNTIME_BUDGET_SECONDS allows (scaled like the limits in smaller profiles).
   */
  readonly capacity: { readonly fieldCount: number; readonly maxBudgetSeconds: number };
  /** A chart whose cost cannot fit one execution. */
  readonly overBudget: { readonly invoices: number; readonly fieldCount: number };
  readonly throughput: {
    readonly rows: number;
    readonly fieldCounts: readonly number[];
    readonly repeats: number;
  };
  /** Points in the bucket when a limited scenario (capacity, over budget) starts; default full. The
   * tiny data set fits a full bucket, so its profile starts low to reach the budget paths. */
  readonly limitedStartingBucket?: number;
  readonly privateCopy: PrivateCopyProfile;
}

/** The private copy's scenarios (issue 14, item 7): bench/scenarios/private-copy.ts. */
export interface PrivateCopyProfile {
  /**
   * The account whose long ranges the live path refuses: a sandbox of its own, its history ending
   * at `historyEnd` (the "today"), charts from `rangeStart` to that day.
   */
  readonly account: { readonly size: DataSize; readonly historyEnd: string; readonly rangeStart: string };
  /** The objects charted with every field over that range. */
  readonly objects: readonly string[];
  /** Invoices changed between two repeat views (K). */
  readonly changed: readonly number[];
  /** The limit every copy scenario runs under (the backfill on the profile's own sandbox too). */
  readonly limit: ExecutionLimit;
  /** Refreshes a first view may take before the bench gives up on it. */
  readonly maxExecutions: number;
  /** Points in the bucket when a first view starts; default full (tiny: low, to span executions). */
  readonly startingBucket?: number;
}

export const APPS_SCRIPT_LIMIT_MS = 360_000;

/** Apps Script's 6 minutes and the connector's default budget. */
export const REAL_LIMIT: ExecutionLimit = { appsScriptMs: APPS_SCRIPT_LIMIT_MS };

const START_TIME = '2025-06-01T12:00:00Z';

/**
 * The "today" for the small account: its three years of history end then, so a chart from
 * 2024-01-01 holds nearly all of it (with START_TIME's history the live path still reads these charts).
 */
const COPY_HISTORY_END = '2026-12-01T12:00:00Z';
/** The charts the issue found refused: every field of invoice line items, visits and timesheets. */
const COPY_OBJECTS = ['invoiceLineItems', 'visits', 'timesheets'];

export const PROFILES: Readonly<Record<BenchProfile['name'], BenchProfile>> = {
  full: {
    name: 'full',
    sandboxSize: 'large',
    startTime: START_TIME,
    matrix: { invoices: [1_000, 10_000, 50_000], fieldCounts: [3, 10, 25] },
    dashboard: { days: 28 },
    limit: REAL_LIMIT,
    capacity: { fieldCount: 5, maxBudgetSeconds: 330 },
    overBudget: { invoices: 50_000, fieldCount: 25 },
    throughput: { rows: 200_000, fieldCounts: [3, 10, 25, 31], repeats: 5 },
    privateCopy: {
      account: { size: 'small', historyEnd: COPY_HISTORY_END, rangeStart: '2024-01-01' },
      objects: COPY_OBJECTS,
      changed: [0, 10, 1_000],
      limit: REAL_LIMIT,
      maxExecutions: 40,
    },
  },
  quick: {
    name: 'quick',
    sandboxSize: 'small',
    startTime: START_TIME,
    matrix: { invoices: [500, 2_000], fieldCounts: [3, 10, 25] },
    dashboard: { days: 28 },
    // A tenth of the real limits, so the small data set still shows where one execution ends.
    limit: { appsScriptMs: 36_000, connectorBudgetSeconds: 30 },
    capacity: { fieldCount: 5, maxBudgetSeconds: 33 },
    overBudget: { invoices: 2_000, fieldCount: 25 },
    throughput: { rows: 50_000, fieldCounts: [3, 10, 25, 31], repeats: 3 },
    // The last eleven months, and half the budget, so first views still take several executions.
    privateCopy: {
      account: { size: 'small', historyEnd: COPY_HISTORY_END, rangeStart: '2026-01-01' },
      objects: COPY_OBJECTS,
      changed: [0, 10, 100],
      limit: { appsScriptMs: 180_000, connectorBudgetSeconds: 150 },
      maxExecutions: 40,
    },
  },
  tiny: {
    name: 'tiny',
    sandboxSize: 'tiny',
    startTime: START_TIME,
    matrix: { invoices: [60], fieldCounts: [3] },
    dashboard: { days: 28 },
    limit: { appsScriptMs: 4_000, connectorBudgetSeconds: 1 },
    capacity: { fieldCount: 5, maxBudgetSeconds: 2 },
    // Ten fields: their first page (1,306 points) fits the low starting bucket, so ours gets to
    // count the records and refuse the range rather than being THROTTLED at once.
    overBudget: { invoices: 250, fieldCount: 10 },
    throughput: { rows: 2_000, fieldCounts: [3], repeats: 1 },
    limitedStartingBucket: 1_500,
    privateCopy: {
      account: { size: 'tiny', historyEnd: COPY_HISTORY_END, rangeStart: '2024-01-01' },
      objects: COPY_OBJECTS,
      changed: [0, 10],
      limit: { appsScriptMs: 60_000, connectorBudgetSeconds: 35 },
      maxExecutions: 40,
    },
  },
};

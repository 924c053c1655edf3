/** The shape of bench/results.json: every figure the docs table shows, and how it was produced. */
import type { CapacityResult } from './scenarios/capacity';
import type { DashboardResult } from './scenarios/dashboard';
import type { MatrixCell } from './scenarios/matrix';
import type { OverBudgetResult } from './scenarios/over-budget';
import type { PrivateCopyResult } from './scenarios/private-copy';
import type { ThroughputRun } from './scenarios/throughput';
import type { BenchProfile } from './profiles';

export interface TargetCheck {
  readonly id: string;
  readonly target: string;
  /** null: not measured in this profile. */
  readonly met: boolean | null;
  readonly measured: string;
}

export interface BenchResults {
  readonly profile: BenchProfile['name'];
  readonly generatedAt: string;
  readonly commit: string;
  readonly machine: {
    readonly node: string;
    readonly cpus: number;
    readonly cpuModel: string;
    /** One-minute load average: CPU figures (busyMs, rows per second) suffer on a shared machine. */
    readonly loadAverage: { readonly atStart: number; readonly atEnd: number };
  };
  readonly sandbox: {
    readonly size: string;
    readonly startTime: string;
    readonly timeZone: string;
    readonly invoices: number;
    readonly freshPerScenario: boolean;
  };
  readonly limit: BenchProfile['limit'];
  readonly matrix?: readonly MatrixCell[];
  readonly dashboard?: DashboardResult;
  /** Ours at its default budget and at the largest budget it allows, and naive. */
  readonly capacity?: {
    readonly ours: CapacityResult;
    readonly oursMaxBudget: CapacityResult;
    readonly naive: CapacityResult;
  };
  readonly overBudget?: OverBudgetResult;
  readonly throughput?: readonly ThroughputRun[];
  /** The private copy's scenarios, side by side with the live-only path (issue 14). */
  readonly privateCopy?: PrivateCopyResult;
  readonly targets: readonly TargetCheck[];
  readonly durationSeconds: number;
}

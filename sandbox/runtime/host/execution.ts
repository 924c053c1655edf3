import type { WorkerOutcome } from '../protocol';
import type { ExecutionResult, LogLine } from '../types';
import type { FetchRecord } from './url-fetch';

/** The host's record of one running execution: what it logged and fetched, and its clocks. */
export class ActiveExecution {
  readonly logs: LogLine[] = [];
  readonly fetches: FetchRecord[] = [];
  private readonly startedAt = Date.now();
  private settled = false;

  constructor(
    readonly id: number,
    readonly user: string,
    private readonly virtualStart: number | null,
    private readonly resolve: (result: ExecutionResult) => void,
  ) {}

  get running(): boolean {
    return !this.settled;
  }

  recordFetch(entry: FetchRecord): void {
    this.fetches.push(entry);
  }

  /** Virtual clock only: how far the sandbox clock has moved since the execution started. */
  virtualElapsed(now: number): number | undefined {
    return this.virtualStart === null ? undefined : now - this.virtualStart;
  }

  settle(outcome: WorkerOutcome, now: number): void {
    if (this.settled) return;
    this.settled = true;
    const virtualElapsedMs = this.virtualElapsed(now);
    this.resolve({
      ok: outcome.ok,
      ...(outcome.valueJson === undefined ? {} : { value: JSON.parse(outcome.valueJson) as unknown }),
      ...(outcome.error ? { error: outcome.error } : {}),
      logs: this.logs,
      fetches: this.fetches,
      elapsedMs: Date.now() - this.startedAt,
      ...(virtualElapsedMs === undefined ? {} : { virtualElapsedMs }),
      busyMs: Math.round(outcome.busyMs),
    });
  }
}

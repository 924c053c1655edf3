import type { WorkerOutcome } from '../protocol';
import type { ExecutionResult, FetchEvent, LogLine } from '../types';
import type { TimeParticipant } from './time-keeper';
import type { FetchRecord, FetchedResponse } from './url-fetch';

/** The host's record of one running execution: what it logged and fetched, its clocks and its waits. */
export class ActiveExecution {
  readonly logs: LogLine[] = [];
  readonly fetches: FetchRecord[] = [];
  private readonly startedAt = Date.now();
  private settled = false;

  constructor(
    readonly id: number,
    readonly user: string,
    readonly functionName: string,
    private readonly virtualStart: number | null,
    readonly time: TimeParticipant,
    private readonly resolve: (result: ExecutionResult) => void,
    private readonly onFetch?: (event: FetchEvent) => void,
  ) {}

  get running(): boolean {
    return !this.settled;
  }

  recordFetch(entry: FetchRecord, response?: FetchedResponse): void {
    this.fetches.push(entry);
    if (!this.onFetch) return;
    const { id: executionId, user, functionName } = this;
    try {
      this.onFetch({ executionId, user, functionName, record: entry, ...(response ? { response } : {}) });
    } catch (error) {
      // An observer's bug must not change what the script sees; say so where a developer looks.
      process.emitWarning(`The runtime's onFetch observer threw: ${String(error)}`);
    }
  }

  sleep(ms: number): Promise<void> {
    return this.time.sleep(ms);
  }

  blockedUntil(deadline: number): void {
    this.time.waitUntil(deadline);
  }

  /** Virtual clock only: how far the sandbox clock has moved since the execution started. */
  virtualElapsed(now: number): number | undefined {
    return this.virtualStart === null ? undefined : now - this.virtualStart;
  }

  settle(outcome: WorkerOutcome, now: number): void {
    if (this.settled) return;
    this.settled = true;
    this.time.leave();
    const virtualElapsedMs = this.virtualElapsed(now);
    this.resolve({
      executionId: this.id,
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

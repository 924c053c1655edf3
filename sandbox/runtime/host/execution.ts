import type { WorkerOutcome } from '../protocol';
import type { ExecutionResult, FetchEvent, LogLine, SleepEvent } from '../types';
import type { TimeParticipant } from './time-keeper';
import type { FetchRecord, FetchedResponse } from './url-fetch';

export interface ExecutionObservers {
  readonly onFetch?: ((event: FetchEvent) => void) | undefined;
  readonly onSleep?: ((event: SleepEvent) => void) | undefined;
}

/** An observer's bug must not change what the script sees; say so where a developer looks. */
function tell(name: string, call: () => void): void {
  try {
    call();
  } catch (error) {
    process.emitWarning(`The runtime's ${name} observer threw: ${String(error)}`);
  }
}

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
    private readonly observers: ExecutionObservers = {},
  ) {}

  get running(): boolean {
    return !this.settled;
  }

  recordFetch(entry: FetchRecord, response?: FetchedResponse): void {
    this.fetches.push(entry);
    const { onFetch } = this.observers;
    const { id: executionId, user, functionName } = this;
    if (onFetch)
      tell('onFetch', () =>
        onFetch({ executionId, user, functionName, record: entry, ...(response ? { response } : {}) }),
      );
  }

  sleep(ms: number): Promise<void> {
    const { onSleep } = this.observers;
    const { id: executionId, user, functionName } = this;
    if (onSleep) tell('onSleep', () => onSleep({ executionId, user, functionName, ms }));
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

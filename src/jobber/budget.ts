import { timeBudgetExceeded, type ConnectorError } from '../errors';
import type { Clock, PropertyStore } from '../platform';

/** Script property (seconds) overriding the default budget, e.g. for a slow account. */
export const RUNTIME_BUDGET_PROPERTY = 'JOBBER_RUNTIME_BUDGET_SECONDS';

/**
 * Well under Apps Script's 6 minutes per execution, leaving time to build the rows and answer
 * Looker Studio after the last page.
 */
export const DEFAULT_RUNTIME_BUDGET_MS = 300_000;

/** The time one execution may spend talking to Jobber, counted from when the execution started. */
export class RuntimeBudget {
  constructor(
    private readonly clock: Clock,
    readonly startedAtMs: number,
    readonly limitMs: number,
  ) {}

  remainingMs(): number {
    return Math.max(0, this.startedAtMs + this.limitMs - this.clock.now());
  }

  /** Throws the user error now rather than after a wait that would run out of time anyway. */
  assertCanWait(waitMs: number, reason: string): void {
    if (waitMs >= this.remainingMs()) throw this.exceeded(reason);
  }

  /** Before each request: the budget must not be spent already. */
  assertNotSpent(reason: string): void {
    if (this.remainingMs() <= 0) throw this.exceeded(reason);
  }

  /** The user error; `cause` is the failure that would have needed more time, if any. */
  exceeded(reason: string, cause?: unknown): ConnectorError {
    return timeBudgetExceeded(this.limitMs, reason, cause);
  }
}

/** Option first, then the script property, then the default; nonsense values fall back. */
export function runtimeBudgetMs(scriptProperties: PropertyStore, optionMs?: number): number {
  if (optionMs !== undefined && optionMs > 0) return optionMs;
  const seconds = Number((scriptProperties.getProperty(RUNTIME_BUDGET_PROPERTY) ?? '').trim());
  if (Number.isFinite(seconds) && seconds > 0 && seconds <= 340) return Math.round(seconds * 1000);
  return DEFAULT_RUNTIME_BUDGET_MS;
}

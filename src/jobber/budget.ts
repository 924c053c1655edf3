import { refreshTooLate, timeBudgetExceeded, type ConnectorError } from '../errors';
import type { Clock, PropertyStore } from '../platform';

/** Script property (seconds) overriding the default budget, e.g. for a slow account. */
export const RUNTIME_BUDGET_PROPERTY = 'JOBBER_RUNTIME_BUDGET_SECONDS';

/**
 * Well under Apps Script's 6 minutes per execution, leaving time to build the rows and answer
 * Looker Studio after the last page.
 */
export const DEFAULT_RUNTIME_BUDGET_MS = 300_000;

/** Apps Script stops an execution after 6 minutes, whatever it is doing. */
export const APPS_SCRIPT_LIMIT_MS = 360_000;

/**
 * Kept clear at the end of the budget for token renewals: a renewal is never started in the last
 * 30 s of the budget, and the budget itself ends at least 30 s before Apps Script's limit.
 */
export const RENEWAL_MARGIN_MS = 30_000;

/** The longest budget a property or option can ask for: 330 s, 30 s before Apps Script's limit. */
export const MAX_RUNTIME_BUDGET_MS = APPS_SCRIPT_LIMIT_MS - RENEWAL_MARGIN_MS;

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

  /**
   * Before a token renewal starts. With refresh-token rotation, an answer lost after Jobber rotated
   * the token ends the authorization, and Apps Script's limit stopping the execution mid-renewal is
   * one way to lose it. So no renewal starts in the last 30 s of the budget; the token stays as it
   * is, and the next execution renews it first. A budget under a minute ends more than five minutes
   * before the limit, so its first 30 s may always renew (else it could never renew at all).
   */
  assertCanStartRenewal(): void {
    const cutoffMs = Math.max(this.limitMs - RENEWAL_MARGIN_MS, RENEWAL_MARGIN_MS);
    const elapsedMs = this.clock.now() - this.startedAtMs;
    if (elapsedMs >= cutoffMs)
      throw refreshTooLate(`token renewal not started ${elapsedMs} ms into a ${this.limitMs} ms budget`);
  }

  /** The user error; `cause` is the failure that would have needed more time, if any. */
  exceeded(reason: string, cause?: unknown): ConnectorError {
    return timeBudgetExceeded(this.limitMs, reason, cause);
  }
}

/**
 * Option first, then the script property (seconds), then the default; nonsense values fall back,
 * and anything longer than 330 s is capped there, so that 30 s always remain before Apps Script's limit.
 */
export function runtimeBudgetMs(scriptProperties: PropertyStore, optionMs?: number): number {
  if (optionMs !== undefined && optionMs > 0) return Math.min(optionMs, MAX_RUNTIME_BUDGET_MS);
  const seconds = Number((scriptProperties.getProperty(RUNTIME_BUDGET_PROPERTY) ?? '').trim());
  if (Number.isFinite(seconds) && seconds > 0)
    return Math.min(Math.round(seconds * 1000), MAX_RUNTIME_BUDGET_MS);
  return DEFAULT_RUNTIME_BUDGET_MS;
}

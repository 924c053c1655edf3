import type { WorkerOutcome } from '../protocol';
import type { ExecutionResult } from '../types';
import { EXECUTION_TIMEOUT_TEXT } from './limits';
import { ServiceError } from './service-error';

/** The results of executions that ended without the script's own answer. */

export function timeoutOutcome(limitMs: number): WorkerOutcome {
  return { ok: false, error: { kind: 'timeout', text: EXECUTION_TIMEOUT_TEXT }, busyMs: limitMs };
}

export function crashOutcome(error: Error): WorkerOutcome {
  return {
    ok: false,
    error: { kind: 'exception', text: `The runtime worker failed: ${error.message}`, stack: error.stack },
    busyMs: 0,
  };
}

export function failureMessage(error: unknown): string {
  if (error instanceof ServiceError) return error.message;
  return `Internal runtime error: ${error instanceof Error ? error.message : String(error)}`;
}

export function refused(text: string): ExecutionResult {
  return { ...notRun(text), refused: true };
}

/** Nothing ran, so no execution number: executionId 0. */
export function notRun(text: string): ExecutionResult {
  return {
    executionId: 0,
    ok: false,
    error: { kind: 'exception', text },
    logs: [],
    fetches: [],
    elapsedMs: 0,
    busyMs: 0,
  };
}

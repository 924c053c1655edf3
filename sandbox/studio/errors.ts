import type { ExecutionResult } from '../runtime';

/**
 * The connector broke Looker Studio's contract: a malformed answer, or a failure that is not a
 * user error built with newUserError (Looker Studio would show an opaque "Error ID"), or no answer
 * within the time limit. Always thrown; never swallowed by the driver.
 */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
  constructor(
    readonly functionName: string,
    readonly problems: readonly string[],
    readonly execution?: ExecutionResult,
  ) {
    super(`${functionName} broke the Looker Studio contract:\n  - ${problems.join('\n  - ')}`);
  }
}

/** The connector answered with a user error: what Looker Studio shows the user (debug text to admins only). */
export class LookerUserError extends Error {
  override readonly name = 'LookerUserError';
  constructor(
    readonly functionName: string,
    readonly text: string,
    readonly debugText: string | undefined,
    readonly execution: ExecutionResult,
  ) {
    super(`${functionName} showed the user: ${text}`);
  }
}

export function isLookerUserError(error: unknown): error is LookerUserError {
  return error instanceof LookerUserError;
}

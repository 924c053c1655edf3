import { ConnectorError, describeError, redact } from '../errors';
import type { Logger, OAuthService } from '../platform';
import type { AuthOutcome } from './pages';

export interface CallbackDeps {
  readonly service: () => OAuthService;
  readonly logger: Logger;
  /** Throws the setup error when the app credentials are missing. */
  readonly requireCredentials: () => void;
  /** A new authorization may be another Jobber account: forget the old account and cached data. */
  readonly forgetPrevious: () => void;
  /** Asks Jobber which account was connected, and remembers it. */
  readonly fetchAccount: () => { readonly name: string };
}

export interface CallbackResult {
  readonly outcome: AuthOutcome;
  readonly accountName?: string;
}

/**
 * Finishes the OAuth flow from what Jobber sent to /usercallback. Jobber signals a denial by
 * redirecting with no parameters at all (jobber-api.md §2.1), so "no code" is a denial too.
 */
export function completeAuthorization(deps: CallbackDeps, request: unknown): CallbackResult {
  const parameter = parametersOf(request);
  const error = parameter.error;
  if (error === 'access_denied' || (!error && !parameter.code)) return logged(deps, { outcome: 'denied' });
  if (error) return logged(deps, { outcome: 'failed' }, `Jobber redirected with error ${error}`);
  try {
    deps.requireCredentials();
  } catch (setupError) {
    return logged(deps, { outcome: 'setup' }, describeError(setupError));
  }
  try {
    if (!deps.service().handleCallback({ ...asObject(request), parameter }))
      return logged(deps, { outcome: 'denied' });
  } catch (exchangeError) {
    return logged(deps, { outcome: 'failed' }, `token exchange failed: ${describeError(exchangeError)}`);
  }
  deps.forgetPrevious();
  return logged(deps, { outcome: 'connected', accountName: accountNameOrNothing(deps) });
}

/** The account is asked for once now; if Jobber does not answer, JobberApi.account() asks later. */
function accountNameOrNothing(deps: CallbackDeps): string | undefined {
  try {
    return deps.fetchAccount().name;
  } catch (error) {
    const code = error instanceof ConnectorError ? error.code : 'INTERNAL';
    deps.logger.log('warn', 'jobber_account_not_read', { code, error: redact(describeError(error)) });
    return undefined;
  }
}

function logged(deps: CallbackDeps, result: CallbackResult, debug?: string): CallbackResult {
  const level = result.outcome === 'connected' || result.outcome === 'denied' ? 'info' : 'warn';
  const data: Record<string, unknown> = { outcome: result.outcome };
  if (debug) data.error = redact(debug).slice(0, 300);
  deps.logger.log(level, 'jobber_authorization', data);
  return result;
}

function parametersOf(request: unknown): Record<string, string> {
  const raw = asObject(request).parameter;
  const result: Record<string, string> = {};
  if (typeof raw !== 'object' || raw === null) return result;
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string') result[name] = value;
    else if (Array.isArray(value) && typeof value[0] === 'string') result[name] = value[0];
  }
  return result;
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

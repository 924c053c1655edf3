import { ConnectorError, UNEXPECTED_PROBLEM_TEXT, describeError, redact } from '../errors';
import { appsScriptPlatform } from '../platform';
import type { Platform } from '../platform';
import { createConnector, type Connector } from './app';

/**
 * The one error boundary around every entry point. A ConnectorError reaches Looker Studio as a user
 * error with its next step; anything else is logged and becomes a generic user error whose debug
 * text (admins only) says what happened. Debug text, which carries outside text, is redacted first.
 */
export function runEntryPoint<T>(
  name: string,
  body: (connector: Connector) => T,
  platformFactory: () => Platform = appsScriptPlatform,
): T {
  const platform = platformFactory();
  try {
    return body(createConnector(platform));
  } catch (error) {
    return throwForLooker(platform, name, error);
  }
}

/** For entry points that must never throw (isAuthValid, isAdminUser): failures become `fallback`. */
export function runEntryPointOr<T>(
  name: string,
  fallback: T,
  body: (connector: Connector) => T,
  platformFactory: () => Platform = appsScriptPlatform,
): T {
  let platform: Platform | undefined;
  try {
    platform = platformFactory();
    return body(createConnector(platform));
  } catch (error) {
    platform?.logger.log('error', 'entry_point_failed', {
      entryPoint: name,
      error: redact(describeError(error)),
    });
    return fallback;
  }
}

function throwForLooker(platform: Platform, name: string, error: unknown): never {
  const known = error instanceof ConnectorError ? error : undefined;
  const debugText = redact(known ? known.debugText : describeError(error));
  platform.logger.log(known ? 'warn' : 'error', 'entry_point_failed', {
    entryPoint: name,
    code: known ? known.code : 'INTERNAL',
    error: debugText,
  });
  // User texts are ours (src/errors.ts) and carry no outside text: shown as written.
  return platform.connectorApi
    .newUserError()
    .setText(known ? known.userText : UNEXPECTED_PROBLEM_TEXT)
    .setDebugText(`${name}: ${debugText}`)
    .throwException();
}

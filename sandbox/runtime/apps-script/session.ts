import { exception, native, settings } from './bridge';

const EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

/**
 * Session: the effective user (whose authority the script runs under) and the active user (who
 * caused the execution; the same, except in a web app running as its deployer, where Apps Script
 * reveals the visitor only in some cases and answers '' otherwise). Both need the userinfo.email
 * scope when the manifest lists its scopes.
 */
export function createSession(): Record<string, unknown> {
  const user = (method: string, email: () => string) => () => {
    requireEmailScope(method);
    return { getEmail: email, toString: email };
  };
  return {
    getEffectiveUser: user('getEffectiveUser', () => settings().userEmail),
    getActiveUser: user('getActiveUser', () => settings().activeUserEmail),
    getScriptTimeZone: () => settings().timeZone,
    getActiveUserLocale: () => 'en',
    getTemporaryActiveUserKey: () =>
      native().base64Encode(
        native().digest('SHA_256', native().encodeText(settings().activeUserEmail, 'UTF-8')),
        true,
      ),
  };
}

function requireEmailScope(method: string): void {
  const scopes = settings().oauthScopes;
  if (scopes !== null && !scopes.includes(EMAIL_SCOPE))
    throw exception(
      `You do not have permission to call Session.${method}. Required permissions: ${EMAIL_SCOPE}`,
    );
}

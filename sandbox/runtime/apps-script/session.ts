import { native, settings } from './bridge';

/** Session: the execution's user is both the effective and the active user. */
export function createSession(): Record<string, unknown> {
  const user = () => ({
    getEmail: () => settings().userEmail,
    toString: () => settings().userEmail,
  });
  return {
    getEffectiveUser: user,
    getActiveUser: user,
    getScriptTimeZone: () => settings().timeZone,
    getActiveUserLocale: () => 'en',
    getTemporaryActiveUserKey: () =>
      native().base64Encode(
        native().digest('SHA_256', native().encodeText(settings().userEmail, 'UTF-8')),
        true,
      ),
  };
}

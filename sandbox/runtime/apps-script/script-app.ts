import { callHost, settings } from './bridge';
import { makeEnum } from './enums';

const DEFAULT_STATE_TOKEN_SECONDS = 60;

/** ScriptApp.newStateToken(): the builder Apps Script's /usercallback endpoint validates. */
class StateTokenBuilder {
  private method = '';
  private readonly args: Record<string, string> = {};
  private timeoutSeconds = DEFAULT_STATE_TOKEN_SECONDS;

  withMethod(name: unknown): StateTokenBuilder {
    this.method = String(name);
    return this;
  }

  withArgument(name: unknown, value: unknown): StateTokenBuilder {
    this.args[String(name)] = String(value);
    return this;
  }

  withTimeout(seconds: unknown): StateTokenBuilder {
    this.timeoutSeconds = Number(seconds);
    return this;
  }

  createToken(): string {
    const { method, args, timeoutSeconds } = this;
    return callHost({ op: 'stateToken.create', method, args, timeoutSeconds }) as string;
  }
}

export function createScriptApp(): Record<string, unknown> {
  return {
    AuthMode: makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const),
    getScriptId: () => settings().scriptId,
    /** The web app's /exec URL when the script has one, else null (as for a script never deployed as a web app). */
    getService: () => ({
      getUrl: () => settings().webAppUrl,
      isEnabled: () => settings().webAppUrl !== null,
    }),
    newStateToken: () => new StateTokenBuilder(),
    // The user's access token for this script's OAuth client, with the manifest's oauthScopes.
    getOAuthToken: () => callHost({ op: 'oauth.token' }) as string,
  };
}

/**
 * Identity of the local Apps Script project the runtime emulates. The sandbox's demo Jobber app
 * registers its OAuth callback by default, as a real Jobber app registers the script's callback.
 */
export const LOCAL_SCRIPT_ID = 'local-jobber-connector-script';

/** Where Apps Script serves a script's web endpoints; the local runtime can be told another origin. */
export const APPS_SCRIPT_ORIGIN = 'https://script.google.com';

/** The script's OAuth callback, as the OAuth2 library builds it: `<origin>/macros/d/<scriptId>/usercallback`. */
export function scriptCallbackUrl(origin: string, scriptId: string): string {
  return `${origin}/macros/d/${encodeURIComponent(scriptId)}/usercallback`;
}

export const LOCAL_REDIRECT_URI = scriptCallbackUrl(APPS_SCRIPT_ORIGIN, LOCAL_SCRIPT_ID);

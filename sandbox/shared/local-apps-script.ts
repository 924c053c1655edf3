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

/** The Google account that owns (and deploys) the local project, unless a runtime is told another. */
export const LOCAL_SCRIPT_OWNER = 'owner@example.com';

/** The local project's deployment: its web app URL and Looker Studio's connector id. */
export const LOCAL_DEPLOYMENT_ID = 'local-jobber-connector-deployment';

/** A deployment's web app, as Apps Script serves it: `<origin>/macros/s/<deploymentId>/exec`. */
export function scriptWebAppUrl(origin: string, deploymentId: string): string {
  return `${origin}/macros/s/${encodeURIComponent(deploymentId)}/exec`;
}

import {
  APPS_SCRIPT_ORIGIN,
  scriptCallbackUrl,
  scriptWebAppUrl,
} from '../../sandbox/shared/local-apps-script';
import { lookerStudioLink, readScopeAreas } from '../../src/setup/jobber-app';

export interface Deployed {
  readonly scriptId: string;
  readonly deploymentId: string;
}

/** The Jobber app's callback, as the OAuth2 library builds it for the script. */
export function callbackUrl(scriptId: string): string {
  return scriptCallbackUrl(APPS_SCRIPT_ORIGIN, scriptId);
}

/** The deployment's web app: the owner's setup page. */
export function setupPageUrl(deploymentId: string): string {
  return scriptWebAppUrl(APPS_SCRIPT_ORIGIN, deploymentId);
}

/** What to do next, in order: register the app, tick the scopes, open the setup page, open Looker Studio. */
export function summaryLines({ scriptId, deploymentId }: Deployed): string[] {
  return [
    '',
    'Deployed. Next, in this order:',
    '',
    '1. In the Jobber Developer Center (https://developer.getjobber.com/), create an app (or open yours)',
    '   with exactly this OAuth Callback URL:',
    `     ${callbackUrl(scriptId)}`,
    '2. Tick the read scope of each area you will report on (no write scope is needed):',
    `     ${readScopeAreas()}`,
    '   Save the app and copy its Client ID and Client Secret.',
    '3. Open the setup page (only your Google account can) and paste them; it checks them with Jobber at once:',
    `     ${setupPageUrl(deploymentId)}`,
    '4. Add a Jobber data source in Looker Studio:',
    `     ${lookerStudioLink(deploymentId)}`,
    '',
    'Running npm run setup again later updates this same deployment: the links and your reports keep working.',
  ];
}

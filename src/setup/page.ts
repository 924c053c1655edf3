import { describeError, redact } from '../errors';
import { jobberEndpoints } from '../jobber';
import type { HtmlPage, Platform } from '../platform';
import { checkCredentials, type CredentialsVerdict } from './credentials-check';
import { issueFormToken, redeemFormToken } from './form-token';
import { SETUP_PAGE_TITLE, messagePageHtml, setupPageHtml, type Notice, type SetupView } from './html';
import { deploymentIdOf, lookerStudioLink } from './jobber-app';
import { formOf, readSettings, saveSettings, secretToUse, validateForm, type SetupForm } from './settings';

/** The owner's setup page: the script's web app (doGet shows the form, doPost saves and checks). */
export interface SetupPage {
  doGet(event: unknown): HtmlPage;
  doPost(event: unknown): HtmlPage;
}

const NOT_OWNER = {
  heading: "This page is only for the connector's owner",
  text:
    'Open it signed in to the Google account that deployed the connector (the one that ran ' +
    '"npm run setup"). Nothing was read or changed.',
};
const FAILED = {
  heading: 'The setup page hit a problem',
  text:
    'Reload the page to see what is stored, and try again. If it happens again, report it on the ' +
    "connector's support page with the time it happened.",
};
const EXPIRED =
  'This form had expired or did not come from this page, so nothing was saved. Check the values ' +
  'and save again.';
const REJECTED =
  'Nothing was saved: Jobber rejected this Client ID and Secret (invalid_client). Copy both again ' +
  'from the Jobber Developer Center (your app, "…" menu); the secret may have been rolled there.';
const APP_CHANGED =
  'The Jobber app changed: everyone who connected a data source must reconnect it (Looker Studio: ' +
  'edit the data source, then Reconnect).';

export function createSetupPage(platform: Platform): SetupPage {
  const serve = (entryPoint: string, body: (owner: string) => string) =>
    platform.htmlPage(guarded(platform, entryPoint, body), SETUP_PAGE_TITLE);
  return {
    doGet: () => serve('doGet', (owner) => setupPageHtml(view(platform, owner, []))),
    doPost: (event) => serve('doPost', (owner) => setupPageHtml(afterPost(platform, owner, formOf(event)))),
  };
}

/** Refuses anyone but the owner; turns any failure into a page without details. */
function guarded(platform: Platform, entryPoint: string, body: (owner: string) => string): string {
  try {
    const owner = ownerOrNull(platform);
    if (owner === null) {
      platform.logger.log('warn', 'setup_page', { entryPoint, outcome: 'not_owner' });
      return messagePageHtml(NOT_OWNER.heading, NOT_OWNER.text);
    }
    return body(owner);
  } catch (error) {
    platform.logger.log('error', 'setup_page', {
      entryPoint,
      outcome: 'failed',
      error: redact(describeError(error)),
    });
    return messagePageHtml(FAILED.heading, FAILED.text);
  }
}

/**
 * The web app opens only for its owner (manifest: access MYSELF) and runs as them; checked here
 * again so a changed deployment setting cannot expose the page: the visitor must be the effective user.
 */
function ownerOrNull(platform: Platform): string | null {
  try {
    const effective = platform.effectiveUserEmail().trim().toLowerCase();
    const active = platform.activeUserEmail().trim().toLowerCase();
    return effective !== '' && active === effective ? effective : null;
  } catch {
    return null;
  }
}

function afterPost(platform: Platform, owner: string, form: SetupForm): SetupView {
  const typed = { clientId: form.clientId.trim(), adminEmails: form.adminEmails };
  const outcome = (result: string, notices: Notice[], keepTyped = true): SetupView => {
    platform.logger.log(notices.some((n) => n.tone === 'error') ? 'warn' : 'info', 'setup_page', {
      entryPoint: 'doPost',
      outcome: result,
    });
    return view(platform, owner, notices, keepTyped ? typed : undefined);
  };
  if (!redeemFormToken(platform.userCache, form.formToken))
    return outcome('expired', [{ tone: 'error', text: EXPIRED }]);
  const validation = validateForm(form, readSettings(platform.scriptProperties));
  if (!validation.ok)
    return outcome(
      'invalid',
      validation.problems.map((text) => ({ tone: 'error', text })),
    );
  const { settings } = validation;
  const verdict = checkCredentials(platform.http, {
    tokenUrl: jobberEndpoints(platform.scriptProperties).token,
    redirectUri: callbackUrl(platform),
    clientId: settings.clientId,
    clientSecret: secretToUse(platform.scriptProperties, settings),
  });
  if (verdict.kind === 'rejected') return outcome('rejected', [{ tone: 'error', text: REJECTED }]);
  const { appChanged } = saveSettings(platform.scriptProperties, settings);
  const notices = [
    verdictNotice(verdict),
    ...(appChanged ? [{ tone: 'warn', text: APP_CHANGED } as const] : []),
  ];
  return outcome(`saved_${verdict.kind}`, notices, false);
}

function verdictNotice(verdict: Exclude<CredentialsVerdict, { kind: 'rejected' }>): Notice {
  if (verdict.kind === 'accepted')
    return { tone: 'ok', text: 'Saved. Jobber accepted the Client ID and Secret: the connector is ready.' };
  return {
    tone: 'warn',
    text:
      `Saved, but the credentials could not be checked: ${verdict.reason}. The connector uses them ` +
      'as saved; save again later to check them.',
  };
}

function view(platform: Platform, owner: string, notices: Notice[], typed?: SetupView['typed']): SetupView {
  const actionUrl = platform.webAppUrl() ?? '';
  const deploymentId = deploymentIdOf(actionUrl);
  return {
    notices,
    stored: readSettings(platform.scriptProperties),
    ...(typed ? { typed } : {}),
    ownerEmail: owner,
    formToken: issueFormToken(platform.userCache, () => platform.uuid()),
    actionUrl,
    callbackUrl: callbackUrl(platform),
    lookerLink: deploymentId ? lookerStudioLink(deploymentId) : null,
  };
}

/** The OAuth callback the connector registers with Jobber, as the OAuth2 library builds it. */
function callbackUrl(platform: Platform): string {
  return platform.oauth2Environment().library.getRedirectUri();
}

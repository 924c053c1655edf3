/**
 * The pages authCallback shows in the browser tab Jobber redirected to. Static text only: no token,
 * code, secret or error text from the request ever reaches them (the account name is escaped).
 */

export type AuthOutcome = 'connected' | 'denied' | 'failed' | 'setup';

export const AUTH_PAGE_TITLE = 'Jobber connector';

const CLOSE_TAB = 'You can close this tab and return to Looker Studio.';

const PAGES: Readonly<Record<AuthOutcome, { readonly heading: string; readonly text: string }>> = {
  connected: {
    heading: 'Connected to Jobber',
    text: `Your Jobber account is connected. ${CLOSE_TAB}`,
  },
  denied: {
    heading: 'Jobber access was not granted',
    text:
      'The connector cannot read your Jobber data until you allow it. To try again, return to ' +
      'Looker Studio, click "Authorize" and choose "Allow access" on the Jobber page.',
  },
  failed: {
    heading: 'Connecting to Jobber did not work',
    text:
      'Jobber did not complete the authorization (the link may have expired or already been used). ' +
      'Return to Looker Studio and click "Authorize" to start again. If it keeps failing, report it ' +
      "on the connector's support page with the time it happened.",
  },
  setup: {
    heading: 'This connector is not set up yet',
    text:
      'Its administrator must add the Jobber app credentials (script properties JOBBER_CLIENT_ID and ' +
      'JOBBER_CLIENT_SECRET) to the Apps Script project. Then try connecting again.',
  },
};

/** The setup outcome's next step when the owner's setup page is deployed. */
const SETUP_PAGE_STEP =
  "Its administrator must open the connector's setup page and enter the Jobber app's Client ID and " +
  'Client Secret. Then try connecting again.';

export function authPageHtml(
  outcome: AuthOutcome,
  accountName?: string,
  setupPageUrl?: string | null,
): string {
  const page = PAGES[outcome];
  const account = accountName ? `<p>Jobber account: <strong>${escapeHtml(accountName)}</strong></p>` : '';
  const text =
    outcome === 'setup' && setupPageUrl
      ? `${SETUP_PAGE_STEP} <a href="${escapeHtml(setupPageUrl)}" target="_blank" rel="noopener">Setup page</a>`
      : page.text;
  return [
    '<!DOCTYPE html>',
    `<html><head><meta charset="utf-8"><title>${AUTH_PAGE_TITLE}</title></head>`,
    '<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.5">',
    `<h1>${page.heading}</h1>`,
    account,
    `<p>${text}</p>`,
    '</body></html>',
  ].join('\n');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

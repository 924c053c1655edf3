import { escapeHtml } from '../auth';
import { JOBBER_READ_SCOPES } from './jobber-app';
import type { StoredSettings } from './settings';

export const SETUP_PAGE_TITLE = 'Jobber connector setup';

export interface Notice {
  readonly tone: 'ok' | 'warn' | 'error';
  /** Plain text; escaped when rendered. */
  readonly text: string;
}

export interface SetupView {
  readonly notices: readonly Notice[];
  readonly stored: StoredSettings;
  /** What the owner typed, shown again after a problem (never the secret). */
  readonly typed?: { readonly clientId: string; readonly adminEmails: string };
  /** Prefilled admin email when none is stored: the owner's own. */
  readonly ownerEmail: string;
  readonly formToken: string;
  /** Where the form posts: this web app's URL. */
  readonly actionUrl: string;
  readonly callbackUrl: string;
  readonly lookerLink: string | null;
}

const STYLE = [
  'body{font-family:sans-serif;max-width:44em;margin:2em auto;padding:0 1em;line-height:1.5}',
  'label{display:block;margin:1em 0 .2em;font-weight:bold}',
  'input{width:100%;padding:.4em;box-sizing:border-box;font:inherit}',
  'button{margin-top:1.2em;padding:.5em 1.2em;font:inherit}',
  'code{background:#f3f3f3;padding:.1em .3em;word-break:break-all}',
  '.notice{padding:.6em 1em;border-radius:4px;margin:1em 0}',
  '.ok{background:#e6f4ea}.warn{background:#fef7e0}.error{background:#fce8e6}',
  '.hint{color:#555;font-size:.9em;margin:.2em 0}',
].join('');

function page(body: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${SETUP_PAGE_TITLE}</title><style>${STYLE}</style></head><body>`,
    ...body,
    '</body></html>',
  ].join('\n');
}

export function setupPageHtml(view: SetupView): string {
  return page([
    `<h1>${SETUP_PAGE_TITLE}</h1>`,
    ...view.notices.map((notice) => `<p class="notice ${notice.tone}">${escapeHtml(notice.text)}</p>`),
    ...jobberAppSection(view.callbackUrl),
    ...formSection(view),
    ...lookerSection(view.lookerLink),
  ]);
}

function jobberAppSection(callbackUrl: string): string[] {
  const scopes = JOBBER_READ_SCOPES.map((scope) => `<li>${escapeHtml(scope.area)}: read</li>`);
  return [
    '<h2>1. Your Jobber app</h2>',
    '<p>In the <a href="https://developer.getjobber.com/" target="_blank" rel="noopener">Jobber ' +
      'Developer Center</a>, create an app (or open yours) with this exact OAuth Callback URL:</p>',
    `<p><code>${escapeHtml(callbackUrl)}</code></p>`,
    '<p>Tick the read scope of each area you will report on (no write scope is needed):</p>',
    `<ul>${scopes.join('')}</ul>`,
    "<p>Save it, then copy the app's Client ID and Client Secret.</p>",
  ];
}

function formSection(view: SetupView): string[] {
  const clientId = view.typed?.clientId ?? view.stored.clientId;
  const adminEmails = view.typed?.adminEmails ?? (view.stored.adminEmails.join(', ') || view.ownerEmail);
  const secretState = view.stored.hasSecret
    ? 'A secret is stored. Leave this empty to keep it, or paste a new one.'
    : 'No secret is stored yet.';
  return [
    '<h2>2. Its credentials</h2>',
    `<form method="post" action="${escapeHtml(view.actionUrl)}" target="_top" autocomplete="off">`,
    `<input type="hidden" name="formToken" value="${escapeHtml(view.formToken)}">`,
    '<label for="clientId">Client ID</label>',
    `<input id="clientId" name="clientId" value="${escapeHtml(clientId)}" required spellcheck="false">`,
    '<label for="clientSecret">Client Secret</label>',
    '<input id="clientSecret" name="clientSecret" type="password" autocomplete="new-password" spellcheck="false">',
    `<p class="hint">${escapeHtml(secretState)} It is never shown again.</p>`,
    '<label for="adminEmails">Admin emails</label>',
    `<input id="adminEmails" name="adminEmails" value="${escapeHtml(adminEmails)}" spellcheck="false">`,
    '<p class="hint">Google accounts (comma separated) that see error details in Looker Studio.</p>',
    '<button type="submit">Save and check with Jobber</button>',
    '</form>',
  ];
}

function lookerSection(lookerLink: string | null): string[] {
  const link = lookerLink
    ? `<p><a href="${escapeHtml(lookerLink)}" target="_blank" rel="noopener">Add a Jobber data source in Looker Studio</a></p>`
    : '<p>Open the Looker Studio link that <code>npm run setup</code> printed.</p>';
  return ['<h2>3. Connect in Looker Studio</h2>', link];
}

/** A page that serves no form: not the owner, or something went wrong. */
export function messagePageHtml(heading: string, text: string): string {
  return page([`<h1>${escapeHtml(heading)}</h1>`, `<p>${escapeHtml(text)}</p>`]);
}

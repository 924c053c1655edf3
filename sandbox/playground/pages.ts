/**
 * Pages the playground serves as the Apps Script host: the script's /usercallback answer (the
 * connector's authCallback page, shown as Apps Script shows an HtmlOutput: in a sandboxed frame)
 * and Apps Script's own error page when it refuses the callback before any script code runs.
 */
import { escapeHtml } from './http';
import type { CallbackLanding, ShownError } from './session';

const CALLBACK_BAR = 'Apps Script (local runtime) · <code>/usercallback</code>';

function layout(title: string, body: string, bar = CALLBACK_BAR): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="stylesheet" href="/style.css">',
    '<script src="/callback.js" defer></script>',
    '</head><body class="callback">',
    `<header class="host-bar">${bar}</header>`,
    body,
    '<p class="callback-actions"><button type="button" id="close-window">Close this window</button>',
    ' <a href="/" id="back-to-playground">Back to the playground</a></p>',
    '</body></html>',
  ].join('\n');
}

/** The connector's page in a sandboxed frame (no scripts, its own origin), with its title. */
export function callbackPage(landing: CallbackLanding): string {
  const page = landing.page;
  if (!page) return appsScriptErrorPage(landing.refusal ?? 'The request was refused.');
  const frame = `<iframe class="html-output" title="${escapeHtml(page.title)}" sandbox srcdoc="${escapeHtml(page.html)}"></iframe>`;
  const state = `<p class="auth-state" data-authorized="${String(landing.valid)}">isAuthValid() now answers <strong>${String(landing.valid)}</strong>.</p>`;
  return layout(page.title || 'Authorization', `${frame}\n${state}`);
}

/** What Apps Script shows when /usercallback refuses the request (bad or missing state token). */
export function appsScriptErrorPage(text: string): string {
  return layout(
    'Error',
    `<main class="apps-script-error"><h1>Error</h1><p id="refusal">${escapeHtml(text)}</p>` +
      '<p class="note">Apps Script refused the callback before running any connector code.</p></main>',
  );
}

/** Looker Studio could not start the authorization (e.g. the connector is not set up). */
export function authorizeErrorPage(error: ShownError): string {
  const text =
    error.kind === 'user'
      ? error.text
      : error.kind === 'contract'
        ? `The connector broke the Looker Studio contract in ${error.functionName}: ${error.problems.join('; ')}`
        : error.message;
  const debug =
    error.kind === 'user' && error.debugText
      ? `<pre class="debug-text">${escapeHtml(error.debugText)}</pre>`
      : '';
  return layout(
    'Cannot authorize',
    `<main class="apps-script-error"><h1>Cannot start the authorization</h1><p id="refusal">${escapeHtml(text)}</p>${debug}</main>`,
    'Looker Studio (the playground) · <code>/authorize</code>',
  );
}

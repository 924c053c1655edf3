/** An Apps Script project id: typed as is, or found in a pasted editor URL. */

export type ScriptIdResult = { readonly scriptId: string } | { readonly problem: string };

const ID = /^[A-Za-z0-9_-]{20,120}$/;
const EDITOR_PAGES =
  /^(?:\/u\/\d+)?\/home\/projects\/([^/]+)(?:\/(?:edit|settings|overview|triggers|executions))?\/?$/;
const LEGACY_EDITOR = /^(?:\/u\/\d+)?\/d\/([^/]+)\/edit\/?$/;

const WHERE =
  'Paste the Script ID (Apps Script editor → Project Settings → IDs) or the editor URL, ' +
  'like https://script.google.com/home/projects/<id>/edit.';

export function parseScriptId(input: string): ScriptIdResult {
  const text = input.trim();
  if (text === '') return { problem: `Nothing was given. ${WHERE}` };
  if (!/^[a-z]+:\/\//i.test(text)) return idOrProblem(text, 'That');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: `That is not a URL. ${WHERE}` };
  }
  if (url.hostname === 'drive.google.com' || url.hostname === 'docs.google.com')
    return {
      problem:
        'That is a Google Drive or Docs link. The connector needs a standalone Apps Script project: ' +
        `open it at https://script.google.com. ${WHERE}`,
    };
  if (url.protocol !== 'https:' || url.hostname !== 'script.google.com')
    return { problem: `That is a link to ${url.host}, not to the Apps Script editor. ${WHERE}` };
  const path = url.pathname;
  if (/\/macros\/s\//.test(path))
    return {
      problem:
        'That is a deployment URL (the id after /macros/s/ is a deployment id, not the script id). ' + WHERE,
    };
  if (/\/macros\/d\//.test(path))
    return { problem: `That is the script's OAuth callback URL, not the editor. ${WHERE}` };
  const match = EDITOR_PAGES.exec(path) ?? LEGACY_EDITOR.exec(path);
  if (!match?.[1]) return { problem: `That script.google.com page does not name a project. ${WHERE}` };
  return idOrProblem(decodeURIComponent(match[1]), 'The id in that URL');
}

function idOrProblem(candidate: string, what: string): ScriptIdResult {
  if (ID.test(candidate)) return { scriptId: candidate };
  const why =
    candidate.length < 20
      ? `is ${candidate.length} characters long; Apps Script ids are about 57`
      : 'has characters an Apps Script id never has (only letters, digits, - and _)';
  return {
    problem: `${what} (${candidate.length > 60 ? `${candidate.slice(0, 57)}…` : candidate}) ${why}. ${WHERE}`,
  };
}

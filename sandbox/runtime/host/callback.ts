/** Apps Script's /usercallback endpoint: what it accepts and the request object it builds. */

export interface ParsedCallback {
  readonly url: URL;
  readonly state: string | null;
}

export function parseCallbackUrl(
  callbackUrl: string,
  redirectUri: string,
): ParsedCallback | { problem: string } {
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    return { problem: `Not a URL: ${callbackUrl}` };
  }
  if (url.origin + url.pathname !== redirectUri)
    return { problem: `Not this script's callback (${redirectUri}): ${url.origin}${url.pathname}` };
  return { url, state: url.searchParams.get('state') };
}

/**
 * The event object the named function receives: the query parameters, with the state token's
 * arguments merged into `parameter` (the arguments win a name clash).
 */
export function callbackRequest(url: URL, args: Readonly<Record<string, string>>): Record<string, unknown> {
  const parameter: Record<string, string> = {};
  const parameters: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) {
    if (!(name in parameter)) parameter[name] = value;
    (parameters[name] ??= []).push(value);
  }
  for (const [name, value] of Object.entries(args)) {
    parameter[name] = value;
    parameters[name] = [value];
  }
  return {
    parameter,
    parameters,
    queryString: url.search.replace(/^\?/, ''),
    contextPath: '',
    contentLength: -1,
  };
}

/**
 * Apps Script's web app endpoint (`/macros/s/<deploymentId>/exec`): who may open it, whom the
 * script runs as, and the event object doGet/doPost receive.
 */
import type { WebAppConfig } from './manifest';

export type WebAppMethod = 'GET' | 'POST';

/** Query parameters (GET) or form fields (POST, form-encoded); a list repeats the name. */
export type WebAppParams = Readonly<Record<string, string | readonly string[]>>;

/** What Google shows instead of running the script. */
export const NO_WEB_APP_TEXT = 'Sorry, the file you have requested does not exist.';
export const ACCESS_DENIED_TEXT =
  'You need access: this web app is shared only with its owner. Sign in with an account that has access.';
export const NO_OUTPUT_TEXT = 'The script completed but did not return anything.';

export interface WebAppIdentity {
  /** The effective user: whose authority, properties, cache and lock the execution uses. */
  readonly user: string;
  /** What Session.getActiveUser() reveals: '' where Apps Script hides the visitor. */
  readonly activeUser: string;
}

/**
 * Decides whether `visitor` ('' = not signed in) may open the web app of a script owned by
 * `owner`, and as whom it then runs. Executing as the deployer, the visitor's address is revealed
 * only to the owner and to visitors of the owner's Workspace domain (Session.getActiveUser docs).
 */
export function webAppIdentity(
  config: WebAppConfig | null | undefined,
  owner: string,
  visitor: string,
): WebAppIdentity | { readonly refused: string } {
  if (!config) return { refused: NO_WEB_APP_TEXT };
  if (!mayOpen(config, owner, visitor)) return { refused: ACCESS_DENIED_TEXT };
  if (config.executeAs === 'USER_ACCESSING') return { user: visitor, activeUser: visitor };
  const revealed = visitor !== '' && (visitor === owner || domainOf(visitor) === domainOf(owner));
  return { user: owner, activeUser: revealed ? visitor : '' };
}

function mayOpen(config: WebAppConfig, owner: string, visitor: string): boolean {
  switch (config.access) {
    case 'MYSELF':
      return visitor === owner;
    case 'DOMAIN':
      return visitor !== '' && domainOf(visitor) === domainOf(owner);
    case 'ANYONE': // anyone signed in to a Google account
      return visitor !== '';
    case 'ANYONE_ANONYMOUS':
      return config.executeAs === 'USER_DEPLOYING' || visitor !== '';
  }
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * The event object: `parameter` (first value of each name), `parameters` (all values), the query
 * string, and for a POST the form-encoded body in `postData`, whose fields Apps Script also puts in
 * `parameter` and `parameters`.
 */
export function webAppEvent(method: WebAppMethod, params: WebAppParams): Record<string, unknown> {
  const pairs = Object.entries(params).flatMap(([name, value]) =>
    (typeof value === 'string' ? [value] : [...value]).map((one): [string, string] => [name, one]),
  );
  const encoded = new URLSearchParams(pairs).toString();
  const parameter: Record<string, string> = {};
  const parameters: Record<string, string[]> = {};
  for (const [name, value] of pairs) {
    if (!(name in parameter)) parameter[name] = value;
    (parameters[name] ??= []).push(value);
  }
  const common = { parameter, parameters, contextPath: '' };
  if (method === 'GET') return { ...common, queryString: encoded, contentLength: -1 };
  const length = Buffer.byteLength(encoded, 'utf8');
  return {
    ...common,
    queryString: '',
    contentLength: length,
    postData: { length, type: 'application/x-www-form-urlencoded', contents: encoded, name: 'postData' },
  };
}

import type { AccountData } from '../../../sandbox/jobber/data/account-data';
import { ACCOUNT_SPECS } from '../../../sandbox/jobber/data/accounts';
import { generateAccount } from '../../../sandbox/jobber/data/generate';
import type { SandboxHandle } from '../../../sandbox/jobber/harness';

export const VERSION = '2025-04-16';

export interface GraphqlResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    extensions?: {
      cost: {
        requestedQueryCost: number;
        actualQueryCost: number;
        throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
      };
      versioning: { version: string; warning?: string };
    };
    message?: string;
    error?: unknown;
  };
}

/** POSTs a GraphQL query to the sandbox as the connector does (JSON, Bearer token, version header). */
export async function graphql(
  sandbox: Pick<SandboxHandle, 'baseUrl' | 'demo'>,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string | null; version?: string | null; contentType?: string; body?: string } = {},
): Promise<GraphqlResponse> {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
  const token = options.token === undefined ? sandbox.demo.accessToken : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const version = options.version === undefined ? VERSION : options.version;
  if (version !== null) headers['x-jobber-graphql-version'] = version;
  const response = await fetch(`${sandbox.baseUrl}/api/graphql`, {
    method: 'POST',
    headers,
    body: options.body ?? JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: GraphqlResponse['body'];
  try {
    body = JSON.parse(text) as GraphqlResponse['body'];
  } catch {
    body = { message: text };
  }
  return { status: response.status, headers: response.headers, body };
}

/** The `data` of a successful query; fails the test with the errors otherwise. */
export async function data<T = Record<string, unknown>>(
  sandbox: Pick<SandboxHandle, 'baseUrl' | 'demo'>,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await graphql(sandbox, query, variables, { token });
  if (response.status !== 200 || response.body.errors || !response.body.data) {
    throw new Error(`Query failed: HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 800)}`);
  }
  return response.body.data as T;
}

export async function tokenRequest(
  sandbox: Pick<SandboxHandle, 'baseUrl'>,
  params: Record<string, string>,
  contentType = 'application/x-www-form-urlencoded',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const body =
    contentType === 'application/json' ? JSON.stringify(params) : new URLSearchParams(params).toString();
  const response = await fetch(`${sandbox.baseUrl}/api/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export function refreshParams(
  sandbox: Pick<SandboxHandle, 'app'>,
  refreshToken: string,
): Record<string, string> {
  return {
    grant_type: 'refresh_token',
    client_id: sandbox.app.clientId,
    client_secret: sandbox.app.clientSecret,
    refresh_token: refreshToken,
  };
}

/** Follows GET /api/oauth/authorize without following the redirect; returns the Location. */
export async function authorize(
  sandbox: Pick<SandboxHandle, 'baseUrl'>,
  params: Record<string, string>,
): Promise<{ status: number; location: string | null; body: string }> {
  const response = await fetch(
    `${sandbox.baseUrl}/api/oauth/authorize?${new URLSearchParams(params).toString()}`,
    { redirect: 'manual' },
  );
  return { status: response.status, location: response.headers.get('location'), body: await response.text() };
}

export function jwtPayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * Every node of a root connection, page by page (100 at a time), for the given arguments written
 * as GraphQL (e.g. `filter: { status: paid }`). Returns the selected fields of each node.
 */
export async function readAll<T = { id: string }>(
  sandbox: Pick<SandboxHandle, 'baseUrl' | 'demo'>,
  field: string,
  args = '',
  selection = 'id',
  token?: string,
): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const query = `query($after: String) { ${field}(first: 100, after: $after ${args ? `, ${args}` : ''}) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`;
    const result: Record<
      string,
      { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }
    > = await data(sandbox, query, { after }, token);
    const connection = result[field];
    if (!connection) throw new Error(`No ${field} in the answer`);
    nodes.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage) return nodes;
    after = connection.pageInfo.endCursor;
  }
}

export const ids = (nodes: readonly { id: string }[]): string[] => nodes.map((node) => node.id);
export const time = (iso: unknown): number => (typeof iso === 'string' ? Date.parse(iso) : NaN);
export const sorted = (values: readonly string[]): string[] => [...values].sort();

/** What the GraphQL resolvers see for a query by the account's first user, without a server. */
export function executionContext(account: AccountData) {
  return {
    data: account,
    userId: account.records.users[0]?.id ?? 0,
    appName: 'test',
    now: account.generatedAt,
    disconnectApp: () => undefined,
  };
}

/** The first account, tiny and seeded, generated without a server at `now`: the data-level tests' account. */
export function tinyAccount(now: number): AccountData {
  const spec = ACCOUNT_SPECS[0];
  if (!spec) throw new Error('no account spec');
  return generateAccount(spec, { size: 'tiny', seed: 5, now });
}

import { execFileSync } from 'node:child_process';
import { LOCAL_REDIRECT_URI } from '../../../sandbox/shared/local-apps-script';
import { startSandbox, type SandboxHandle } from '../../../sandbox/jobber/harness';
import { VERSION } from './support';

/**
 * The sequence docs/sandbox.md documents, run for real: authorize → token → paginated query →
 * refresh → the old refresh token rejected. With curl when it is installed, else Node's fetch.
 */
let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'tiny' });
});
afterAll(() => sandbox.stop());

interface HttpResult {
  status: number;
  location: string | null;
  body: string;
}

function hasCurl(): boolean {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const CURL = hasCurl();

async function request(
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<HttpResult> {
  if (CURL) {
    const args = ['-s', '-X', method, '-o', '-', '-w', '\n%{http_code}\n%{redirect_url}', url];
    for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
    if (body !== undefined) args.push('--data-binary', body);
    const lines = execFileSync('curl', args, { encoding: 'utf8' }).split('\n');
    const location = lines.pop() ?? '';
    const status = Number(lines.pop());
    return { status, location: location === '' ? null : location, body: lines.join('\n') };
  }
  const response = await fetch(url, { method, headers, body, redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), body: await response.text() };
}

const form = (params: Record<string, string>): string => new URLSearchParams(params).toString();
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

it(`runs the documented sequence end to end (${CURL ? 'curl' : 'fetch'})`, async () => {
  const { clientId, clientSecret } = sandbox.app;
  const query = form({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: LOCAL_REDIRECT_URI,
    state: 'xyz',
  });
  const authorized = await request('GET', `${sandbox.baseUrl}/api/oauth/authorize?${query}`, {});
  expect(authorized.status).toBe(302);
  const callback = new URL(authorized.location ?? '');
  expect(callback.searchParams.get('state')).toBe('xyz');
  const code = callback.searchParams.get('code') ?? '';

  const exchange = form({
    grant_type: 'authorization_code',
    client_id: clientId,
    client_secret: clientSecret,
    code,
    redirect_uri: LOCAL_REDIRECT_URI,
  });
  const tokens = JSON.parse(
    (await request('POST', `${sandbox.baseUrl}/api/oauth/token`, FORM, exchange)).body,
  ) as Record<string, string>;
  expect(Object.keys(tokens).sort()).toEqual(['access_token', 'refresh_token']);

  const headers = {
    'Content-Type': 'application/json',
    'X-JOBBER-GRAPHQL-VERSION': VERSION,
    Authorization: `Bearer ${tokens.access_token}`,
  };
  const page =
    'query($after: String) { invoices(first: 50, after: $after) { nodes { id invoiceNumber } pageInfo { hasNextPage endCursor } } }';
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const result = await request(
      'POST',
      `${sandbox.baseUrl}/api/graphql`,
      headers,
      JSON.stringify({ query: page, variables: { after } }),
    );
    expect(result.status).toBe(200);
    const invoices = (
      JSON.parse(result.body) as {
        data: {
          invoices: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        };
      }
    ).data.invoices;
    ids.push(...invoices.nodes.map((node) => node.id));
    if (!invoices.pageInfo.hasNextPage) break;
    after = invoices.pageInfo.endCursor;
  }
  const invoiceCount = (await sandbox.control.recordCounts(sandbox.demo.accountId)).invoices;
  expect(ids).toHaveLength(invoiceCount);
  expect(new Set(ids).size).toBe(invoiceCount);

  const refresh = form({
    grant_type: 'refresh_token',
    client_id: clientId,
    client_secret: clientSecret,
    refresh_token: tokens.refresh_token ?? '',
  });
  const refreshed = await request('POST', `${sandbox.baseUrl}/api/oauth/token`, FORM, refresh);
  expect(refreshed.status).toBe(200);
  expect((JSON.parse(refreshed.body) as Record<string, string>).refresh_token).not.toBe(tokens.refresh_token);

  const reused = await request('POST', `${sandbox.baseUrl}/api/oauth/token`, FORM, refresh);
  expect(reused.status).toBe(400);
  expect(JSON.parse(reused.body)).toEqual(expect.objectContaining({ error: 'invalid_grant' }));
});

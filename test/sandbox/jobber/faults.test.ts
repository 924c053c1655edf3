import type { PageShapeFault } from '../../../sandbox/jobber/control-types';
import { startSandbox, type SandboxHandle } from '../../../sandbox/jobber/harness';
import { graphql, refreshParams, tokenRequest } from './support';

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'tiny' });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.control.reset());

const QUERY = '{ account { id } }';
const PAGE =
  'query Invoices($after: String) { invoices(first: 20, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }';

describe('scripted faults on the GraphQL endpoint', () => {
  it.each([
    [{ kind: 'http', status: 500 } as const, 500],
    [{ kind: 'http', status: 502 } as const, 502],
    [{ kind: 'http', status: 503 } as const, 503],
    [{ kind: 'unavailable' } as const, 503],
    [{ kind: 'unauthorized' } as const, 401],
    [{ kind: 'disconnected' } as const, 401],
    [{ kind: 'inactiveAccount' } as const, 403],
    [{ kind: 'rateLimited', retryAfterSeconds: 7 } as const, 429],
  ])('%j answers HTTP %i once, then the next request is normal', async (fault, status) => {
    await sandbox.control.faults.inject(fault);
    expect((await graphql(sandbox, QUERY)).status).toBe(status);
    expect((await graphql(sandbox, QUERY)).status).toBe(200);
  });

  it('sends Jobber’s bodies for the documented situations', async () => {
    await sandbox.control.faults.inject({ kind: 'disconnected' });
    expect((await graphql(sandbox, QUERY)).body.message).toBe(
      'User has disconnected this app from their account. Please delete this token',
    );
    await sandbox.control.faults.inject({ kind: 'inactiveAccount' });
    expect((await graphql(sandbox, QUERY)).body.error).toEqual({ message: 'This account is not active' });
    await sandbox.control.faults.inject({ kind: 'unavailable' });
    expect((await graphql(sandbox, QUERY)).body.message).toBe('Service temporarily unavailable');
    await sandbox.control.faults.inject({ kind: 'rateLimited', retryAfterSeconds: 7 });
    expect((await graphql(sandbox, QUERY)).headers.get('retry-after')).toBe('7');
  });

  it('answers THROTTLED, GraphQL errors and permission errors in an HTTP 200 with extensions', async () => {
    await sandbox.control.faults.inject({ kind: 'throttled' });
    const throttled = await graphql(sandbox, QUERY);
    expect(throttled.body.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    const cost = throttled.body.extensions?.cost;
    expect(cost?.throttleStatus.maximumAvailable).toBe(10_000);
    // As Jobber's: the query's real requested cost, and a bucket that truly cannot pay for it now.
    expect(cost?.requestedQueryCost).toBeGreaterThan(0);
    expect(cost?.throttleStatus.currentlyAvailable).toBeLessThan(cost?.requestedQueryCost ?? 0);
    await sandbox.control.faults.inject({ kind: 'graphqlError', message: 'Something broke' });
    expect((await graphql(sandbox, QUERY)).body).toEqual(
      expect.objectContaining({
        data: null,
        errors: [expect.objectContaining({ message: 'Something broke' })],
      }),
    );
    await sandbox.control.faults.inject({ kind: 'hiddenField' });
    const hidden = await graphql(sandbox, '{ jobs(first: 1) { nodes { id } } }');
    expect(hidden.body.data).toBeNull();
    expect(hidden.body.errors?.[0]?.message).toBe(
      'The field jobs on an object of type Query was hidden due to permissions',
    );
  });

  it('sends a body that is not JSON for malformedJson', async () => {
    await sandbox.control.faults.inject({ kind: 'malformedJson' });
    const response = await fetch(`${sandbox.baseUrl}/api/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-jobber-graphql-version': '2025-04-16',
        authorization: `Bearer ${sandbox.demo.accessToken}`,
      },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
  });

  it('delays the normal answer for slow, and never answers for timeout', async () => {
    await sandbox.control.faults.inject({ kind: 'slow', delayMs: 300 });
    const started = Date.now();
    expect((await graphql(sandbox, QUERY)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await sandbox.control.faults.inject({ kind: 'timeout', holdMs: 200 });
    await expect(graphql(sandbox, QUERY)).rejects.toThrow();
  });

  it('runs and charges the query, then drops the answer, for answerLost', async () => {
    await sandbox.control.faults.inject({ kind: 'answerLost' });
    await expect(graphql(sandbox, QUERY)).rejects.toThrow();
    const [entry] = (await sandbox.control.requests.list()).filter((logged) => logged.endpoint === 'graphql');
    expect(entry).toEqual(expect.objectContaining({ fault: 'answerLost' }));
    expect((await graphql(sandbox, QUERY)).status).toBe(200);
  });

  it('fires for the next N matching requests, after skipping some, only for matching queries', async () => {
    await sandbox.control.faults.inject({
      kind: 'http',
      status: 502,
      times: 2,
      skip: 1,
      queryContains: 'invoices',
    });
    const statuses: number[] = [];
    statuses.push((await graphql(sandbox, QUERY)).status);
    for (let n = 0; n < 4; n++) statuses.push((await graphql(sandbox, PAGE)).status);
    expect(statuses).toEqual([200, 200, 502, 502, 200]);
    expect(await sandbox.control.faults.list()).toEqual([]);
  });

  it('targets page K of a pagination', async () => {
    await sandbox.control.faults.inject({ kind: 'http', status: 503, page: 3, operationName: 'Invoices' });
    const statuses: number[] = [];
    let after: string | null = null;
    for (let page = 1; page <= 4; page++) {
      let response = await graphql(sandbox, PAGE, { after });
      statuses.push(response.status);
      if (response.status !== 200) response = await graphql(sandbox, PAGE, { after });
      after = (response.body.data?.invoices as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    }
    expect(statuses).toEqual([200, 200, 503, 200]);
  });

  describe('malformedPage: the normal answer (run and charged) with its page changed', () => {
    const NESTED =
      'query More($id: EncodedId!) { invoice(id: $id) { lineItems(first: 5) { nodes { id } pageInfo { hasNextPage endCursor } } } }';
    type Page = { nodes?: unknown[]; pageInfo?: Record<string, unknown> } | null;
    const invoicesOf = (body: Awaited<ReturnType<typeof graphql>>['body']): Page =>
      (body.data?.invoices ?? null) as Page;

    it.each<[PageShapeFault, (page: Page, normal: Page) => void]>([
      ['nullRoot', (page) => expect(page).toBeNull()],
      ['nullConnection', (page) => expect(page).toBeNull()],
      [
        'nullNodes',
        (page, normal) => expect(page?.nodes).toEqual([...(normal?.nodes ?? []).slice(0, 18), null, null]),
      ],
      ['noPageInfo', (page) => expect(page).not.toHaveProperty('pageInfo')],
      ['noHasNextPage', (page) => expect(page?.pageInfo).toEqual({ endCursor: expect.any(String) })],
      ['endsEarly', (page) => expect(page?.pageInfo?.hasNextPage).toBe(false)],
    ])('%s', async (shape, expectPage) => {
      const normal = invoicesOf((await graphql(sandbox, PAGE)).body);
      expect(normal?.pageInfo?.hasNextPage).toBe(true);
      await sandbox.control.faults.inject({ kind: 'malformedPage', shape });
      const changed = await graphql(sandbox, PAGE);
      expect(changed.status).toBe(200);
      expect(changed.body.extensions?.cost.actualQueryCost).toBeGreaterThan(0);
      expectPage(invoicesOf(changed.body), normal);
      expect(invoicesOf((await graphql(sandbox, PAGE)).body)).toEqual(normal);
    });

    it('nulls the parent of a nested connection (nullRoot) or the connection under it (nullConnection)', async () => {
      const [invoice] = invoicesOf((await graphql(sandbox, PAGE)).body)?.nodes as Array<{ id: string }>;
      const variables = { id: invoice?.id };
      await sandbox.control.faults.inject({ kind: 'malformedPage', shape: 'nullRoot' });
      expect((await graphql(sandbox, NESTED, variables)).body.data).toEqual({ invoice: null });
      await sandbox.control.faults.inject({ kind: 'malformedPage', shape: 'nullConnection' });
      expect((await graphql(sandbox, NESTED, variables)).body.data).toEqual({ invoice: { lineItems: null } });
    });

    it('refuses a malformedPage fault without a known shape', async () => {
      const response = await fetch(`${sandbox.baseUrl}/_sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'malformedPage', shape: 'sideways' }),
      });
      expect(response.status).toBe(400);
      expect(await sandbox.control.faults.list()).toEqual([]);
    });
  });

  it('records faulted requests in the request log', async () => {
    await sandbox.control.faults.inject({ kind: 'http', status: 500 });
    await graphql(sandbox, QUERY);
    const [entry] = await sandbox.control.requests.list();
    expect(entry).toEqual(
      expect.objectContaining({
        endpoint: 'graphql',
        fault: 'http',
        query: QUERY,
        accountId: sandbox.demo.accountId,
      }),
    );
  });
});

describe('scripted faults on the token endpoint', () => {
  it('answers invalid_grant to the next refresh, and the refresh token still works afterwards', async () => {
    const minted = await sandbox.control.mintTokens(sandbox.demo.accountId);
    await sandbox.control.faults.inject({ kind: 'invalidGrant' });
    const failed = await tokenRequest(sandbox, refreshParams(sandbox, minted.refreshToken));
    expect(failed).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_grant' }) });
    expect((await tokenRequest(sandbox, refreshParams(sandbox, minted.refreshToken))).status).toBe(200);
  });

  it('applies HTTP faults to token requests when targeted there', async () => {
    const minted = await sandbox.control.mintTokens(sandbox.demo.accountId);
    await sandbox.control.faults.inject({
      kind: 'http',
      status: 503,
      endpoint: 'token',
      grantType: 'refresh_token',
    });
    const response = await fetch(`${sandbox.baseUrl}/api/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(refreshParams(sandbox, minted.refreshToken)).toString(),
    });
    expect(response.status).toBe(503);
  });

  it('rotates the refresh token and then loses the answer for answerLost: the old token is dead', async () => {
    const minted = await sandbox.control.mintTokens(sandbox.demo.accountId);
    await sandbox.control.faults.inject({
      kind: 'answerLost',
      endpoint: 'token',
      grantType: 'refresh_token',
    });
    await expect(tokenRequest(sandbox, refreshParams(sandbox, minted.refreshToken))).rejects.toThrow();
    const retried = await tokenRequest(sandbox, refreshParams(sandbox, minted.refreshToken));
    expect(retried).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_grant' }) });
    const families = (await sandbox.control.requests.list())
      .filter((entry) => entry.endpoint === 'token' && entry.refreshFamily)
      .map((entry) => entry.refreshFamily?.event);
    expect(families).toEqual(['rotated', 'reused_dead']);
  });

  it('answers a token request normally after the delay of a slow fault', async () => {
    const minted = await sandbox.control.mintTokens(sandbox.demo.accountId);
    await sandbox.control.faults.inject({ kind: 'slow', delayMs: 200, endpoint: 'token' });
    const answer = await tokenRequest(sandbox, refreshParams(sandbox, minted.refreshToken));
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['access_token', 'refresh_token']);
  });
});

describe('the request log', () => {
  it('records the query, variables, costs, status and account of each request, and can be cleared', async () => {
    await graphql(sandbox, PAGE, { after: null });
    const [entry] = await sandbox.control.requests.list();
    expect(entry).toEqual(
      expect.objectContaining({
        endpoint: 'graphql',
        status: 200,
        query: PAGE,
        operationName: 'Invoices',
        variables: { after: null },
        requestedCost: 1 + 20 + 3,
        actualCost: 1 + 20 + 3,
        accountId: sandbox.demo.accountId,
        userId: sandbox.demo.userId,
        outcome: 'ok',
      }),
    );
    await sandbox.control.requests.clear();
    expect(await sandbox.control.requests.list()).toEqual([]);
  });
});

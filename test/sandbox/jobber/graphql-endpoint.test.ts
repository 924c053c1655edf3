import { startSandbox, type SandboxHandle } from '../../../sandbox/jobber/harness';
import { graphql } from './support';

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'tiny' });
});
afterAll(() => sandbox.stop());

const ACCOUNT = '{ account { id name } }';

describe('POST /api/graphql', () => {
  it('answers with data and extensions.cost and extensions.versioning', async () => {
    const { status, body } = await graphql(sandbox, ACCOUNT);
    expect(status).toBe(200);
    expect(body.data).toEqual({ account: { id: sandbox.demo.accountId, name: 'Summit Lawn & Snow' } });
    expect(body.extensions?.cost).toEqual({
      requestedQueryCost: 3,
      actualQueryCost: 3,
      throttleStatus: { maximumAvailable: 10_000, currentlyAvailable: expect.any(Number), restoreRate: 500 },
    });
    expect(body.extensions?.versioning).toEqual({ version: '2025-04-16' });
  });

  it('accepts JSON bodies only', async () => {
    const form = await graphql(
      sandbox,
      ACCOUNT,
      {},
      { contentType: 'application/x-www-form-urlencoded', body: 'query=%7B+account+%7B+id+%7D+%7D' },
    );
    expect(form.status).toBe(400);
    const broken = await graphql(sandbox, ACCOUNT, {}, { body: '{"query": ' });
    expect(broken.status).toBe(400);
  });

  it('requires the X-JOBBER-GRAPHQL-VERSION header and rejects unknown versions', async () => {
    expect((await graphql(sandbox, ACCOUNT, {}, { version: null })).status).toBe(400);
    expect((await graphql(sandbox, ACCOUNT, {}, { version: '2099-01-01' })).status).toBe(400);
  });

  it('upgrades an old version to 2025-04-16 and says so in extensions.versioning', async () => {
    const { status, body } = await graphql(sandbox, ACCOUNT, {}, { version: '2023-08-18' });
    expect(status).toBe(200);
    expect(body.extensions?.versioning).toEqual({
      version: '2025-04-16',
      warning: expect.stringContaining('2023-08-18'),
    });
  });

  it('answers 401 without a Bearer token, and for a token it did not issue', async () => {
    const missing = await graphql(sandbox, ACCOUNT, {}, { token: null });
    expect(missing.status).toBe(401);
    const forged = await graphql(
      sandbox,
      ACCOUNT,
      {},
      { token: `${sandbox.demo.accessToken.slice(0, -4)}AAAA` },
    );
    expect(forged.status).toBe(401);
    expect(forged.body.error).toBe('invalid_request');
  });

  it('reports invalid queries as GraphQL errors in an HTTP 200, with a cost extension', async () => {
    const { status, body } = await graphql(sandbox, '{ invoices { nodes { noSuchField } } }');
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/noSuchField/);
    expect(body.extensions?.cost.requestedQueryCost).toBe(0);
  });

  it('serves singular root queries used to re-read a parent', async () => {
    const list = await graphql(sandbox, '{ invoices(first: 1) { nodes { id invoiceNumber } } }');
    const invoice = (list.body.data?.invoices as { nodes: { id: string; invoiceNumber: string }[] }).nodes[0];
    const single = await graphql(
      sandbox,
      'query($id: EncodedId!) { invoice(id: $id) { id invoiceNumber } }',
      { id: invoice?.id },
    );
    expect(single.body.data).toEqual({ invoice });
  });
});

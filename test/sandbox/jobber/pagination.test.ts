import { startSandbox, type SandboxHandle } from '../../../sandbox/jobber/harness';
import { data, graphql } from './support';

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'tiny' });
});
afterAll(() => sandbox.stop());

interface Page {
  nodes: { id: string }[];
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

const PAGE_FIELDS =
  'nodes { id } edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount';

async function invoices(args: string): Promise<Page> {
  return (
    await data<{ invoices: Page }>(sandbox, `{ invoices${args ? `(${args})` : ''} { ${PAGE_FIELDS} } }`)
  ).invoices;
}

describe('connections', () => {
  it('return 100 nodes when first is absent, with edges, pageInfo and totalCount', async () => {
    const page = await invoices('');
    expect(page.totalCount).toBeGreaterThan(100);
    expect(page.nodes).toHaveLength(100);
    expect(page.edges.map((edge) => edge.node)).toEqual(page.nodes);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: page.edges[0]?.cursor,
      endCursor: page.edges[99]?.cursor,
    });
  });

  it('page forward with first/after over every node exactly once, with stable cursors', async () => {
    const seen: string[] = [];
    let after = '';
    for (;;) {
      const page = await invoices(`first: 37${after ? `, after: "${after}"` : ''}`);
      seen.push(...page.nodes.map((node) => node.id));
      expect(await invoices(`first: 37${after ? `, after: "${after}"` : ''}`)).toEqual(page);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? '';
    }
    const total = (await invoices('first: 1')).totalCount;
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('page backward with last/before', async () => {
    const all = await invoices('first: 60');
    const before = all.edges[50]?.cursor ?? '';
    const page = await invoices(`last: 10, before: "${before}"`);
    expect(page.nodes).toEqual(all.nodes.slice(40, 50));
    expect(page.pageInfo.hasPreviousPage).toBe(true);
  });

  it('reject a cursor from another list (other filter or sort)', async () => {
    const cursor = (await invoices('first: 5')).pageInfo.endCursor ?? '';
    const reused = await graphql(
      sandbox,
      `{ invoices(first: 5, after: "${cursor}", filter: { status: paid }) { nodes { id } } }`,
    );
    expect(reused.body.errors?.[0]?.message).toMatch(/Invalid cursor/);
    const garbage = await graphql(sandbox, '{ invoices(first: 5, after: "not-a-cursor") { nodes { id } } }');
    expect(garbage.body.errors?.[0]?.message).toMatch(/Invalid cursor/);
  });

  it('count what the filter matches in totalCount', async () => {
    const paid = await invoices('first: 1, filter: { status: paid }');
    const records = await sandbox.control.records<{ invoiceStatus: string }>(
      sandbox.demo.accountId,
      'invoices',
    );
    expect(paid.totalCount).toBe(records.filter((row) => row.invoiceStatus === 'paid').length);
  });

  it('paginate nested connections too (the remaining line items of one invoice)', async () => {
    const items = await sandbox.control.records<{ invoiceId: string; id: string }>(
      sandbox.demo.accountId,
      'invoiceLineItems',
    );
    const counts = new Map<string, string[]>();
    for (const item of items) counts.set(item.invoiceId, [...(counts.get(item.invoiceId) ?? []), item.id]);
    const [invoiceId, itemIds] = [...counts.entries()].find(([, list]) => list.length >= 2) ?? ['', []];
    const query = `query($id: EncodedId!, $after: String) { invoice(id: $id) { lineItems(first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: {
        invoice: {
          lineItems: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        };
      } = await data(sandbox, query, { id: invoiceId, after });
      seen.push(...result.invoice.lineItems.nodes.map((node) => node.id));
      if (!result.invoice.lineItems.pageInfo.hasNextPage) break;
      after = result.invoice.lineItems.pageInfo.endCursor;
    }
    expect(seen).toEqual(itemIds);
  });

  it('return no nodes for first: 0 and refuse negative sizes', async () => {
    expect((await invoices('first: 0')).nodes).toEqual([]);
    const negative = await graphql(sandbox, '{ invoices(first: -1) { nodes { id } } }');
    expect(negative.body.errors?.[0]?.message).toMatch(/first/);
  });
});

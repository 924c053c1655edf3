import { generateAccount } from '../../../sandbox/jobber/data/generate';
import { ACCOUNT_SPECS } from '../../../sandbox/jobber/data/accounts';
import { prepare, run } from '../../../sandbox/jobber/graphql/execute';
import { buildSandboxSchema } from '../../../sandbox/jobber/graphql/schema';
import { executionContext } from './support';

/** The cost rules of docs/sandbox.md, on the sandbox's schema and a tiny account, without a server. */
const schema = buildSandboxSchema();
const spec = ACCOUNT_SPECS[0];
if (!spec) throw new Error('no demo account');
const account = generateAccount(spec, { size: 'tiny', seed: 7, now: Date.UTC(2026, 5, 15, 18) });
const context = executionContext(account);

function requested(query: string, variables: Record<string, unknown> = {}): number {
  const prepared = prepare(schema, { query, variables });
  if (!prepared.ok) throw new Error(prepared.errors.map((error) => error.message).join('; '));
  return prepared.query.requested;
}

function executed(query: string): { actual: number; data: Record<string, unknown> } {
  const request = { query, variables: {} };
  const prepared = prepare(schema, request);
  if (!prepared.ok) throw new Error(prepared.errors.map((error) => error.message).join('; '));
  const { result, actual } = run(prepared.query, request, context);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('; '));
  return { actual, data: result.data as Record<string, unknown> };
}

describe('requested query cost', () => {
  it('costs 1 per field and 1 + children for objects', () => {
    expect(requested('{ account { id name features { name } } }')).toBe(1 + 2 + (1 + 1));
    expect(requested('{ user { id name { full } } }')).toBe(1 + 1 + (1 + 1));
  });

  it('multiplies a connection by first, or by 100 without it; nodes costs nothing', () => {
    expect(requested('{ clients(first: 10) { nodes { id name } } }')).toBe(1 + 10 * 2);
    expect(requested('{ clients { nodes { id name } } }')).toBe(1 + 100 * 2);
    expect(requested('{ clients(last: 7) { nodes { id } } }')).toBe(1 + 7);
    expect(requested('query($n: Int) { clients(first: $n) { nodes { id } } }', { n: 25 })).toBe(1 + 25);
  });

  it('counts edges.node like nodes, cursor, pageInfo and totalCount once', () => {
    const query =
      '{ clients(first: 10) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }';
    expect(requested(query)).toBe(1 + 10 * 1 + 1 + (1 + 2) + 1);
  });

  it('multiplies nested connections', () => {
    const query =
      '{ invoices(first: 10) { nodes { id lineItems(first: 5) { nodes { name totalPrice } } } } }';
    expect(requested(query)).toBe(1 + 10 * (1 + (1 + 5 * 2)));
  });

  it('counts __typename as 0, fragments once per field, and every type condition of an interface', () => {
    const query = `{ paymentRecords(first: 2) { nodes { __typename ...common ... on CheckPaymentRecord { checkNumber } ... on CashPaymentRecord { amount } } } }
      fragment common on PaymentRecordInterface { amount entryDate }`;
    expect(requested(query)).toBe(1 + 2 * (2 + 1));
  });

  it('ignores filter and sort arguments', () => {
    expect(
      requested(
        '{ invoices(first: 10, filter: { status: paid }, sort: [{ key: INVOICE_TOTAL, direction: ASCENDING }]) { nodes { id } } }',
      ),
    ).toBe(11);
  });

  it('does not multiply lists that are not connections', () => {
    expect(requested('{ clients(first: 1) { nodes { emails { address primary } } } }')).toBe(1 + 1 * (1 + 2));
  });
});

describe('actual query cost', () => {
  it('uses the number of nodes returned, connection by connection', () => {
    const query =
      '{ invoices(first: 10) { nodes { id lineItems(first: 5) { nodes { name totalPrice } } } pageInfo { hasNextPage } } }';
    const { actual, data } = executed(query);
    const nodes = (data.invoices as { nodes: { lineItems: { nodes: unknown[] } }[] }).nodes;
    expect(actual).toBe(
      1 + nodes.reduce((sum, node) => sum + 1 + 1 + node.lineItems.nodes.length * 2, 0) + 2,
    );
    expect(actual).toBeLessThan(requested(query));
  });

  it('equals the requested cost when every page is full', () => {
    const query = '{ clients(first: 5) { nodes { id name } } }';
    expect(executed(query).actual).toBe(requested(query));
  });
});

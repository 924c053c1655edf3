import {
  getNamedType,
  GraphQLObjectType,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  type GraphQLField,
  type GraphQLNamedType,
} from 'graphql';
import { ACCOUNT_SPECS } from '../../../sandbox/jobber/data/accounts';
import { COLLECTION_NAMES } from '../../../sandbox/jobber/data/collections';
import { generateAccount } from '../../../sandbox/jobber/data/generate';
import { prepare, run } from '../../../sandbox/jobber/graphql/execute';
import { buildSandboxSchema } from '../../../sandbox/jobber/graphql/schema';
import { executionContext } from './support';

/**
 * Every field the sandbox declares resolves without an error (non-null fields never come back
 * null), on every account, through each root list: a query selecting every field, generated
 * from the schema itself.
 */
const schema = buildSandboxSchema();

/** Every collection with a root list of its own that needs no argument (users need a status filter). */
const ROOTS = COLLECTION_NAMES.filter((name) => {
  const field = schema.getQueryType()?.getFields()[name];
  return field !== undefined && !field.args.some((arg) => isNonNullType(arg.type));
});

function requiredArgs(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.map((arg) => arg.name);
  const parts: string[] = [];
  if (args.includes('first')) parts.push('first: 2');
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

/** All fields of a type: leaves as they are, objects one level deep, connections as 2 nodes. */
function selection(type: GraphQLNamedType, depth: number): string {
  if (!isCompositeType(type)) return '';
  if (isInterfaceType(type)) {
    const implementations = schema
      .getPossibleTypes(type)
      .map((impl) => `... on ${impl.name} { ${selection(impl, depth)} }`);
    return `__typename ${implementations.join(' ')}`;
  }
  if (!(type instanceof GraphQLObjectType)) return '__typename';
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    if (field.args.some((arg) => isNonNullType(arg.type))) continue;
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0) parts.push(`${field.name}${requiredArgs(field)} { ${selection(named, depth - 1)} }`);
  }
  return parts.length > 0 ? parts.join(' ') : '__typename';
}

function rootQuery(root: string): string {
  const field = schema.getQueryType()?.getFields()[root];
  if (!field) throw new Error(`no root ${root}`);
  const connection = getNamedType(field.type);
  if (!(connection instanceof GraphQLObjectType)) throw new Error(`${root} is not a connection`);
  const node = getNamedType(connection.getFields().nodes?.type ?? field.type);
  return `{ ${root}(first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { ${selection(node, 2)} } } }`;
}

describe.each(ACCOUNT_SPECS.map((spec) => [spec.name, spec] as const))('%s', (_name, spec) => {
  const account = generateAccount(spec, { size: 'tiny', seed: 5, now: Date.UTC(2026, 5, 15, 18) });
  const context = executionContext(account);

  it.each(ROOTS)('resolves every field reachable from %s', (root) => {
    const request = { query: rootQuery(root), variables: {} };
    const prepared = prepare(schema, request);
    if (!prepared.ok) throw new Error(prepared.errors.map((error) => error.message).join('\n'));
    const { result } = run(prepared.query, request, context);
    expect(result.errors ?? []).toEqual([]);
    expect((result.data?.[root] as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0);
  });

  it('resolves the account, the current user and the users list', () => {
    const request = {
      query: `{ account { ${selection(schema.getType('Account') as GraphQLNamedType, 2)} } user { id name { full } timezone } users(filter: { status: ACTIVATED }) { totalCount } }`,
      variables: {},
    };
    const prepared = prepare(schema, request);
    if (!prepared.ok) throw new Error(prepared.errors.map((error) => error.message).join('\n'));
    expect(run(prepared.query, request, context).result.errors ?? []).toEqual([]);
  });
});

/**
 * The GraphQL schema the catalog's queries must validate against: the sandbox's own, which follows
 * Jobber's official introspection (2022-03-10) plus the documented changes and newer fields
 * (docs/sandbox.md). The connector never sees a field the sandbox would refuse.
 */
import type { GraphQLSchema } from 'graphql';
import { buildSandboxSchema } from '../../sandbox/jobber/graphql/schema';

let cached: GraphQLSchema | undefined;

export function jobberSchema(): GraphQLSchema {
  cached ??= buildSandboxSchema();
  return cached;
}

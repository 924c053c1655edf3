import {
  buildSchema,
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLScalarType,
  getNamedType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { encodeId } from '../core/ids';
import { applyExtraEnumValues, driftedSdl, type SchemaDrift } from './drift';
import type { ResolverMap } from './context';
import { ACCOUNT_RESOLVERS } from './resolvers/account';
import { BILLING_RESOLVERS } from './resolvers/billing';
import { CLIENT_RESOLVERS } from './resolvers/clients';
import { ROOT_RESOLVERS } from './resolvers/root';
import { WORK_RESOLVERS } from './resolvers/work';
import { SCALARS } from './scalars';
import { PAYMENT_RECORD_TYPES, SCHEMA_SDL } from './sdl';

/** The GraphQL type whose numeric `id` is encoded under another kind's global id. */
const ID_KINDS: Record<string, string> = {
  ...Object.fromEntries(Object.keys(PAYMENT_RECORD_TYPES).map((name) => [name, 'PaymentRecord'])),
};

/**
 * Stored records keep numeric ids: a field called `id` holding a number is encoded as the
 * EncodedId of its type. Everything else reads the property of the same name.
 */
const defaultResolver: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) => {
  if (typeof source !== 'object' || source === null) return undefined;
  const value = (source as Record<string, unknown>)[info.fieldName];
  if (info.fieldName === 'id' && typeof value === 'number') {
    const typeName = info.parentType.name;
    return encodeId(ID_KINDS[typeName] ?? typeName, value);
  }
  return value;
};

/** Jobber's public schema as the sandbox serves it, optionally drifted (see drift.ts). */
export function buildSandboxSchema(drift: SchemaDrift = {}): GraphQLSchema {
  const schema = buildSchema(driftedSdl(SCHEMA_SDL, drift));
  const maps: ResolverMap[] = [
    ROOT_RESOLVERS,
    ACCOUNT_RESOLVERS,
    CLIENT_RESOLVERS,
    WORK_RESOLVERS,
    BILLING_RESOLVERS,
  ];
  for (const map of maps) attach(schema, map);
  for (const scalar of SCALARS) replaceScalar(schema, scalar);
  applyExtraEnumValues(schema, drift, defaultResolver);
  const paymentRecord = schema.getType('PaymentRecordInterface');
  if (paymentRecord instanceof GraphQLInterfaceType) {
    paymentRecord.resolveType = (value) => (value as { typename: string }).typename;
  }
  return schema;
}

function attach(schema: GraphQLSchema, map: ResolverMap): void {
  for (const [typeName, fields] of Object.entries(map)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType))
      throw new Error(`No object type ${typeName} in the sandbox schema`);
    const typeFields = type.getFields();
    for (const [fieldName, resolve] of Object.entries(fields)) {
      const field = typeFields[fieldName];
      if (!field) continue; // shared resolver maps (payment records) cover fields some types lack
      field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
    }
  }
}

/** buildSchema makes custom scalars pass-through; give them Jobber's parsing and formatting. */
function replaceScalar(schema: GraphQLSchema, scalar: GraphQLScalarType): void {
  const target = schema.getType(scalar.name);
  if (!(target instanceof GraphQLScalarType)) throw new Error(`No scalar ${scalar.name}`);
  target.serialize = scalar.serialize;
  target.parseValue = scalar.parseValue;
  target.parseLiteral = scalar.parseLiteral;
}

export { defaultResolver as sandboxFieldResolver, getNamedType };

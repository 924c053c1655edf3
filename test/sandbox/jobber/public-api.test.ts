/**
 * The sandbox serves Jobber's public API at 2025-04-16 (issue 12): pinned against the schema its
 * introspection describes, so no later edit can bring Jobber's internal 2022 shapes back.
 */
import {
  buildClientSchema,
  getNamedType,
  introspectionFromSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { buildSandboxSchema } from '../../../sandbox/jobber/graphql/schema';
import {
  ABSENT_FIELDS,
  ABSENT_TYPES,
  ACCOUNT_FIELDS,
  ADDED_ENUM_VALUES,
  EXACT_ENUMS,
  FILTERS,
  INTERFACES,
  LEFT_OUT,
  NEWER_PAYMENT_RECORD_TYPES,
  OPTIONAL_ARGUMENTS,
  SIGNATURES,
  UPDATED_AT_SORTS,
} from './public-api-facts';

const schema: GraphQLSchema = buildClientSchema(introspectionFromSchema(buildSandboxSchema()));

/** `Type.field` or `Type.field(argument)` → its type as GraphQL prints it; undefined when absent. */
function typeOf(path: string): string | undefined {
  const match = /^(\w+)\.(\w+)(?:\((\w+)\))?$/.exec(path);
  if (!match) throw new Error(`bad path ${path}`);
  const [, typeName = '', fieldName = '', argumentName] = match;
  const type = schema.getType(typeName);
  const fields =
    isObjectType(type) || isInterfaceType(type) || isInputObjectType(type) ? type.getFields() : {};
  const field = fields[fieldName];
  if (!field) return undefined;
  if (argumentName === undefined) return String(field.type);
  const argument = 'args' in field ? field.args.find((arg) => arg.name === argumentName) : undefined;
  return argument ? String(argument.type) : undefined;
}

function enumValues(name: string): string[] {
  const type = schema.getType(name);
  return isEnumType(type) ? type.getValues().map((value) => value.name) : [];
}

const sorted = (values: readonly string[]): string[] => [...values].sort();

describe('the sandbox serves Jobber’s public API at 2025-04-16', () => {
  it('serves none of the internal fields and types', () => {
    expect(ABSENT_FIELDS.filter((path) => typeOf(path) !== undefined)).toEqual([]);
    expect(ABSENT_TYPES.filter((name) => schema.getType(name))).toEqual([]);
  });

  it('gives Account only the public fields (industry left out: its enum is unknown)', () => {
    const account = schema.getType('Account');
    const served = isObjectType(account) ? Object.keys(account.getFields()).sort() : [];
    expect(served).toEqual(ACCOUNT_FIELDS.filter((name) => !LEFT_OUT.includes(`Account.${name}` as never)));
  });

  it('keeps the public signatures: categories are enums, lastTransitioned is non-null, clients sort by one input', () => {
    const actual = Object.fromEntries(Object.keys(SIGNATURES).map((path) => [path, typeOf(path)]));
    expect(actual).toEqual(SIGNATURES);
    expect(
      schema
        .getQueryType()
        ?.getFields()
        ['user']?.args.map((arg) => arg.name),
    ).toEqual(['id']);
  });

  it('has exactly the public values of the category and visit sort enums', () => {
    for (const [name, values] of Object.entries(EXACT_ENUMS))
      expect([name, sorted(enumValues(name))]).toEqual([name, sorted(values)]);
  });

  it('has the enum values Jobber added: payment types and origins, refund status, quote sorts, permission areas', () => {
    for (const [name, values] of Object.entries(ADDED_ENUM_VALUES))
      expect([name, values.filter((value) => !enumValues(name).includes(value))]).toEqual([name, []]);
  });

  it('serves a payment-record type for every newer method, implementing PaymentRecordInterface', () => {
    const payments = schema.getType('PaymentRecordInterface');
    if (!isInterfaceType(payments)) throw new Error('no PaymentRecordInterface');
    const implementations = schema.getPossibleTypes(payments).map((type) => type.name);
    expect(NEWER_PAYMENT_RECORD_TYPES.filter((name) => !implementations.includes(name))).toEqual([]);
  });

  it('declares the interfaces of the public schema on all 16 types', () => {
    const missing = Object.entries(INTERFACES).filter(([typeName, interfaceName]) => {
      const type = schema.getType(typeName);
      return !isObjectType(type) || !type.getInterfaces().some((iface) => iface.name === interfaceName);
    });
    expect(missing).toEqual([]);
  });

  it('accepts the public optional arguments, all nullable', () => {
    const actual = Object.fromEntries(Object.keys(OPTIONAL_ARGUMENTS).map((path) => [path, typeOf(path)]));
    expect(actual).toEqual(OPTIONAL_ARGUMENTS);
  });

  it('filters on exactly the public filter fields (excludeOrigin left out: its type is unknown)', () => {
    for (const [name, fields] of Object.entries(FILTERS)) {
      const type = schema.getType(name);
      const served = isInputObjectType(type) ? Object.keys(type.getFields()).sort() : [];
      const expected = fields.filter((field) => !LEFT_OUT.includes(`${name}.${field}` as never));
      expect([name, served]).toEqual([name, [...expected].sort()]);
      for (const field of served.filter(
        (field) => /At$|Date$|^date$/.test(field) && field !== 'activeOnDate',
      ))
        expect(`${name}.${field}: ${typeOf(`${name}.${field}`)}`).toBe(
          `${name}.${field}: Iso8601DateTimeRangeInput`,
        );
    }
  });

  it('sorts by UPDATED_AT exactly where Jobber does: clients, expenses, invoices, jobs, payment records', () => {
    const query = schema.getQueryType()?.getFields() ?? {};
    const withUpdatedAt = Object.values(query)
      .filter((field) => sortKeys(field).includes('UPDATED_AT'))
      .map((field) => field.name)
      .sort();
    expect(withUpdatedAt).toEqual([...UPDATED_AT_SORTS]);
  });
});

function sortKeys(field: GraphQLField<unknown, unknown>): string[] {
  const sort = field.args.find((arg) => arg.name === 'sort');
  const input = sort ? getNamedType(sort.type) : undefined;
  if (!isInputObjectType(input)) return [];
  const key = input.getFields()['key'] ?? input.getFields()['field'];
  const keys = key ? getNamedType(key.type) : undefined;
  return isEnumType(keys) ? keys.getValues().map((value) => value.name) : [];
}

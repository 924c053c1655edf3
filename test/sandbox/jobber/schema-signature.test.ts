import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClientSchema,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLObjectType,
  isIntrospectionType,
  isSpecifiedScalarType,
  type GraphQLField,
  type GraphQLNamedType,
  type IntrospectionQuery,
} from 'graphql';
import { buildSandboxSchema } from '../../../sandbox/jobber/graphql/schema';
import {
  ACCOUNT_FIELDS,
  ADDED_ENUM_VALUES,
  FILTERS,
  INTERFACES,
  NEWER_PAYMENT_RECORD_TYPES,
  OPTIONAL_ARGUMENTS,
  SIGNATURES,
} from './public-api-facts';

/**
 * The secondary check (docs/sandbox.md): Jobber's public API at 2025-04-16 is the reference
 * (public-api.test.ts pins it); Jobber's 2022-03-10 introspection (a copy of
 * ../shared/jobber/schema.json, MIT) is its internal schema of that time. Every type and field the
 * sandbox serves that also exists there keeps the 2022 signature, unless a public fact or a
 * documented version change says otherwise; whatever 2022 lacks is a public fact or listed here.
 */
const reference = buildClientSchema(
  (
    JSON.parse(readFileSync(join(__dirname, 'fixtures', 'jobber-schema-2022-03-10.json'), 'utf8')) as {
      data: IntrospectionQuery;
    }
  ).data,
);
const served = buildSandboxSchema();

/** Documented changes of existing fields and arguments: path → the type served instead. */
const CHANGED: Record<string, string> = {
  'ProductOrService.id': 'EncodedId!', // 2022-09-15
  // 2022-03-10 had a deprecated `unitCost: Float!` (the unit price); newer versions reuse the name
  // for the internal unit cost, nullable (jobber-api.md §7.3).
  'JobLineItem.unitCost': 'Float',
  // public facts (issue 12): categories are enums
  ...Object.fromEntries(Object.entries(SIGNATURES).filter(([path]) => path.endsWith('.category'))),
  'LineItemInterface.category': 'ProductsAndServicesCategory!',
};

/** Input fields and enum values removed by documented versions. */
const REMOVED = new Set([
  'TimeSheetEntriesFilterAttributes.startsAfter', // 2023-05-05
  'TimeSheetEntriesFilterAttributes.startsBefore', // 2023-05-05
  'TimeSheetEntriesFilterAttributes.includeEveryAccountTimer', // 2023-08-18
  'WorkItemCategoryTypeEnum.Package', // 2023-11-15
]);

/** Fields, arguments, input fields and enum values newer than 2022-03-10 (jobber-api.md §7-§8). */
const NEWER = new Set([
  ...Object.keys(OPTIONAL_ARGUMENTS),
  ...ACCOUNT_FIELDS.map((field) => `Account.${field}`),
  ...Object.entries(ADDED_ENUM_VALUES).flatMap(([name, values]) => values.map((value) => `${name}.${value}`)),
  ...Object.entries(FILTERS).flatMap(([name, fields]) => fields.map((field) => `${name}.${field}`)),
  ...Object.entries(INTERFACES)
    .filter(([, iface]) => iface === 'CustomFieldsInterface')
    .map(([type]) => `${type}.customFields`),
  'AccountFeature.discoverable',
  'Query.requests(sort)', // a list since 2024-11-12
  'UsersFilterAttributes.userIds',
  'Quote.lastTransitioned',
  'Quote.salesperson',
  'Job.invoicedTotal',
  'Job.uninvoicedTotal',
  'Job.jobCosting',
  'Job.jobBalanceTotals',
  'Job.salesperson',
  'Job.expenses',
  'Job.timeSheetEntries',
  'JobSortKey.JOB_NUMBER',
  'JobSortKey.TOTAL_COST',
  'JobSortKey.JOB_STATUS',
  'JobSortKey.SCHEDULE',
  'JobSortKey.VISIT_START_DATE',
  'JobStatusTypeEnum.expiring_within_30_days',
  'JobLineItem.unitCost',
  'JobLineItem.totalCost',
  'VisitsSortableFields.STATUS',
  'InvoiceSortKey.UPDATED_AT',
  'InvoiceStatusTypeEnum.sent_not_due',
  'TimeSheetEntry.endAt',
  'TimeSheetEntry.createdAt',
  'TimeSheetEntry.updatedAt',
  'TimeSheetEntry.label',
  'TimeSheetEntry.labourRate',
  'TimeSheetEntry.payable',
  'TimeSheetEntry.client',
  ...[
    'PaymentRecordInterface',
    'CashPaymentRecord',
    'CheckPaymentRecord',
    'CreditCardPaymentRecord',
    'BankTransferPaymentRecord',
    'MoneyOrderPaymentRecord',
    'OtherPaymentRecord',
    'EPaymentPaymentRecord',
    'JobberPaymentsCreditCardPaymentRecord',
    'JobberPaymentsACHPaymentRecord',
    'JobberPaymentsRefundPaymentRecord',
  ].flatMap((type) => [`${type}.rawAmount`, `${type}.canEdit`]),
]);
const NEWER_TYPES = new Set<string>([
  ...NEWER_PAYMENT_RECORD_TYPES,
  'JobCosting',
  'JobBalanceTotals',
  'QuoteLastTransitioned',
  'RequestsSortInput',
  'RequestsSortKey',
  'ProductsAndServicesCategory',
  'ProductsFilterInput',
  'ProductsAndServicesSortInput',
  'ProductsAndServicesSortKey',
  'ClientSearchField',
  'ClientsSortInput',
  'ClientsSortKey',
  'PaymentRecordSortAttributes',
  'PaymentRecordSortKey',
  'UsersSortInput',
  'UsersSortKey',
]);

function servedTypes(): GraphQLNamedType[] {
  return Object.values(served.getTypeMap()).filter(
    (type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type),
  );
}

/** Differences between a served field and its 2022 namesake, as `path: served ≠ 2022` lines. */
function fieldMismatches(
  key: string,
  field: GraphQLField<unknown, unknown>,
  original: GraphQLField<unknown, unknown>,
): string[] {
  const found: string[] = [];
  const compare = (path: string, actual: string, expected: string | undefined): void => {
    if (expected === undefined) {
      if (!NEWER.has(path)) found.push(`${path} is not in Jobber's 2022 schema nor a documented addition`);
    } else if (actual !== (CHANGED[path] ?? expected)) found.push(`${path}: ${actual} ≠ 2022 ${expected}`);
  };
  compare(key, String(field.type), String(original.type));
  for (const arg of field.args) {
    const originalArg = original.args.find((candidate) => candidate.name === arg.name);
    compare(`${key}(${arg.name})`, String(arg.type), originalArg && String(originalArg.type));
  }
  for (const arg of original.args)
    if (!field.args.some((candidate) => candidate.name === arg.name))
      found.push(`${key}(${arg.name}) is missing`);
  return found;
}

describe('the sandbox schema against Jobber’s internal 2022-03-10 schema (secondary)', () => {
  it('serves only types that exist in Jobber’s schema, or documented newer ones, with the same kind', () => {
    for (const type of servedTypes()) {
      const original = reference.getType(type.name);
      if (!original) {
        expect(`${type.name} is newer`).toBe(
          NEWER_TYPES.has(type.name) ? `${type.name} is newer` : `${type.name} is undocumented`,
        );
        continue;
      }
      expect(`${type.name}: ${original.constructor.name}`).toBe(`${type.name}: ${type.constructor.name}`);
    }
  });

  it('keeps the signature (type, nullability, arguments) of every output field it shares with Jobber', () => {
    const mismatches: string[] = [];
    for (const type of servedTypes()) {
      const original = reference.getType(type.name);
      if (!(type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType)) continue;
      if (!(original instanceof GraphQLObjectType || original instanceof GraphQLInterfaceType)) continue;
      for (const field of Object.values(type.getFields())) {
        const key = `${type.name}.${field.name}`;
        const originalField = original.getFields()[field.name];
        if (!originalField) {
          if (!NEWER.has(key))
            mismatches.push(`${key} is not in Jobber's 2022 schema nor a documented addition`);
          continue;
        }
        mismatches.push(...fieldMismatches(key, field, originalField));
      }
      const interfaces = type.getInterfaces().map((i) => i.name);
      const originalInterfaces = original.getInterfaces().map((i) => i.name);
      for (const name of interfaces)
        if (!originalInterfaces.includes(name) && INTERFACES[type.name] !== name)
          mismatches.push(`${type.name} implements ${name}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('serves every field of Jobber’s filter and sort inputs it uses, with the same types', () => {
    const mismatches: string[] = [];
    for (const type of servedTypes()) {
      const original = reference.getType(type.name);
      if (!(type instanceof GraphQLInputObjectType) || !(original instanceof GraphQLInputObjectType))
        continue;
      const fields = type.getFields();
      for (const originalField of Object.values(original.getFields())) {
        const key = `${type.name}.${originalField.name}`;
        const field = fields[originalField.name];
        if (REMOVED.has(key)) {
          if (field) mismatches.push(`${key} was removed by Jobber but is served`);
        } else if (!field) mismatches.push(`${key} is missing`);
        else if (String(field.type) !== String(originalField.type))
          mismatches.push(`${key}: ${String(field.type)} ≠ ${String(originalField.type)}`);
      }
      for (const name of Object.keys(fields)) {
        if (!original.getFields()[name] && !NEWER.has(`${type.name}.${name}`))
          mismatches.push(`${type.name}.${name} is undocumented`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('serves every value of Jobber’s enums, plus only documented newer values', () => {
    const mismatches: string[] = [];
    for (const type of servedTypes()) {
      const original = reference.getType(type.name);
      if (!(type instanceof GraphQLEnumType) || !(original instanceof GraphQLEnumType)) continue;
      const values = type.getValues().map((value) => value.name);
      const originalValues = original.getValues().map((value) => value.name);
      for (const value of originalValues) {
        const key = `${type.name}.${value}`;
        if (REMOVED.has(key)) {
          if (values.includes(value)) mismatches.push(`${key} was removed by Jobber but is served`);
        } else if (!values.includes(value)) mismatches.push(`${key} is missing`);
      }
      for (const value of values) {
        if (!originalValues.includes(value) && !NEWER.has(`${type.name}.${value}`))
          mismatches.push(`${type.name}.${value} is undocumented`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('serves the root queries of every object the connector reads, singular ones included', () => {
    const query = served.getQueryType()?.getFields() ?? {};
    const roots = [
      'account',
      'user',
      'users',
      'clients',
      'client',
      'properties',
      'property',
      'requests',
      'request',
      'quotes',
      'quote',
    ];
    const more = [
      'jobs',
      'job',
      'visits',
      'visit',
      'invoices',
      'invoice',
      'paymentRecords',
      'paymentRecord',
      'expenses',
      'expense',
    ];
    const rest = ['timeSheetEntries', 'products', 'productOrServices', 'productOrService', 'taxRates'];
    expect([...roots, ...more, ...rest].filter((name) => !query[name])).toEqual([]);
  });
});

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

/**
 * Every type and field the sandbox serves that also exists in Jobber's official 2022-03-10
 * introspection (a copy of ../shared/jobber/schema.json, MIT) has the same signature, except the
 * changes documented in jobber-api.md §8 and the newer additions of §7, listed here.
 */
const reference = buildClientSchema(
  (
    JSON.parse(readFileSync(join(__dirname, 'fixtures', 'jobber-schema-2022-03-10.json'), 'utf8')) as {
      data: IntrospectionQuery;
    }
  ).data,
);
const served = buildSandboxSchema();

/** Documented changes of existing fields: type.field → the signature served instead. */
const CHANGED_FIELDS: Record<string, string> = {
  'ProductOrService.id': ': EncodedId!', // 2022-09-15
  // 2024-11-12: requests(sort:) became a list
  'Query.requests':
    '(filter: RequestFilterAttributes, searchTerm: String, sort: [RequestsSortInput!], after: String, before: String, first: Int, last: Int): RequestConnection!',
  // 2022-03-10 had a deprecated `unitCost: Float!` (the unit price); newer versions reuse the name
  // for the internal unit cost, nullable (jobber-api.md §7.3, Jobber's 2025-04-16 introspection).
  'JobLineItem.unitCost': ': Float',
};

/** Input fields removed by documented versions. */
const REMOVED_INPUT_FIELDS = new Set([
  'TimeSheetEntriesFilterAttributes.startsAfter', // 2023-05-05
  'TimeSheetEntriesFilterAttributes.startsBefore', // 2023-05-05
  'TimeSheetEntriesFilterAttributes.includeEveryAccountTimer', // 2023-08-18
]);

/** Fields, input fields and enum values newer than 2022-03-10 (jobber-api.md §7.2-§8). */
const NEWER = new Set([
  'Quote.lastTransitioned',
  'Quote.salesperson',
  'QuoteFilterAttributes.salespersonId',
  'Job.invoicedTotal',
  'Job.uninvoicedTotal',
  'Job.jobCosting',
  'Job.jobBalanceTotals',
  'Job.salesperson',
  'Job.expenses',
  'Job.timeSheetEntries',
  'JobFilterAttributes.visitsScheduledBetween',
  'JobFilterAttributes.visitsAssignedToUserId',
  'JobFilterAttributes.onlyInvoiceable',
  'JobFilterAttributes.ids',
  'JobSortKey.JOB_NUMBER',
  'JobSortKey.TOTAL_COST',
  'JobSortKey.JOB_STATUS',
  'JobSortKey.SCHEDULE',
  'JobSortKey.VISIT_START_DATE',
  'JobStatusTypeEnum.expiring_within_30_days',
  'JobLineItem.unitCost',
  'JobLineItem.totalCost',
  'VisitFilterAttributes.ids',
  'VisitFilterAttributes.isComplete',
  'VisitsSortableFields.STATUS',
  'InvoiceSortKey.UPDATED_AT',
  'InvoiceStatusTypeEnum.sent_not_due',
  'PaymentRecordFilterAttributes.clientId',
  'TimeSheetEntry.endAt',
  'TimeSheetEntry.createdAt',
  'TimeSheetEntry.updatedAt',
  'TimeSheetEntry.label',
  'TimeSheetEntry.labourRate',
  'TimeSheetEntry.payable',
  'TimeSheetEntry.client',
  'TimeSheetEntriesFilterAttributes.isApproved',
  'TimeSheetEntriesFilterAttributes.isPayable',
  'TimeSheetEntriesFilterAttributes.ticking',
  'TimeSheetEntriesFilterAttributes.createdAt',
  'TimeSheetEntriesFilterAttributes.updatedAt',
  'TimeSheetEntriesFilterAttributes.startAt',
  'TimeSheetEntriesFilterAttributes.currentUserOnly',
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
const NEWER_TYPES = new Set([
  'JobCosting',
  'JobBalanceTotals',
  'QuoteLastTransitioned',
  'RequestsSortInput',
  'RequestsSortKey',
]);

function servedTypes(): GraphQLNamedType[] {
  return Object.values(served.getTypeMap()).filter(
    (type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type),
  );
}

function signature(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(', ');
  return `${args ? `(${args})` : ''}: ${String(field.type)}`;
}

describe('the sandbox schema against Jobber 2022-03-10', () => {
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
          if (!NEWER.has(key)) mismatches.push(`${key} is not in Jobber's schema nor documented as newer`);
          continue;
        }
        const expected = CHANGED_FIELDS[key] ?? signature(originalField);
        if (signature(field) !== expected) mismatches.push(`${key}${signature(field)} ≠ Jobber ${expected}`);
      }
      const interfaces = type.getInterfaces().map((i) => i.name);
      const originalInterfaces = original.getInterfaces().map((i) => i.name);
      for (const name of interfaces)
        if (!originalInterfaces.includes(name)) mismatches.push(`${type.name} implements ${name}`);
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
        if (REMOVED_INPUT_FIELDS.has(key)) {
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
      for (const value of originalValues)
        if (!values.includes(value)) mismatches.push(`${type.name}.${value} is missing`);
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

/**
 * A second, heavier baseline for the cost ratio: a reader that asks for every field of Jobber's
 * Invoice type (each scalar, and each nested object with its scalars; connections and fields with
 * required arguments left out), priced by the sandbox's schema and Jobber's cost rules. It is
 * computed, not run: its pages would be the naive connector's pages, each record costing more.
 */
import { getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLObjectType } from 'graphql';
import { buildSandboxSchema } from '../sandbox/jobber/graphql/schema';
import { MAX_PAGE_SIZE } from './bounds';

/** The root connection and its pageInfo { hasNextPage endCursor }, per page. */
const PAGE_FIXED_COST = 4;

let cached: number | undefined;

/** Points per record of the every-Invoice-field reader (58 with the public 2025-04-16 schema; 61 while the sandbox still served Invoice.discount). */
export function allInvoiceFieldsPerRecord(): number {
  if (cached === undefined) {
    const invoice = buildSandboxSchema().getType('Invoice');
    if (!isObjectType(invoice)) throw new Error('The sandbox schema has no Invoice type');
    cached = objectCost(invoice, 1);
  }
  return cached;
}

/** What the every-Invoice-field reader pays for `records` invoices in pages of 100. */
export function allInvoiceFieldsCost(records: number): number {
  return records * allInvoiceFieldsPerRecord() + Math.ceil(records / MAX_PAGE_SIZE) * PAGE_FIXED_COST;
}

/** 1 per scalar; 1 + its scalars per nested object while `depth` allows; connections skipped. */
function objectCost(type: GraphQLObjectType, depth: number): number {
  let cost = 0;
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((argument) => isNonNullType(argument.type))) continue;
    const named = getNamedType(field.type);
    if (named.name.endsWith('Connection')) continue;
    if (isLeafType(named)) cost += 1;
    else if (isObjectType(named) && depth > 0) cost += 1 + objectCost(named, depth - 1);
  }
  return cost;
}

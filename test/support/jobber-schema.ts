/**
 * The GraphQL schema the catalog's queries must validate against.
 *
 * Interim: Jobber's official 2022-03-10 introspection (/work/shared/jobber/schema.json) extended
 * with the newer fields of jobber-api.md §7.3 that the sandbox serves. To be replaced by the
 * sandbox's own SDL (sandbox/jobber/) once it lands.
 */
import { readFileSync } from 'node:fs';
import { buildClientSchema, extendSchema, parse, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

const SHARED_INTROSPECTION = '/work/shared/jobber/schema.json';

const NEWER_FIELDS = `
  type JobCosting {
    expenseCost: Float!
    labourCost: Float!
    labourDuration: Int!
    lineItemCost: Float!
    profitAmount: Float!
    profitPercentage: Float
    totalCost: Float!
    totalRevenue: Float!
  }
  type QuoteLastTransitioned {
    approvedAt: ISO8601DateTime
    changesRequestedAt: ISO8601DateTime
    convertedAt: ISO8601DateTime
  }
  extend type Job { invoicedTotal: Float! uninvoicedTotal: Float! jobCosting: JobCosting }
  extend type Quote { lastTransitioned: QuoteLastTransitioned }
  extend type TimeSheetEntry { endAt: ISO8601DateTime labourRate: Float }
  extend type JobLineItem { totalCost: Float }
  extend input TimeSheetEntriesFilterAttributes { startAt: Iso8601DateTimeRangeInput isApproved: Boolean }
  extend enum InvoiceStatusTypeEnum { sent_not_due }
  extend enum JobStatusTypeEnum { expiring_within_30_days }
  extend enum PaymentType { ZELLE CASH_APP PAYPAL VENMO E_TRANSFER ACH_BANK_PAYMENT }
`;

let cached: GraphQLSchema | undefined;

export function jobberSchema(): GraphQLSchema {
  if (!cached) {
    const introspection = JSON.parse(readFileSync(SHARED_INTROSPECTION, 'utf8')) as {
      data: IntrospectionQuery;
    };
    cached = extendSchema(buildClientSchema(introspection.data), parse(NEWER_FIELDS), {
      assumeValidSDL: true,
    });
  }
  return cached;
}

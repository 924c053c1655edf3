import { GraphQLError } from 'graphql';
import { idOfKind } from '../../core/ids';
import type { CollectionName } from '../../data/collections';
import { paginate, type ConnectionArgs } from '../connection';
import { on, type Args, type GraphqlContext, type ResolverMap } from '../context';
import { search } from '../filters';
import { byId, rootConnection } from './helpers';
import { productsSpec, usersSpec } from './account-lists';
import { expensesSpec, invoicesSpec, paymentRecordsSpec, timeSheetEntriesSpec } from './billing-lists';
import { clientsSpec, propertiesSpec, requestsSpec } from './client-lists';
import { jobsSpec, quotesSpec, visitsSpec } from './work-lists';
import { accountObject } from './shapes';

/** `query { invoice(id: …) }`: null for an id of another kind or of another account. */
function single<C extends CollectionName>(collection: C, kind: string) {
  return on((_root, args: Args, ctx: GraphqlContext) =>
    byId(ctx, collection, idOfKind(String(args.id), kind)),
  );
}

export const ROOT_RESOLVERS: ResolverMap = {
  Query: {
    account: on((_root, _args, ctx) => accountObject(ctx.data)),
    user: on((_root, args, ctx) => {
      const id = args.id === undefined || args.id === null ? ctx.userId : idOfKind(String(args.id), 'User');
      return byId(ctx, 'users', id);
    }),
    users: on((_root, args, ctx) => rootConnection(ctx, 'users', args, usersSpec(args))),
    client: single('clients', 'Client'),
    clients: on((_root, args, ctx) => rootConnection(ctx, 'clients', args, clientsSpec(args, ctx.data))),
    property: single('properties', 'Property'),
    properties: on((_root, args, ctx) => rootConnection(ctx, 'properties', args, propertiesSpec(args))),
    request: single('requests', 'Request'),
    requests: on((_root, args, ctx) => rootConnection(ctx, 'requests', args, requestsSpec(args, ctx.data))),
    quote: single('quotes', 'Quote'),
    quotes: on((_root, args, ctx) => rootConnection(ctx, 'quotes', args, quotesSpec(args, ctx.data))),
    job: single('jobs', 'Job'),
    jobs: on((_root, args, ctx) => rootConnection(ctx, 'jobs', args, jobsSpec(args, ctx.data, ctx.now))),
    visit: single('visits', 'Visit'),
    visits: on((_root, args, ctx) =>
      rootConnection(ctx, 'visits', args, visitsSpec(args, ctx.data, ctx.now)),
    ),
    invoice: single('invoices', 'Invoice'),
    invoices: on((_root, args, ctx) =>
      rootConnection(ctx, 'invoices', args, invoicesSpec(args, ctx.data, ctx.now)),
    ),
    paymentRecord: single('paymentRecords', 'PaymentRecord'),
    paymentRecords: on((_root, args, ctx) =>
      rootConnection(ctx, 'paymentRecords', args, paymentRecordsSpec(args)),
    ),
    expense: single('expenses', 'Expense'),
    expenses: on((_root, args, ctx) => rootConnection(ctx, 'expenses', args, expensesSpec(args))),
    timeSheetEntries: on((_root, args, ctx) =>
      rootConnection(ctx, 'timeSheetEntries', args, timeSheetEntriesSpec(args, ctx.userId)),
    ),
    productOrService: on((_root, args, ctx) => {
      const product = byId(ctx, 'products', idOfKind(String(args.id), 'ProductOrService'));
      if (!product) throw new GraphQLError('ProductOrService not found');
      return product;
    }),
    productOrServices: on((_root, args, ctx) => rootConnection(ctx, 'products', args, productsSpec({}))),
    products: on((_root, args, ctx) => rootConnection(ctx, 'products', args, productsSpec(args))),
    taxRates: on((_root, args, ctx) => {
      const matches = search(args.searchTerm, (rate: { name: string; label: string }) => [
        rate.name,
        rate.label,
      ]);
      const rates = matches ? ctx.data.records.taxRates.filter(matches) : ctx.data.records.taxRates;
      return paginate(rates, args as ConnectionArgs, `taxRates:${String(args.searchTerm ?? '')}`);
    }),
  },
};

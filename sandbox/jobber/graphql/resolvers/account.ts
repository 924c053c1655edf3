import { encodeId } from '../../core/ids';
import type { ProductRecord, TaxRateRecord, UserRecord } from '../../data/records';
import { on, type ResolverMap } from '../context';
import { userName, userPhone } from './shapes';

/** Jobber's accounts may define custom fields; the sandbox's define none. */
const noCustomFields = on(() => []);

export const ACCOUNT_RESOLVERS: ResolverMap = {
  User: {
    name: on<UserRecord>((user) => userName(user)),
    email: on<UserRecord>((user) => ({ raw: user.email, isValid: true })),
    phone: on<UserRecord>((user) => userPhone(user)),
    isCurrentUser: on<UserRecord>((user, _args, ctx) => user.id === ctx.userId),
    timezone: on<UserRecord>((user) => user.timeZone),
  },
  TaxRate: {
    components: on<TaxRateRecord>(() => null),
  },
  TaxRateBase: {
    id: on<TaxRateRecord>((rate) => encodeId('TaxRate', rate.id)),
  },
  ProductOrService: {
    id: on<ProductRecord>((product) => encodeId('ProductOrService', product.id)),
    customFields: noCustomFields,
  },
  Client: { customFields: noCustomFields },
  Property: { customFields: noCustomFields },
  Quote: { customFields: noCustomFields },
  Job: { customFields: noCustomFields },
  Invoice: { customFields: noCustomFields },
  Mutation: {
    appDisconnect: on((_root, _args, ctx) => {
      ctx.disconnectApp();
      return {
        app: { id: encodeId('Application', 1), name: ctx.appName, author: 'Jobber sandbox' },
        userErrors: [],
      };
    }),
  },
};

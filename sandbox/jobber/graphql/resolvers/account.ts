import { encodeId } from '../../core/ids';
import type { ProductRecord, TaxRateRecord, UserRecord } from '../../data/records';
import { on, type ResolverMap } from '../context';
import { accountObject, userName, userPhone } from './shapes';

export const ACCOUNT_RESOLVERS: ResolverMap = {
  Account: {
    accountOwner: on((_account, _args, ctx) => ctx.data.records.users.find((user) => user.isAccountOwner)),
    currentUser: on((_account, _args, ctx) => ctx.data.find('users', ctx.userId)),
    taxRates: on((_account, _args, ctx) => ctx.data.records.taxRates),
  },
  User: {
    name: on<UserRecord>((user) => userName(user)),
    email: on<UserRecord>((user) => ({ raw: user.email, isValid: true })),
    phone: on<UserRecord>((user) => userPhone(user)),
    isCurrentUser: on<UserRecord>((user, _args, ctx) => user.id === ctx.userId),
    timezone: on<UserRecord>((_user, _args, ctx) => ctx.data.spec.timeZone),
    account: on<UserRecord>((_user, _args, ctx) => accountObject(ctx.data)),
  },
  TaxRate: {
    components: on<TaxRateRecord>(() => null),
  },
  TaxRateBase: {
    id: on<TaxRateRecord>((rate) => encodeId('TaxRate', rate.id)),
  },
  ProductOrService: {
    id: on<ProductRecord>((product) => encodeId('ProductOrService', product.id)),
  },
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

import type { AccountData } from '../data/account-data';

/** What every resolver sees: the caller's account (and nothing else), its user, the clock. */
export interface GraphqlContext {
  readonly data: AccountData;
  readonly userId: number;
  readonly appName: string;
  readonly now: number;
  /** The appDisconnect mutation: revokes the calling app's tokens for this account. */
  readonly disconnectApp: () => void;
}

export type Args = Record<string, unknown>;

/** A resolver over a stored record of type T. */
export type FieldResolver<T> = (record: T, args: Args, context: GraphqlContext) => unknown;

export type ResolverMap = Record<
  string,
  Record<string, (source: unknown, args: Args, context: GraphqlContext) => unknown>
>;

/** Declares a resolver on records of type T (graphql-js hands resolvers `unknown` sources). */
export function on<T>(
  resolve: FieldResolver<T>,
): (source: unknown, args: Args, context: GraphqlContext) => unknown {
  return (source, args, context) => resolve(source as T, args, context);
}

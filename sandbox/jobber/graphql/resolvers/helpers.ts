import type { AccountData } from '../../data/account-data';
import type { CollectionName, RecordOf } from '../../data/collections';
import { displayName } from '../../data/people';
import { paginate, type Connection, type ConnectionArgs } from '../connection';
import { on, type Args, type GraphqlContext } from '../context';
import { allOf, type Predicate } from '../filters';
import { memoizedList } from '../lists';
import { comparatorFor, type SortInput, type SortKeys } from '../sorting';

/** A link to one record of another collection, through a foreign key. */
export function ref<T, C extends CollectionName>(collection: C, key: (record: T) => number | null) {
  return on<T>((record, _args, ctx) => ctx.data.find(collection, key(record)) ?? null);
}

/** A connection over the records of a collection that point at the parent through `foreignKey`. */
export function children<T extends { id: number }, C extends CollectionName>(
  collection: C,
  foreignKey: string,
  order?: (a: RecordOf<C>, b: RecordOf<C>) => number,
) {
  return on<T>((parent, args, ctx) => {
    const list = ctx.data.childrenOf(collection, foreignKey, parent.id);
    const sorted = order ? [...list].sort(order) : list;
    return paginate(sorted, args as ConnectionArgs, `${collection}.${foreignKey}:${parent.id}`);
  });
}

/** A connection over records whose ids the parent lists. */
export function listed<T, C extends CollectionName>(
  collection: C,
  ids: (record: T) => readonly number[],
  scope: string,
) {
  return on<T>((parent, args, ctx) => {
    const records = ids(parent)
      .map((id) => ctx.data.find(collection, id))
      .filter((record): record is RecordOf<C> => record !== undefined);
    return paginate(records, args as ConnectionArgs, `${scope}:${ids(parent).join(',')}`);
  });
}

export interface ListSpec<T> {
  readonly where?: readonly (Predicate<T> | undefined)[];
  readonly sortKeys?: SortKeys<T>;
  readonly sort?: readonly SortInput[] | null;
  /** Jobber's documented default order ("recently updated", "by start", …). */
  readonly defaultOrder: readonly SortInput[];
}

/** A root connection: filter, sort (memoized per arguments), then one page. */
export function rootConnection<C extends CollectionName>(
  ctx: GraphqlContext,
  collection: C,
  args: Args,
  spec: ListSpec<RecordOf<C>>,
): Connection<RecordOf<C>> {
  const scope = JSON.stringify({ collection, ...listArguments(args) });
  // Statuses follow the clock: a list is rebuilt when one changes, its cursors stay valid.
  const key = `${scope}@${ctx.data.statusPeriod(ctx.now)}`;
  const list = memoizedList(ctx.data, key, () =>
    selectAndSort(ctx.data.records[collection] as RecordOf<C>[], spec),
  );
  return paginate(list, args as ConnectionArgs, scope);
}

/** The records a list's filters keep, in its order: a root list, or a nested one (a client's jobs). */
export function selectAndSort<T extends { id: number }>(records: readonly T[], spec: ListSpec<T>): T[] {
  const comparator = comparatorFor(spec.sort, spec.sortKeys ?? {}, spec.defaultOrder);
  return records.filter(allOf(spec.where ?? [])).sort(comparator);
}

const PAGING_ARGUMENTS = new Set(['first', 'last', 'after', 'before']);

/** Every argument that decides which records a list holds and in which order (not the page). */
function listArguments(args: Args): Args {
  return Object.fromEntries(
    Object.entries(args)
      .filter(([name, value]) => !PAGING_ARGUMENTS.has(name) && value !== undefined && value !== null)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** The `filter` argument of a list, or no filter. */
export function filterOf(args: Args): Record<string, unknown> {
  return (args.filter ?? {}) as Record<string, unknown>;
}

/** A record's client as Jobber names it (CLIENT_PRIMARY_NAME), or '' when it has none. */
export function clientName(data: AccountData, clientId: number): string {
  const client = data.find('clients', clientId);
  return client ? displayName(client) : '';
}

/** Sort arguments as a list: some of Jobber's sorts take one input, others a list. */
export function sortInputs(args: Args): SortInput[] | null {
  const sort = args.sort as SortInput | SortInput[] | null | undefined;
  if (sort === undefined || sort === null) return null;
  return Array.isArray(sort) ? sort : [sort];
}

/** A root lookup by EncodedId: null for ids of another kind or another account. */
export function byId<C extends CollectionName>(
  ctx: GraphqlContext,
  collection: C,
  id: number | undefined,
): RecordOf<C> | null {
  return ctx.data.find(collection, id) ?? null;
}

export const round2 = (value: number): number => Math.round(value * 100) / 100;

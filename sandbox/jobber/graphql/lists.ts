import type { AccountData } from '../data/account-data';

const MAX_LISTS_PER_ACCOUNT = 24;

interface AccountLists {
  /** The account's revision the lists were built at: a change to its records drops them all. */
  readonly revision: number;
  readonly lists: Map<string, readonly unknown[]>;
}

const cache = new WeakMap<AccountData, AccountLists>();

/**
 * Filtered and sorted root lists, memoized per account and arguments: paging through 100,000
 * invoices sorts them once, not once per page. The key says what else the list depends on (the
 * status period); a change to the account's records drops every list.
 */
export function memoizedList<T>(data: AccountData, key: string, build: () => T[]): readonly T[] {
  let entry = cache.get(data);
  if (entry?.revision !== data.revision) {
    entry = { revision: data.revision, lists: new Map() };
    cache.set(data, entry);
  }
  const { lists } = entry;
  const hit = lists.get(key);
  if (hit) {
    lists.delete(key);
    lists.set(key, hit);
    return hit as readonly T[];
  }
  const list = build();
  lists.set(key, list);
  if (lists.size > MAX_LISTS_PER_ACCOUNT) {
    const oldest = lists.keys().next().value;
    if (oldest !== undefined) lists.delete(oldest);
  }
  return list;
}

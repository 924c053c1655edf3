import type { AccountData } from '../data/account-data';

const MAX_LISTS_PER_ACCOUNT = 24;
const cache = new WeakMap<AccountData, Map<string, readonly unknown[]>>();

/**
 * Filtered and sorted root lists, memoized per account and arguments: paging through 100,000
 * invoices sorts them once, not once per page. The data never changes, so entries never go stale.
 */
export function memoizedList<T>(data: AccountData, key: string, build: () => T[]): readonly T[] {
  let lists = cache.get(data);
  if (!lists) {
    lists = new Map();
    cache.set(data, lists);
  }
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

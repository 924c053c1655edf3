import type { ProductRecord, UserRecord } from '../../data/records';
import type { Args } from '../context';
import { equals, idIn, search, type Predicate } from '../filters';
import { ascending } from '../sorting';
import { filterOf, sortInputs, type ListSpec } from './helpers';

/** The root lists of the account's users and its products and services: filters, searches, sorts. */

const LEVELS = ['NONE', 'READ', 'CREATE', 'WRITE', 'MANAGE', 'DELETE', 'FULL'];
const CREW_AREAS = new Set([
  'CLIENTS',
  'CLIENTS_INDEX',
  'WORK_ORDERS',
  'WORK_ORDERS_INDEX',
  'TIME_SHEETS',
  'JOB_NOTES',
  'TO_DOS',
  'FORMS_AND_CHECKLISTS',
]);

/** The sandbox's permission model: admins have FULL everywhere, crew READ on field work only. */
function permissionLevel(user: UserRecord, area: string): number {
  if (user.isAccountAdmin) return LEVELS.length - 1;
  return CREW_AREAS.has(area) ? 1 : 0;
}

/** Users with at least the given level in the area (any level above NONE when no level is given). */
function hasPermission(input: unknown): Predicate<UserRecord> | undefined {
  if (input === undefined || input === null) return undefined;
  const { area, level } = input as { area?: string | null; level?: string | null };
  const minimum = level ? LEVELS.indexOf(level) : 1;
  return (user) => (area ? permissionLevel(user, area) : permissionLevel(user, 'ACCOUNT')) >= minimum;
}

/** Lifecycle order of UsersSortKey.STATUS (Jobber: DEACTIVATED < SEND_INVITE < RESEND_INVITE < ACTIVATED). */
const STATUS_RANK: Readonly<Record<string, number>> = { DEACTIVATED: 0, ACTIVATED: 3 };

export function usersSpec(args: Args): ListSpec<UserRecord> {
  const filter = filterOf(args);
  return {
    where: [
      equals(filter.status as string | undefined, (user: UserRecord) => user.status),
      hasPermission(filter.permissions),
      idIn(filter.userIds, 'User', 'filter.userIds', (user: UserRecord) => user.id),
      search(args.searchTerm, (user: UserRecord) => [`${user.firstName} ${user.lastName}`, user.email]),
    ],
    sortKeys: {
      ADMIN: (user) => !user.isAccountAdmin,
      NAME: (user) => `${user.firstName} ${user.lastName}`,
      // owner > admin > user
      ROLE: (user) => (user.isAccountOwner ? 2 : user.isAccountAdmin ? 1 : 0),
      LAST_ACTIVE: (user) => user.lastLoginAt,
      STATUS: (user) => STATUS_RANK[user.status] ?? 0,
    },
    sort: sortInputs(args),
    defaultOrder: [ascending('ADMIN'), ascending('NAME')],
  };
}

export function productsSpec(args: Args): ListSpec<ProductRecord> {
  const filter = filterOf(args);
  const categories = Array.isArray(filter.category)
    ? filter.category.map((category) => String(category).toUpperCase())
    : null;
  return {
    where: [
      categories ? (product: ProductRecord) => categories.includes(product.category) : undefined,
      idIn(filter.ids, 'ProductOrService', 'filter.ids', (product: ProductRecord) => product.id),
      search(args.searchTerm, (product: ProductRecord) => [product.name]),
    ],
    sortKeys: {
      NAME: (product) => product.name,
      DESCRIPTION: (product) => product.description,
      MARKUP: (product) => product.markup,
      DEFAULT_UNIT_COST: (product) => product.defaultUnitCost,
      CATEGORY: (product) => product.category,
      ID: (product) => product.id,
    },
    sort: sortInputs({ sort: filter.sort }),
    defaultOrder: [ascending('ID')],
  };
}

import { JobberFailure } from '../errors';
import type { PropertyStore } from '../platform';
import { isJsonObject, parseJsonObject, type JsonObject, type JsonValue } from '../json';
import type { JobberAccount } from './api';
import type { Transport } from './transport';

/** User property holding the connected Jobber account (id, name, time zone) as JSON. */
export const ACCOUNT_PROPERTY = 'jobber.account';
export const FALLBACK_TIME_ZONE = 'UTC';

/**
 * The account and the time zones that may be its own, in one request (docs/jobber-api.md §7.3):
 * Jobber's public API has no zone on Account, only User.timezone. Sorting users by ROLE puts the
 * owner first (owner > admin > user), so one user node (2 points) finds the owner's zone without
 * reading the team; isAccountOwner confirms it.
 */
const ACCOUNT_WITH_ZONES =
  'query ConnectorAccount { account { id name } user { isAccountOwner timezone } ' +
  'users(first: 1, sort: [{ key: ROLE, direction: DESCENDING }]) { nodes { isAccountOwner timezone } } }';
/** For a Jobber that refuses the users sort, or hides other users from this app: the user's own zone. */
const ACCOUNT_WITH_USER_ZONE =
  'query ConnectorAccountUser { account { id name } user { isAccountOwner timezone } }';
const ACCOUNT_ONLY = 'query ConnectorAccountOnly { account { id name } }';

// Failures that mean "this part is not available to the app", after which a smaller query is tried.
const FIELD_UNAVAILABLE = new Set(['permission_hidden', 'schema_mismatch', 'graphql']);

export function storedAccount(store: PropertyStore): JobberAccount | undefined {
  const { id, name, timeZone } = parseJsonObject(store.getProperty(ACCOUNT_PROPERTY)) ?? {};
  if (typeof id !== 'string' || typeof name !== 'string' || typeof timeZone !== 'string') return undefined;
  return { id, name, timeZone };
}

export function storeAccount(store: PropertyStore, account: JobberAccount): void {
  store.setProperty(ACCOUNT_PROPERTY, JSON.stringify(account));
}

export function forgetAccount(store: PropertyStore): void {
  store.deleteProperty(ACCOUNT_PROPERTY);
}

/**
 * Asks Jobber which account the token belongs to and its time zone: the account owner's, else the
 * connecting user's, else UTC. Throws a JobberFailure when the account itself cannot be read.
 */
export function fetchAccount(transport: Transport): JobberAccount {
  const data =
    tryQuery(transport, ACCOUNT_WITH_ZONES) ??
    tryQuery(transport, ACCOUNT_WITH_USER_ZONE) ??
    transport.execute({ query: ACCOUNT_ONLY }).data;
  const account = data.account;
  if (!isJsonObject(account) || typeof account.id !== 'string' || typeof account.name !== 'string')
    throw new JobberFailure('malformed', 'account without id and name');
  return { id: account.id, name: account.name, timeZone: accountTimeZone(data) };
}

/** The owner's zone (first of the users sorted by role, or the user itself), else the user's, else UTC. */
function accountTimeZone(data: JsonObject): string {
  const user = isJsonObject(data.user) ? data.user : undefined;
  const users = isJsonObject(data.users) && Array.isArray(data.users.nodes) ? data.users.nodes : [];
  const owner = [...users, user].find((node) => isJsonObject(node) && node.isAccountOwner === true);
  const ownerZone = isJsonObject(owner) ? timeZoneOf(owner.timezone) : undefined;
  return ownerZone ?? (user ? timeZoneOf(user.timezone) : undefined) ?? FALLBACK_TIME_ZONE;
}

function tryQuery(transport: Transport, query: string): JsonObject | undefined {
  try {
    return transport.execute({ query }).data;
  } catch (error) {
    if (error instanceof JobberFailure && FIELD_UNAVAILABLE.has(error.kind)) return undefined;
    throw error;
  }
}

/** An IANA zone name such as America/Denver or UTC; anything else is ignored. */
function timeZoneOf(value: JsonValue | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const zone = value.trim();
  return /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone) ? zone : undefined;
}

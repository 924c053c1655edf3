import { JobberFailure } from '../errors';
import type { PropertyStore } from '../platform';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { JobberAccount } from './api';
import type { Transport } from './transport';

/** User property holding the connected Jobber account (id, name, time zone) as JSON. */
export const ACCOUNT_PROPERTY = 'jobber.account';
export const FALLBACK_TIME_ZONE = 'UTC';

const ACCOUNT_WITH_OWNER_ZONE = 'query ConnectorAccount { account { id name accountOwner { timezone } } }';
const ACCOUNT_ONLY = 'query ConnectorAccountOnly { account { id name } }';
const USER_ZONE = 'query ConnectorUserZone { user { timezone } }';

// Failures that mean "this field is not available to the app", after which a fallback is tried.
const FIELD_UNAVAILABLE = new Set(['permission_hidden', 'graphql']);

export function storedAccount(store: PropertyStore): JobberAccount | undefined {
  const text = store.getProperty(ACCOUNT_PROPERTY);
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (!isJsonObject(value)) return undefined;
    const { id, name, timeZone } = value;
    if (typeof id !== 'string' || typeof name !== 'string' || typeof timeZone !== 'string') return undefined;
    return { id, name, timeZone };
  } catch {
    return undefined;
  }
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
  const combined = tryQuery(transport, ACCOUNT_WITH_OWNER_ZONE);
  const accountData = combined ?? transport.execute({ query: ACCOUNT_ONLY }).data;
  const account = accountData.account;
  if (!isJsonObject(account) || typeof account.id !== 'string' || typeof account.name !== 'string')
    throw new JobberFailure('malformed', 'account without id and name');
  const ownerZone = isJsonObject(account.accountOwner)
    ? timeZoneOf(account.accountOwner.timezone)
    : undefined;
  const timeZone = ownerZone ?? userTimeZone(transport) ?? FALLBACK_TIME_ZONE;
  return { id: account.id, name: account.name, timeZone };
}

function userTimeZone(transport: Transport): string | undefined {
  const data = tryQuery(transport, USER_ZONE);
  return data && isJsonObject(data.user) ? timeZoneOf(data.user.timezone) : undefined;
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

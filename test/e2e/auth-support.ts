import type { RequestLogEntry } from '../../sandbox/jobber/control-types';
import { LookerUserError, type ConfigParams, type DataSource, type LookerStudio } from '../../sandbox/studio';
import type { World } from '../support/e2e';

/** Shared by the auth and reliability end-to-end suites: a small data source and log readers. */

/**
 * Every chart reads clients, uncached, so each getData really reaches Jobber (through the private
 * copy, the default, a chart within seconds of the copy's last sync is answered without Jobber: pass
 * LIVE_ONLY where every chart must read Jobber itself).
 */
export const CLIENTS_CHART = { fields: ['clientId', 'clientName'] };

export function clientsSource(studio: LookerStudio, config: ConfigParams = {}): Promise<DataSource> {
  return studio.connect({ object: 'clients', dateField: 'allTime', cacheMinutes: '0', ...config });
}

/** The user error a promise ended with (the test fails if it succeeded or broke the contract). */
export async function userErrorOf(promise: Promise<unknown>): Promise<LookerUserError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LookerUserError) return error;
    throw error;
  }
  throw new Error('expected a user error, but the call succeeded');
}

export interface StoredTokens {
  readonly access_token: string;
  readonly refresh_token: string;
}

/** The token the OAuth2 library stored for this Google user, if any. */
export function storedTokens(world: World, user: string): StoredTokens | undefined {
  const text = world.runtime.userProperties(user)['oauth2.jobber'];
  return text ? (JSON.parse(text) as StoredTokens) : undefined;
}

/** The sandbox's request log since `since` (sequence number). */
export async function requestsSince(world: World, since = 0): Promise<RequestLogEntry[]> {
  return world.sandbox.control.requests.list(since);
}

export async function lastSequence(world: World): Promise<number> {
  const log = await world.sandbox.control.requests.list();
  return log[log.length - 1]?.seq ?? 0;
}

export const isRefresh = (entry: RequestLogEntry): boolean =>
  entry.endpoint === 'token' && entry.grantType === 'refresh_token';

export const isInvalidGrant = (entry: RequestLogEntry): boolean =>
  entry.endpoint === 'token' && entry.outcome === 'invalid_grant';

export const isGraphql401 = (entry: RequestLogEntry): boolean =>
  entry.endpoint === 'graphql' && entry.status === 401;

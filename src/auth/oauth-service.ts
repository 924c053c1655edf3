import { setupIncomplete } from '../errors';
import type { OAuthService, Platform, PropertyStore } from '../platform';

/** Storage prefix of the OAuth2 library: the token lives in user property `oauth2.jobber`. */
export const SERVICE_NAME = 'jobber';
/** The global function Apps Script's /usercallback calls; must match src/main.ts. */
export const CALLBACK_FUNCTION = 'authCallback';
export const CLIENT_ID_PROPERTY = 'JOBBER_CLIENT_ID';
export const CLIENT_SECRET_PROPERTY = 'JOBBER_CLIENT_SECRET';

/** Jobber's OAuth URLs (built from the configured host by the composition root). */
export interface OAuthEndpoints {
  readonly authorize: string;
  readonly token: string;
}

export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** The Jobber app's credentials, or the admin-facing setup error naming what is missing and where to add it. */
export function clientCredentials(
  scriptProperties: PropertyStore,
  setupPage: () => string | null = () => null,
): ClientCredentials {
  const clientId = (scriptProperties.getProperty(CLIENT_ID_PROPERTY) ?? '').trim();
  const clientSecret = (scriptProperties.getProperty(CLIENT_SECRET_PROPERTY) ?? '').trim();
  const missing = [
    ...(clientId ? [] : [CLIENT_ID_PROPERTY]),
    ...(clientSecret ? [] : [CLIENT_SECRET_PROPERTY]),
  ];
  if (missing.length > 0) throw setupIncomplete(missing, setupPage());
  return { clientId, clientSecret };
}

/**
 * Where the administrator enters the credentials: the setup page's URL, or null when no web app is
 * deployed (or Apps Script will not say); never throws, as it only decorates an error.
 */
export function setupPageUrl(platform: Pick<Platform, 'webAppUrl'>): string | null {
  try {
    return platform.webAppUrl();
  } catch {
    return null;
  }
}

/**
 * The OAuth2 library service for Jobber: user properties, user cache and user lock together (the
 * library's best practice), the very lock object the connector also takes before renewing tokens.
 * Credentials may be missing here (reading a stored token needs none); whatever needs them calls
 * clientCredentials() first.
 */
export function createOAuthService(platform: Platform, endpoints: OAuthEndpoints): OAuthService {
  const environment = platform.oauth2Environment();
  const clientId = platform.scriptProperties.getProperty(CLIENT_ID_PROPERTY) ?? '';
  const clientSecret = platform.scriptProperties.getProperty(CLIENT_SECRET_PROPERTY) ?? '';
  return environment.library
    .createService(SERVICE_NAME)
    .setAuthorizationBaseUrl(endpoints.authorize)
    .setTokenUrl(endpoints.token)
    .setClientId(clientId.trim())
    .setClientSecret(clientSecret.trim())
    .setCallbackFunction(CALLBACK_FUNCTION)
    .setPropertyStore(environment.userProperties)
    .setCache(environment.userCache)
    .setLock(environment.userLock);
}

import { ConnectorError } from '../errors';
import type { Platform } from '../platform/platform';

export interface AuthEntryPoints {
  getAuthType(): unknown;
  isAuthValid(): boolean;
  resetAuth(): void;
  get3PAuthorizationUrls(): string;
  authCallback(request: unknown): GoogleAppsScript.HTML.HtmlOutput;
  isAdminUser(): boolean;
}

/** Script property listing the Google accounts (comma separated) that see admin debug text. */
export const ADMIN_EMAILS_PROPERTY = 'ADMIN_EMAILS';

export function createAuthEntryPoints(platform: Platform): AuthEntryPoints {
  const notReady = (): never => {
    throw new ConnectorError('INTERNAL', 'Jobber authorization is not available in this build yet.');
  };
  return {
    getAuthType: () => {
      const api = platform.connectorApi;
      return api.newAuthTypeResponse().setAuthType(api.AuthType.OAUTH2).build();
    },
    isAuthValid: () => false,
    resetAuth: notReady,
    get3PAuthorizationUrls: notReady,
    authCallback: notReady,
    isAdminUser: () => isAdminEmail(platform),
  };
}

function isAdminEmail(platform: Platform): boolean {
  const listed = platform.scriptProperties.getProperty(ADMIN_EMAILS_PROPERTY) ?? '';
  const email = platform.effectiveUserEmail().trim().toLowerCase();
  if (!email) return false;
  return listed
    .split(/[,\s;]+/)
    .map((entry) => entry.trim().toLowerCase())
    .some((entry) => entry === email);
}

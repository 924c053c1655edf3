import type { HtmlPage, OAuthService, Platform } from '../platform';
import { completeAuthorization, type CallbackDeps } from './callback';
import { setupPageUrl } from './oauth-service';
import { AUTH_PAGE_TITLE, authPageHtml } from './pages';
import type { TokenKeeper } from './token-keeper';

export interface AuthEntryPoints {
  getAuthType(): unknown;
  isAuthValid(): boolean;
  resetAuth(): void;
  get3PAuthorizationUrls(): string;
  authCallback(request: unknown): HtmlPage;
  isAdminUser(): boolean;
}

/** Script property listing the Google accounts (comma separated) that see admin debug text. */
export const ADMIN_EMAILS_PROPERTY = 'ADMIN_EMAILS';

export interface AuthEntryPointDeps {
  readonly platform: Platform;
  readonly service: () => OAuthService;
  readonly tokens: () => TokenKeeper;
  readonly requireCredentials: () => void;
  readonly callback: () => CallbackDeps;
  /** Deletes this user's tokens, stored account and cached report data. */
  readonly reset: () => void;
}

export function createAuthEntryPoints(deps: AuthEntryPointDeps): AuthEntryPoints {
  const { platform } = deps;
  return {
    getAuthType: () => {
      const api = platform.connectorApi;
      return api.newAuthTypeResponse().setAuthType(api.AuthType.OAUTH2).build();
    },
    isAuthValid: () => deps.tokens().isValid(),
    resetAuth: () => deps.reset(),
    get3PAuthorizationUrls: () => {
      deps.requireCredentials();
      return deps.service().getAuthorizationUrl();
    },
    authCallback: (request) => {
      const result = completeAuthorization(deps.callback(), request);
      const setupPage = result.outcome === 'setup' ? setupPageUrl(platform) : null;
      return platform.htmlPage(authPageHtml(result.outcome, result.accountName, setupPage), AUTH_PAGE_TITLE);
    },
    isAdminUser: () => isAdminEmail(platform),
  };
}

function isAdminEmail(platform: Platform): boolean {
  const email = platform.effectiveUserEmail().trim().toLowerCase();
  if (!email) return false;
  return adminEmailsOf(platform.scriptProperties.getProperty(ADMIN_EMAILS_PROPERTY) ?? '').includes(email);
}

/** The addresses in an ADMIN_EMAILS text (separated by commas, semicolons or spaces), lower case, once each. */
export function adminEmailsOf(text: string): string[] {
  const emails = text
    .split(/[,;\s]+/)
    .map((email) => email.trim().toLowerCase())
    .filter((email) => email !== '');
  return [...new Set(emails)];
}

/** Authorization's public surface: what the composition root wires. */
export {
  ADMIN_EMAILS_PROPERTY,
  adminEmailsOf,
  createAuthEntryPoints,
  type AuthEntryPoints,
} from './entry-points';
export {
  CLIENT_ID_PROPERTY,
  CLIENT_SECRET_PROPERTY,
  clientCredentials,
  createOAuthService,
  setupPageUrl,
} from './oauth-service';
export { escapeHtml } from './pages';
export { createTokenKeeper, type TokenKeeper } from './token-keeper';

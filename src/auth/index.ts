/** Authorization's public surface: what the composition root wires. */
export { createAuthEntryPoints, type AuthEntryPoints } from './entry-points';
export { clientCredentials, createOAuthService } from './oauth-service';
export { createTokenKeeper, type TokenKeeper } from './token-keeper';

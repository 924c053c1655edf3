import { randomBytes } from 'node:crypto';

/** Google's access tokens live an hour. */
export const TOKEN_LIFETIME_MS = 3_600_000;
/**
 * getOAuthToken hands out the user's current token while it outlives any execution (6 minutes),
 * then a new one: a token read in an execution works to the end of it, and one kept across
 * executions (in properties, say) stops working within the hour, as with Google.
 */
const REISSUE_BEFORE_EXPIRY_MS = 360_000;

export interface TokenGrant {
  readonly user: string;
  /** The OAuth client (Cloud project) the token was issued to. */
  readonly app: string;
  readonly scopes: ReadonlySet<string>;
  readonly expiresAt: number;
}

/** The access tokens ScriptApp.getOAuthToken() issues: opaque, per user × app × scopes, one hour. */
export class OAuthTokens {
  private readonly grants = new Map<string, TokenGrant>();
  private readonly current = new Map<string, string>();

  issue(user: string, app: string, scopes: readonly string[], now: number): string {
    const key = JSON.stringify([user, app, [...scopes].sort()]);
    const existing = this.current.get(key);
    const grant = existing === undefined ? undefined : this.grants.get(existing);
    if (existing !== undefined && grant && grant.expiresAt - now > REISSUE_BEFORE_EXPIRY_MS) return existing;
    const token = `ya29.local-${randomBytes(24).toString('base64url')}`;
    this.grants.set(token, { user, app, scopes: new Set(scopes), expiresAt: now + TOKEN_LIFETIME_MS });
    this.current.set(key, token);
    return token;
  }

  /** The grant behind a live token, or null (unknown, expired or revoked). */
  resolve(token: string, now: number): TokenGrant | null {
    const grant = this.grants.get(token);
    return grant && grant.expiresAt > now ? grant : null;
  }

  /** Every token of the user stops working (revoked access, or simply expired). */
  revoke(user: string): void {
    for (const [token, grant] of this.grants) if (grant.user === user) this.grants.delete(token);
    for (const [key, token] of this.current) if (!this.grants.has(token)) this.current.delete(key);
  }

  clear(): void {
    this.grants.clear();
    this.current.clear();
  }
}

import { randomBytes } from 'node:crypto';
import { encodeId } from '../core/ids';
import { signJwt, verifyJwt, type AccessClaims } from './jwt';

/**
 * Authorizations (grants) and their tokens. A grant is one app connected to one account by one
 * user; its refresh tokens form a family: with rotation, each refresh issues a new refresh token
 * and the one used dies at once. Disconnecting kills the grant and every token of it.
 */
export interface Grant {
  readonly id: number;
  readonly clientId: string;
  readonly accountId: number;
  readonly userId: number;
  readonly createdAt: number;
  revokedReason: 'disconnected' | 'code_reused' | null;
}

export interface AuthorizationCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly accountId: number;
  readonly userId: number;
  readonly expiresAt: number;
  used: boolean;
  grantId: number | null;
}

interface RefreshToken {
  readonly grantId: number;
  /** Why it no longer works: rotated (replaced by a newer one) or its grant was revoked. */
  dead: 'rotated' | null;
}

export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly grant: Grant;
}

export type AccessCheck =
  | { readonly ok: true; readonly grant: Grant; readonly claims: AccessClaims }
  | { readonly ok: false; readonly reason: 'invalid' | 'expired' | 'disconnected' };

export type RefreshResult =
  | { readonly ok: true; readonly pair: TokenPair; readonly rotated: boolean }
  | {
      readonly ok: false;
      readonly reason: 'unknown' | 'rotated' | 'revoked' | 'wrong_client';
      readonly grantId?: number;
    };

export class GrantStore {
  private readonly secret = randomBytes(32);
  private readonly grants = new Map<number, Grant>();
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly refreshTokens = new Map<string, RefreshToken>();
  private nextGrantId = 1;

  constructor(private readonly accessLifetimeSeconds: number) {}

  issueCode(code: Omit<AuthorizationCode, 'used' | 'grantId'>): string {
    const value = randomBytes(24).toString('base64url');
    this.codes.set(value, { ...code, used: false, grantId: null });
    return value;
  }

  code(value: string): AuthorizationCode | undefined {
    return this.codes.get(value);
  }

  /** A new grant (first authorization) with its first token pair. */
  createGrant(clientId: string, accountId: number, userId: number, now: number): TokenPair {
    const grant: Grant = {
      id: this.nextGrantId++,
      clientId,
      accountId,
      userId,
      createdAt: now,
      revokedReason: null,
    };
    this.grants.set(grant.id, grant);
    return this.pairFor(grant, now);
  }

  /** The grant a refresh token belongs to (alive or not), without using it. */
  grantOfRefresh(token: string): Grant | undefined {
    const record = this.refreshTokens.get(token);
    return record ? this.grants.get(record.grantId) : undefined;
  }

  refresh(token: string, clientId: string, rotation: boolean, now: number): RefreshResult {
    const record = this.refreshTokens.get(token);
    if (!record) return { ok: false, reason: 'unknown' };
    const grant = this.grants.get(record.grantId);
    if (!grant) return { ok: false, reason: 'unknown' };
    if (grant.clientId !== clientId) return { ok: false, reason: 'wrong_client', grantId: grant.id };
    if (grant.revokedReason) return { ok: false, reason: 'revoked', grantId: grant.id };
    if (record.dead) return { ok: false, reason: 'rotated', grantId: grant.id };
    if (!rotation) return { ok: true, pair: { ...this.pairFor(grant, now, token) }, rotated: false };
    record.dead = 'rotated';
    return { ok: true, pair: this.pairFor(grant, now), rotated: true };
  }

  checkAccess(token: string, now: number): AccessCheck {
    const claims = verifyJwt(token, this.secret);
    const grant = claims ? this.grants.get(claims.grant) : undefined;
    if (!claims || !grant) return { ok: false, reason: 'invalid' };
    if (grant.revokedReason === 'disconnected') return { ok: false, reason: 'disconnected' };
    if (grant.revokedReason) return { ok: false, reason: 'invalid' };
    if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
    return { ok: true, grant, claims };
  }

  grant(id: number): Grant | undefined {
    return this.grants.get(id);
  }

  /** Revokes every live grant of an app (or of all apps) on an account; returns how many. */
  revokeAccount(accountId: number, clientId: string | null, reason: 'disconnected'): number {
    let count = 0;
    for (const grant of this.grants.values()) {
      if (grant.accountId !== accountId || grant.revokedReason) continue;
      if (clientId !== null && grant.clientId !== clientId) continue;
      grant.revokedReason = reason;
      count++;
    }
    return count;
  }

  revokeGrant(grantId: number, reason: 'disconnected' | 'code_reused'): void {
    const grant = this.grants.get(grantId);
    if (grant && !grant.revokedReason) grant.revokedReason = reason;
  }

  private pairFor(grant: Grant, now: number, keepRefresh?: string): TokenPair {
    const iat = Math.floor(now / 1000);
    const claims: AccessClaims = {
      sub: encodeId('User', grant.userId),
      account_id: encodeId('Account', grant.accountId),
      app_id: grant.clientId,
      grant: grant.id,
      iat,
      exp: iat + this.accessLifetimeSeconds,
      jti: randomBytes(12).toString('base64url'),
    };
    const refreshToken = keepRefresh ?? randomBytes(32).toString('base64url');
    if (!keepRefresh) this.refreshTokens.set(refreshToken, { grantId: grant.id, dead: null });
    return { accessToken: signJwt(claims, this.secret), refreshToken, grant };
  }
}

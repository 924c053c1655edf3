import type { TokenEndpointResponse } from './fake-oauth2-library';
import type { FakeClock } from './platform-fakes';

/** An unsigned JWT with the given claims, built at run time (never a literal in the repository). */
export function makeJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.${Buffer.from('signature').toString('base64url')}`;
}

export interface IssuedTokens {
  access_token: string;
  refresh_token: string;
}

/**
 * Jobber's token endpoint with refresh token rotation ON: every refresh returns a new refresh token
 * and invalidates the one used; reusing it is invalid_grant. The response has no expires_in.
 */
export class RotatingTokenEndpoint {
  exchanges = 0;
  refreshes = 0;
  invalidGrants = 0;
  lifetimeMs = 60 * 60_000;
  /** Answers the next token requests instead of issuing tokens. */
  readonly failures: TokenEndpointResponse[] = [];
  /** Thrown by the next token requests instead of any answer, as UrlFetchApp throws (network, quota). */
  readonly thrown: Error[] = [];
  readonly payloads: Array<Record<string, string>> = [];
  private readonly liveRefreshTokens = new Set<string>();
  private issued = 0;

  constructor(
    private readonly clock: FakeClock,
    private readonly clientSecret = 'a1'.repeat(16),
  ) {}

  /** Tokens as a previous authorization left them in storage. */
  issue(lifetimeMs = this.lifetimeMs): IssuedTokens {
    this.issued += 1;
    const nowSeconds = Math.floor(this.clock.now() / 1000);
    const refresh = `refresh-${this.issued}-${'r'.repeat(this.issued % 3)}`;
    this.liveRefreshTokens.add(refresh);
    return {
      access_token: makeJwt({
        n: this.issued,
        iat: nowSeconds,
        exp: nowSeconds + Math.floor(lifetimeMs / 1000),
      }),
      refresh_token: refresh,
    };
  }

  readonly handle = (payload: Record<string, string>): TokenEndpointResponse => {
    this.payloads.push(payload);
    const thrown = this.thrown.shift();
    if (thrown) throw thrown;
    const failure = this.failures.shift();
    if (failure) return failure;
    if (payload.client_secret !== this.clientSecret) return reply(401, { error: 'invalid_client' });
    if (payload.grant_type === 'authorization_code') {
      if (payload.code !== 'good-code') return reply(400, { error: 'invalid_grant' });
      this.exchanges += 1;
      return reply(200, this.issue());
    }
    const refresh = payload.refresh_token ?? '';
    if (!this.liveRefreshTokens.delete(refresh)) {
      this.invalidGrants += 1;
      return reply(400, { error: 'invalid_grant' });
    }
    this.refreshes += 1;
    return reply(200, this.issue());
  };

  get secret(): string {
    return this.clientSecret;
  }
}

export function reply(status: number, body: unknown): TokenEndpointResponse {
  return { status, body: JSON.stringify(body) };
}

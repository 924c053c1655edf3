import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims of the sandbox's access tokens (Jobber's are JWTs whose payload has `exp`). */
export interface AccessClaims {
  readonly sub: string;
  readonly account_id: string;
  readonly app_id: string;
  readonly grant: number;
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

export function signJwt(claims: AccessClaims, secret: Buffer): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The claims of a token this sandbox signed, or undefined for anything else. */
export function verifyJwt(token: string, secret: Buffer): AccessClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AccessClaims;
    return typeof claims.exp === 'number' && typeof claims.grant === 'number' ? claims : undefined;
  } catch {
    return undefined;
  }
}

import type { Codec } from '../platform';

export interface JwtTimes {
  readonly expiresAtMs: number;
  readonly issuedAtMs?: number;
}

/**
 * The `exp` (and `iat`) of a JWT access token, read without verifying the signature (only Jobber
 * can; jobber-api.md §2.3). Undefined when the token is not a JWT with a numeric `exp`.
 */
export function jwtTimes(token: string, codec: Codec): JwtTimes | undefined {
  const payload = token.split('.')[1];
  if (token.split('.').length !== 3 || !payload) return undefined;
  let claims: unknown;
  try {
    // JWT segments drop base64 padding; the Platform codec takes it either way.
    claims = JSON.parse(codec.decodeBase64WebSafe(payload));
  } catch {
    return undefined;
  }
  if (typeof claims !== 'object' || claims === null) return undefined;
  const { exp, iat } = claims as { exp?: unknown; iat?: unknown };
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return undefined;
  const issuedAtMs = typeof iat === 'number' && Number.isFinite(iat) ? iat * 1000 : undefined;
  return issuedAtMs === undefined ? { expiresAtMs: exp * 1000 } : { expiresAtMs: exp * 1000, issuedAtMs };
}

/** Renew this long before `exp`, so a token never expires between the check and Jobber's answer. */
export const REFRESH_AHEAD_MS = 120_000;

/**
 * Whether a token should be renewed now. A short-lived token (e.g. 60 s in a test) is still fresh
 * for the first half of its life, so a token that was just renewed is never renewed again at once.
 * A token whose expiry cannot be read is kept until Jobber rejects it (the 401 path renews it).
 */
export function expiresSoon(times: JwtTimes | undefined, nowMs: number): boolean {
  if (!times) return false;
  const lifetime =
    times.issuedAtMs === undefined ? Number.POSITIVE_INFINITY : times.expiresAtMs - times.issuedAtMs;
  const ahead = Math.min(REFRESH_AHEAD_MS, Math.max(0, lifetime) / 2);
  return times.expiresAtMs - nowMs <= ahead;
}

import { REFRESH_AHEAD_MS, expiresSoon, jwtTimes } from '../../src/auth/jwt';
import { makeJwt } from '../support/fake-token-endpoint';
import { nodeCodec } from '../support/platform-fakes';

describe('reading a JWT access token’s expiry', () => {
  it.each(['', 'x', 'xx', 'xxx'])(
    'reads the claims whatever the length of their unpadded base64 (claims padded by %j)',
    (pad) => {
      const token = makeJwt({ exp: 1_750_000_000, iat: 1_749_996_400, pad });
      expect(jwtTimes(token, nodeCodec)).toEqual({
        expiresAtMs: 1_750_000_000_000,
        issuedAtMs: 1_749_996_400_000,
      });
    },
  );

  it('works without iat', () => {
    expect(jwtTimes(makeJwt({ exp: 1_750_000_000 }), nodeCodec)).toEqual({
      expiresAtMs: 1_750_000_000_000,
    });
  });

  it.each([
    ['an opaque token', 'opaque-token'],
    ['a JWT without exp', makeJwt({ sub: 'x' })],
    ['a JWT with a text exp', makeJwt({ exp: 'soon' })],
    ['a JWT whose payload is not JSON', `a.${Buffer.from('not json').toString('base64url')}.c`],
    ['four segments', `${makeJwt({ exp: 1 })}.extra`],
  ])('reads nothing from %s', (_what, token) => {
    expect(jwtTimes(token, nodeCodec)).toBeUndefined();
  });
});

describe('deciding to renew', () => {
  const hour = 3_600_000;
  const issuedAtMs = 1_000_000_000_000;
  const oneHour = { issuedAtMs, expiresAtMs: issuedAtMs + hour };

  it('renews a Jobber token (60 min) in its last two minutes, not before', () => {
    expect(expiresSoon(oneHour, oneHour.expiresAtMs - REFRESH_AHEAD_MS - 1)).toBe(false);
    expect(expiresSoon(oneHour, oneHour.expiresAtMs - REFRESH_AHEAD_MS)).toBe(true);
    expect(expiresSoon(oneHour, oneHour.expiresAtMs + 1)).toBe(true);
  });

  it('never renews a token that was just issued, however short its life', () => {
    const shortLived = { issuedAtMs, expiresAtMs: issuedAtMs + 60_000 };
    expect(expiresSoon(shortLived, issuedAtMs + 1_000)).toBe(false);
    expect(expiresSoon(shortLived, issuedAtMs + 30_000)).toBe(true);
  });

  it('keeps a token whose expiry cannot be read (a 401 will renew it)', () => {
    expect(expiresSoon(undefined, Date.now())).toBe(false);
  });
});

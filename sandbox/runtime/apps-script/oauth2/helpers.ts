/** Small pieces of the library: URL building, required settings, time, JWT and PKCE encodings. */

export function buildUrl(base: string, params: Record<string, unknown>): string {
  const query = Object.keys(params)
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(params[key]))}`)
    .join('&');
  return base + (base.indexOf('?') >= 0 ? '&' : '?') + query;
}

/** Throws "<name> is required." for the first setting that is missing (falsy). */
export function requireSettings(settings: Record<string, unknown>): void {
  for (const name of Object.keys(settings)) {
    if (!settings[name]) throw new Error(`${name} is required.`);
  }
}

export function nowInSeconds(): number {
  return Math.floor(new Date().getTime() / 1000);
}

/** The payload of a JWT, decoded without checking its signature (the library never checks it). */
export function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  const bytes = Utilities.base64DecodeWebSafe(payload);
  return JSON.parse(Utilities.newBlob(bytes).getDataAsString()) as Record<string, unknown>;
}

export function encodeJwt(claims: Record<string, unknown>, privateKey: string): string {
  const header = { alg: 'RS256', typ: 'JWT' };
  const unsigned =
    Utilities.base64EncodeWebSafe(JSON.stringify(header)) +
    '.' +
    Utilities.base64EncodeWebSafe(JSON.stringify(claims));
  return (
    unsigned + '.' + Utilities.base64EncodeWebSafe(Utilities.computeRsaSha256Signature(unsigned, privateKey))
  );
}

/**
 * Web-safe base64 cut at the first "=". As in v43, a value without padding loses its last
 * character (slice to -1); the library only encodes 32-byte values, which always have padding.
 */
export function webSafeBase64NoPadding(value: string | number[]): string {
  const encoded = Utilities.base64EncodeWebSafe(value as never);
  return encoded.slice(0, encoded.indexOf('='));
}

export function codeChallenge(method: string, verifier: string): string {
  const lower = method.toLowerCase();
  if (lower === 'plain') return verifier;
  if (lower === 's256')
    return webSafeBase64NoPadding(
      Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, verifier, Utilities.Charset.US_ASCII),
    );
  throw new Error(`Unsupported challenge method: ${method}`);
}

export function lowerCaseKeys(headers: Record<string, string> | null): Record<string, string> | null {
  if (headers === null || typeof headers !== 'object') return headers;
  const result: Record<string, string> = {};
  for (const key of Object.keys(headers)) result[key.toLowerCase()] = headers[key] ?? '';
  return result;
}

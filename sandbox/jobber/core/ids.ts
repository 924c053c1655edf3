/**
 * Jobber's EncodedId: base64 of a global id such as `gid://Jobber/Client/123`. Clients must treat
 * it as opaque; the sandbox decodes it to find records and rejects ids of the wrong type.
 */
export function encodeId(kind: string, id: number): string {
  return Buffer.from(`gid://Jobber/${kind}/${id}`).toString('base64');
}

export interface DecodedId {
  readonly kind: string;
  readonly id: number;
}

const GLOBAL_ID = /^gid:\/\/Jobber\/([A-Za-z]+)\/(\d+)$/;

export function decodeId(encoded: string): DecodedId | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
  const match = GLOBAL_ID.exec(Buffer.from(encoded, 'base64').toString('utf8'));
  if (!match?.[1] || !match[2]) return undefined;
  return { kind: match[1], id: Number(match[2]) };
}

/** The numeric id of an EncodedId of the given kind, or undefined for any other id. */
export function idOfKind(encoded: string, kind: string): number | undefined {
  const decoded = decodeId(encoded);
  return decoded?.kind === kind ? decoded.id : undefined;
}

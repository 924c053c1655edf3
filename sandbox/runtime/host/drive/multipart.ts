import { badRequest } from './errors';

export interface BodyPart {
  /** Header names in lower case. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

const CRLF = Buffer.from('\r\n');

/**
 * A `multipart/related` body (RFC 2046), as Drive's multipart upload reads it: parts separated by
 * CRLF `--boundary`, each with headers, a blank line and its bytes, closed by `--boundary--`.
 * Lines must end in CRLF; a bare LF is not a line end here (stricter where unsure).
 */
export function parseMultipartRelated(contentType: string | null, body: Buffer): BodyPart[] {
  const boundary = boundaryOf(contentType);
  const delimiter = Buffer.from(`--${boundary}`);
  if (!body.subarray(0, delimiter.length).equals(delimiter))
    throw badRequest('Multipart body must start with the boundary delimiter');
  const parts: BodyPart[] = [];
  let at = delimiter.length;
  for (;;) {
    if (body.subarray(at, at + 2).toString() === '--') return parts;
    if (!body.subarray(at, at + 2).equals(CRLF)) throw badRequest('Malformed multipart body');
    const headerEnd = body.indexOf('\r\n\r\n', at);
    if (headerEnd < 0)
      throw badRequest('Malformed multipart body: a part has no blank line after its headers');
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), headerEnd + 4);
    if (next < 0) throw badRequest('Malformed multipart body: missing closing boundary');
    parts.push({
      headers: parseHeaders(body.subarray(at + 2, headerEnd).toString('latin1')),
      body: body.subarray(headerEnd + 4, next),
    });
    at = next + CRLF.length + delimiter.length;
  }
}

function boundaryOf(contentType: string | null): string {
  const [type = '', ...params] = (contentType ?? '').split(';').map((part) => part.trim());
  if (type.toLowerCase() !== 'multipart/related')
    throw badRequest(
      `Multipart uploads need Content-Type: multipart/related; boundary=…, not ${contentType ?? 'none'}`,
    );
  for (const param of params) {
    const match = /^boundary=(?:"([^"]+)"|(\S+))$/i.exec(param);
    const boundary = match?.[1] ?? match?.[2];
    if (boundary) return boundary;
  }
  throw badRequest('Multipart Content-Type has no boundary');
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw badRequest(`Malformed multipart part header: ${line}`);
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

import { Blob, isBlob } from './blob';
import { callHost, exception, native, requireArgument } from './bridge';
import { fromByteArray, isByteArray, toByteArray } from './bytes';
import { makeEnum, memberName, type Enum } from './enums';
import { formatDate } from './format-date';

const Charset = makeEnum(['US_ASCII', 'UTF_8'] as const);
const DigestAlgorithm = makeEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const);
const MacAlgorithm = makeEnum([
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
] as const);
const RsaAlgorithm = makeEnum(['RSA_SHA_1', 'RSA_SHA_256'] as const);

const CHARSET_NAMES: Record<keyof typeof Charset, string> = { US_ASCII: 'US-ASCII', UTF_8: 'UTF-8' };

/** The Utilities service: codecs, digests, dates, blobs, gzip and sleep. */
export function createUtilities(): Record<string, unknown> {
  return {
    Charset,
    DigestAlgorithm,
    MacAlgorithm,
    RsaAlgorithm,
    base64Encode: (data: unknown, charset?: unknown) => native().base64Encode(toBytes(data, charset), false),
    base64EncodeWebSafe: (data: unknown, charset?: unknown) =>
      native().base64Encode(toBytes(data, charset), true),
    base64Decode: (encoded: unknown) => decodeBase64(encoded, false),
    base64DecodeWebSafe: (encoded: unknown) => decodeBase64(encoded, true),
    computeDigest: (algorithm: unknown, value: unknown, charset?: unknown) =>
      toByteArray(native().digest(algorithmName(DigestAlgorithm, algorithm), toBytes(value, charset))),
    computeHmacSha256Signature: (value: unknown, key: unknown, charset?: unknown) =>
      toByteArray(native().hmac('HMAC_SHA_256', toBytes(value, charset), toBytes(key, charset))),
    computeHmacSignature: (algorithm: unknown, value: unknown, key: unknown, charset?: unknown) =>
      toByteArray(
        native().hmac(algorithmName(MacAlgorithm, algorithm), toBytes(value, charset), toBytes(key, charset)),
      ),
    computeRsaSha256Signature: (value: unknown, key: unknown, charset?: unknown) =>
      rsaSign(value, key, charset),
    formatDate: (date: unknown, timeZone: unknown, format: unknown) => {
      if (Object.prototype.toString.call(date) !== '[object Date]') throw exception('Invalid argument: date');
      requireArgument(timeZone, 'timeZone');
      requireArgument(format, 'format');
      return formatDate((date as Date).getTime(), String(timeZone), String(format));
    },
    formatString: (template: unknown, ...args: unknown[]) => formatString(String(template), args),
    getUuid: () => native().uuid(),
    newBlob: (data: unknown, contentType?: unknown, name?: unknown) =>
      new Blob(toBytes(data, undefined), optionalText(contentType), optionalText(name)),
    gzip: (blob: unknown, name?: unknown) => gzip(blob, name),
    ungzip: (blob: unknown) => ungzip(blob),
    sleep: (milliseconds: unknown) => {
      callHost({ op: 'sleep', ms: Number(milliseconds) });
    },
  };
}

/** A string (encoded in the charset, UTF-8 by default), a byte array, or a blob, as bytes. */
export function toBytes(data: unknown, charset: unknown): Uint8Array {
  if (typeof data === 'string') return native().encodeText(data, charsetName(charset));
  if (isByteArray(data)) return fromByteArray(data);
  if (isBlob(data)) return data.rawBytes();
  throw exception('Invalid argument: data');
}

function charsetName(charset: unknown): string {
  if (charset === undefined) return 'UTF-8';
  const name = memberName(Charset, charset);
  if (name === null) throw exception('Invalid argument: charset');
  return CHARSET_NAMES[name];
}

function algorithmName<K extends string>(enumeration: Enum<K>, value: unknown): K {
  const name = memberName(enumeration, value);
  if (name === null) throw exception('Invalid argument: algorithm');
  return name;
}

function decodeBase64(encoded: unknown, webSafe: boolean): number[] {
  if (typeof encoded !== 'string') throw exception('Invalid argument: encoded');
  const bytes = native().base64Decode(encoded, webSafe);
  if (bytes === null) throw exception('Could not decode string.');
  return toByteArray(bytes);
}

function rsaSign(value: unknown, key: unknown, charset: unknown): number[] {
  const signature = native().rsaSha256Sign(toBytes(value, charset), String(key));
  if (signature === null) throw exception('Invalid argument: key');
  return toByteArray(signature);
}

function gzip(blob: unknown, name: unknown): Blob {
  if (!isBlob(blob)) throw exception('Invalid argument: blob');
  const fileName = name === undefined ? (blob.getName() ?? 'archive') + '.gz' : String(name);
  return new Blob(native().gzip(blob.rawBytes()), 'application/x-gzip', fileName);
}

function ungzip(blob: unknown): Blob {
  if (!isBlob(blob)) throw exception('Invalid argument: blob');
  const bytes = native().gunzip(blob.rawBytes());
  if (bytes === null) throw exception('Could not decompress gzip.');
  const name = blob.getName();
  return new Blob(bytes, null, name === null ? null : name.replace(/\.gz$/, ''));
}

function optionalText(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}

/** Utilities.formatString: printf-style %s, %d, %f (with precision) and %%. */
function formatString(template: string, args: unknown[]): string {
  let index = 0;
  return template.replace(/%(\.\d+)?([sdif%])/g, (match, precision: string | undefined, kind: string) => {
    if (kind === '%') return '%';
    const value = args[index++];
    if (kind === 's') return String(value);
    if (kind === 'd' || kind === 'i') return String(Math.trunc(Number(value)));
    return Number(value).toFixed(precision ? Number(precision.slice(1)) : 6);
  });
}

import { createHash, createHmac, createSign, randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { NativeBridge } from '../apps-script/bridge';
import type { HostRequest } from '../protocol';
import type { SyncRpc } from './rpc';

const DIGESTS: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const HMACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** The worker-side half of the services: host calls, clock reads and byte codecs on Node's crypto and zlib. */
export function createNativeBridge(rpc: SyncRpc, clock: SharedArrayBuffer, virtual: boolean): NativeBridge {
  const clockCell = new BigInt64Array(clock);
  return {
    call: (requestJson) => JSON.stringify(rpc.call(JSON.parse(requestJson) as HostRequest)),
    log: (level, message) => rpc.post({ kind: 'log', level, message }),
    now: () => (virtual ? Number(Atomics.load(clockCell, 0)) : Date.now()),
    base64Encode: (bytes, webSafe) => {
      const text = Buffer.from(bytes).toString('base64');
      return webSafe ? text.replace(/\+/g, '-').replace(/\//g, '_') : text;
    },
    base64Decode: (text, webSafe) => decodeBase64(text, webSafe),
    encodeText: (text, charset) => encodeText(text, charset),
    decodeText: (bytes, charset) => new TextDecoder(charset).decode(bytes),
    digest: (algorithm, bytes) =>
      hashWith(DIGESTS[algorithm], (name) => createHash(name).update(bytes).digest()),
    hmac: (algorithm, bytes, key) =>
      hashWith(HMACS[algorithm], (name) => createHmac(name, key).update(bytes).digest()),
    rsaSha256Sign: (bytes, pemKey) => {
      try {
        return new Uint8Array(createSign('RSA-SHA256').update(bytes).sign(pemKey));
      } catch {
        return null;
      }
    },
    gzip: (bytes) => new Uint8Array(gzipSync(bytes)),
    gunzip: (bytes) => {
      try {
        return new Uint8Array(gunzipSync(bytes));
      } catch {
        return null;
      }
    },
    uuid: () => randomUUID(),
  };
}

/** Padding optional (as Guava's decoder used by Apps Script), any other stray character refused. */
function decodeBase64(text: string, webSafe: boolean): Uint8Array | null {
  const alphabet = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!alphabet.test(text)) return null;
  const unpadded = text.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) return null;
  if (text.includes('=') && text.length % 4 !== 0) return null;
  return new Uint8Array(Buffer.from(unpadded, webSafe ? 'base64url' : 'base64'));
}

function encodeText(text: string, charset: string): Uint8Array {
  const name = charset.toUpperCase().replace(/_/g, '-');
  if (name === 'UTF-8' || name === 'UTF8') return new Uint8Array(Buffer.from(text, 'utf8'));
  if (name === 'US-ASCII' || name === 'ASCII')
    return new Uint8Array(Buffer.from(text.replace(/[\u{80}-\u{10ffff}]/gu, '?'), 'latin1'));
  if (name === 'ISO-8859-1' || name === 'LATIN1')
    return new Uint8Array(Buffer.from(text.replace(/[\u{100}-\u{10ffff}]/gu, '?'), 'latin1'));
  if (name === 'UTF-16LE') return new Uint8Array(Buffer.from(text, 'utf16le'));
  throw new Error(`Unsupported charset: ${charset}`);
}

function hashWith(name: string | undefined, hash: (name: string) => Buffer): Uint8Array {
  if (!name) throw new Error('Unsupported algorithm');
  return new Uint8Array(hash(name));
}

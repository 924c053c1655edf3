import { createHash, createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Runtime } from '../../sandbox/runtime';
import { ALICE, runtimeFor } from './support/scripts';

const SCRIPT = `
var U = Utilities;
function attempt(action) { try { return action(); } catch (e) { return String(e); } }
function base64() {
  return {
    encoded: U.base64Encode('hé?>'),
    webSafe: U.base64EncodeWebSafe('hé?>'),
    fromBytes: U.base64Encode([-1, 0, 127]),
    decoded: U.base64Decode('aMOpPz4='),
    webSafeDecoded: U.base64DecodeWebSafe('aMOpPz4'),
    unpadded: U.base64Decode('aMOpPz4'),
    invalid: attempt(function () { return U.base64Decode('not base64!'); }),
    wrongAlphabet: attempt(function () { return U.base64Decode('aMOp-z4_'); }),
  };
}
function digests() {
  return {
    sha256: U.computeDigest(U.DigestAlgorithm.SHA_256, 'abc'),
    md5Ascii: U.computeDigest(U.DigestAlgorithm.MD5, 'abc', U.Charset.US_ASCII),
    hmac: U.computeHmacSha256Signature('message', 'key'),
    hmac512: U.computeHmacSignature(U.MacAlgorithm.HMAC_SHA_512, 'message', 'key'),
    stringAlgorithm: attempt(function () { return U.computeDigest('SHA_256', 'abc'); }),
  };
}
function blobs() {
  var blob = U.newBlob('hello gzip', 'text/plain', 'notes.txt');
  var zipped = U.gzip(blob);
  var unzipped = U.ungzip(zipped);
  return {
    zipped: [zipped.getContentType(), zipped.getName(), zipped.getBytes()[0], zipped.getBytes()[1]],
    unzipped: [unzipped.getDataAsString(), unzipped.getName()],
    base64Trip: U.ungzip(U.newBlob(U.base64Decode(U.base64Encode(zipped.getBytes())), 'application/x-gzip')).getDataAsString(),
    notGzip: attempt(function () { return U.ungzip(blob); }),
    fromBytes: U.newBlob([104, 105]).getDataAsString(),
    copy: blob.copyBlob().setName('other').getName() + '/' + blob.getName(),
  };
}
function bigBlobs(limit, gzippedBase64) {
  var text = 'x'.repeat(limit);
  var accepted = function (make) { return attempt(function () { make(); return 'accepted'; }); };
  return {
    atLimit: accepted(function () { U.gzip(U.newBlob(text)); }),
    overLimit: accepted(function () { U.newBlob(text + 'x'); }),
    setOverLimit: accepted(function () { U.newBlob('').setDataFromString(text + 'x'); }),
    ungzipOverLimit: accepted(function () {
      U.ungzip(U.newBlob(U.base64Decode(gzippedBase64), 'application/x-gzip'));
    }),
  };
}
function dates(epochMs) {
  var d = new Date(epochMs);
  var f = function (zone, pattern) { return U.formatDate(d, zone, pattern); };
  return {
    denver: f('America/Denver', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"),
    sydney: f('Australia/Sydney', 'yyyyMMddHHmmss Z'),
    utc: f('UTC', 'yyyyMMdd HH z'),
    names: f('America/Toronto', 'EEE EEEE MMM MMMM a h k K'),
    calendar: f('UTC', 'D w W u F yy YYYY'),
    quoted: f('UTC', "'at' HH 'o''clock' ''"),
    unknownZone: f('Mars/Olympus', 'HH:mm z'),
    offsetZone: f('GMT+05:30', 'HH:mm z'),
    badPattern: attempt(function () { return f('UTC', 'yyyy-MM-dd bb'); }),
  };
}
function misc() {
  return {
    uuid: U.getUuid(),
    format: U.formatString('%s has %d items, %.2f%% and %f', 'cart', 3.9, 12.345, 1.5),
    sleepTooLong: attempt(function () { U.sleep(300001); }),
  };
}
`;

const signed = (bytes: Buffer): number[] => [...bytes].map((b) => (b > 127 ? b - 256 : b));

describe('Utilities', () => {
  let runtime: Runtime;
  beforeAll(() => {
    runtime = runtimeFor(SCRIPT);
  });
  afterAll(() => runtime.close());

  it('encodes base64 (UTF-8 strings or byte arrays) and decodes to signed bytes', async () => {
    expect((await runtime.run(ALICE, 'base64')).value).toEqual({
      encoded: 'aMOpPz4=',
      webSafe: 'aMOpPz4=',
      fromBytes: '/wB/',
      decoded: [104, -61, -87, 63, 62],
      webSafeDecoded: [104, -61, -87, 63, 62],
      unpadded: [104, -61, -87, 63, 62],
      invalid: 'Exception: Could not decode string.',
      wrongAlphabet: 'Exception: Could not decode string.',
    });
  });

  it('computes digests and HMACs as signed byte arrays, with enum algorithms only', async () => {
    const result = (await runtime.run(ALICE, 'digests')).value as Record<string, unknown>;
    expect(result.sha256).toEqual(signed(createHash('sha256').update('abc').digest()));
    expect(result.md5Ascii).toEqual(signed(createHash('md5').update('abc').digest()));
    expect(result.hmac).toEqual(signed(createHmac('sha256', 'key').update('message').digest()));
    expect(result.hmac512).toEqual(signed(createHmac('sha512', 'key').update('message').digest()));
    expect(result.stringAlgorithm).toBe('Exception: Invalid argument: algorithm');
  });

  it('gzips and ungzips blobs', async () => {
    expect((await runtime.run(ALICE, 'blobs')).value).toEqual({
      zipped: ['application/x-gzip', 'notes.txt.gz', 31, -117],
      unzipped: ['hello gzip', 'notes.txt'],
      base64Trip: 'hello gzip',
      notGzip: 'Exception: Could not decompress gzip.',
      fromBytes: 'hi',
      copy: 'other/notes.txt',
    });
  });

  it('holds at most 50 MB in a blob, also when ungzip would make a bigger one', async () => {
    const limit = 50 * 1024 * 1024;
    const gzipped = gzipSync(Buffer.alloc(limit + 1, 'x')).toString('base64');
    const tooLarge = 'Exception: Limit Exceeded: Blob Size.';
    expect((await runtime.run(ALICE, 'bigBlobs', limit, gzipped)).value).toEqual({
      atLimit: 'accepted',
      overLimit: tooLarge,
      setOverLimit: tooLarge,
      ungzipOverLimit: tooLarge,
    });
  });

  it('formats dates with SimpleDateFormat patterns in IANA time zones', async () => {
    const summer = Date.UTC(2025, 6, 4, 18, 5, 9, 7);
    expect((await runtime.run(ALICE, 'dates', summer)).value).toEqual({
      denver: '2025-07-04T12:05:09.007-06:00',
      sydney: '20250705040509 +1000',
      utc: '20250704 18 UTC',
      names: 'Fri Friday Jul July PM 2 14 2',
      calendar: '185 27 1 5 1 25 2025',
      quoted: "at 18 o'clock '",
      unknownZone: '18:05 GMT',
      offsetZone: '23:35 GMT+05:30',
      badPattern: "Exception: Illegal pattern character 'b'",
    });
  });

  it('uses standard time in winter and counts the last days of December in week 1 of the next year', async () => {
    const winter = (await runtime.run(ALICE, 'dates', Date.UTC(2025, 11, 28, 12))).value as Record<
      string,
      string
    >;
    expect(winter.denver).toBe('2025-12-28T05:00:00.000-07:00');
    expect(winter.calendar).toBe('362 1 5 7 4 25 2026');
  });

  it('makes UUIDs, formats strings and refuses sleeps over 5 minutes', async () => {
    const result = (await runtime.run(ALICE, 'misc')).value as Record<string, string>;
    expect(result.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(result.format).toBe('cart has 3 items, 12.35% and 1.500000');
    expect(result.sleepTooLong).toBe('Exception: Invalid argument: milliseconds');
  });
});

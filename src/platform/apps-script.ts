import type { Codec, Http, HttpRequest, HttpResponse, Logger, Platform } from './platform';

/**
 * Builds the Platform from Apps Script's globals. Called once per entry-point call, never at
 * import time, so nothing touches a platform global while the bundle loads.
 */
export function appsScriptPlatform(): Platform {
  const userLock = LockService.getUserLock();
  const userCache = CacheService.getUserCache();
  const userProperties = PropertiesService.getUserProperties();
  return {
    http: appsScriptHttp(),
    clock: { now: () => Date.now(), sleep: (ms) => Utilities.sleep(ms) },
    scriptProperties: PropertiesService.getScriptProperties(),
    userProperties,
    userCache,
    userLock,
    codec: appsScriptCodec(),
    logger: consoleLogger(),
    oauth2Environment: () => ({ library: OAuth2, userProperties, userCache, userLock }),
    connectorApi: DataStudioApp.createCommunityConnector(),
    effectiveUserEmail: () => Session.getEffectiveUser().getEmail(),
    googleOAuthToken: () => ScriptApp.getOAuthToken(),
    htmlPage: (html, title) => HtmlService.createHtmlOutput(html).setTitle(title),
    activeUserEmail: () => Session.getActiveUser().getEmail(),
    webAppUrl: () => ScriptApp.getService().getUrl() || null,
    uuid: () => Utilities.getUuid(),
  };
}

function appsScriptHttp(): Http {
  return {
    fetch(request: HttpRequest): HttpResponse {
      const params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
        method: request.method,
        muteHttpExceptions: true,
        followRedirects: false,
      };
      if (request.headers) params.headers = { ...request.headers };
      if (request.payload !== undefined) params.payload = payloadOf(request.payload);
      if (request.contentType) params.contentType = request.contentType;
      const response = UrlFetchApp.fetch(request.url, params);
      return {
        status: response.getResponseCode(),
        headers: lowerCaseHeaders(response.getAllHeaders() as Record<string, unknown>),
        body: response.getContentText(),
        bytes: () => response.getContent(),
      };
    },
  };
}

function payloadOf(payload: NonNullable<HttpRequest['payload']>): string | number[] | Record<string, string> {
  if (typeof payload === 'string') return payload;
  if (Array.isArray(payload)) return [...(payload as readonly number[])];
  return { ...(payload as Readonly<Record<string, string>>) };
}

function lowerCaseHeaders(headers: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return result;
}

function appsScriptCodec(): Codec {
  return {
    formatDate: (epochMs, timeZone, pattern) => Utilities.formatDate(new Date(epochMs), timeZone, pattern),
    gzipToBase64: (text) => Utilities.base64Encode(Utilities.gzip(Utilities.newBlob(text)).getBytes()),
    gunzipFromBase64: (encoded) =>
      Utilities.ungzip(
        Utilities.newBlob(Utilities.base64Decode(encoded), 'application/x-gzip'),
      ).getDataAsString('UTF-8'),
    decodeBase64WebSafe: (encoded) =>
      Utilities.newBlob(Utilities.base64DecodeWebSafe(padBase64(encoded))).getDataAsString('UTF-8'),
    sha256Hex: (text) =>
      hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8)),
    gzipBytes: (text) => Utilities.gzip(Utilities.newBlob(text)).getBytes(),
    gunzipBytes: (bytes) =>
      Utilities.ungzip(Utilities.newBlob([...bytes], 'application/x-gzip')).getDataAsString('UTF-8'),
    sha256HexOfBytes: (bytes) => hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, [...bytes])),
    utf8Bytes: (text) => Utilities.newBlob(text).getBytes(),
  };
}

function hex(bytes: readonly number[]): string {
  return bytes.map((byte) => ((byte + 256) % 256).toString(16).padStart(2, '0')).join('');
}

/** Utilities.base64DecodeWebSafe refuses input whose padding was stripped (as JWT segments are). */
function padBase64(encoded: string): string {
  const remainder = encoded.length % 4;
  return remainder === 0 ? encoded : encoded + '='.repeat(4 - remainder);
}

function consoleLogger(): Logger {
  return {
    log(level, event, data) {
      const line = JSON.stringify({ level, event, ...data });
      if (level === 'error') console.error(line);
      else if (level === 'warn') console.warn(line);
      else console.log(line);
    },
  };
}

/**
 * A Platform for unit tests of the report entry points: a fixed clock, the test date formatter, a
 * recording logger and the fake field/config builder. Everything else refuses to be used.
 */
import type { Platform } from '../../src/platform/platform';
import { fakeCommunityConnector } from './fake-community-connector';
import { countingFormatDate } from './format-date';

export interface LoggedLine {
  readonly level: string;
  readonly event: string;
  readonly data: Readonly<Record<string, unknown>> | undefined;
}

export function reportPlatform(
  nowIso = '2024-06-15T18:00:00Z',
): Platform & { readonly logged: LoggedLine[] } {
  const logged: LoggedLine[] = [];
  const unused = (name: string) => (): never => {
    throw new Error(`${name} is not used by the report code`);
  };
  const now = Date.parse(nowIso);
  return {
    logged,
    http: { fetch: unused('http.fetch') },
    clock: { now: () => now, sleep: unused('clock.sleep') },
    scriptProperties: {
      getProperty: () => null,
      setProperty: unused('setProperty'),
      deleteProperty: unused('deleteProperty'),
    },
    userProperties: {
      getProperty: () => null,
      setProperty: unused('setProperty'),
      deleteProperty: unused('deleteProperty'),
    },
    userCache: {
      get: unused('cache.get'),
      getAll: unused('cache.getAll'),
      put: unused('cache.put'),
      putAll: unused('cache.putAll'),
      remove: unused('cache.remove'),
      removeAll: unused('cache.removeAll'),
    },
    userLock: {
      tryLock: unused('tryLock'),
      waitLock: unused('waitLock'),
      releaseLock: unused('releaseLock'),
      hasLock: unused('hasLock'),
    },
    codec: {
      formatDate: countingFormatDate(),
      gzipToBase64: unused('gzip'),
      gunzipFromBase64: unused('gunzip'),
      decodeBase64WebSafe: unused('base64'),
      sha256Hex: unused('sha256'),
    },
    logger: { log: (level, event, data) => logged.push({ level, event, data }) },
    oauth2Environment: unused('oauth2Environment'),
    connectorApi: fakeCommunityConnector(),
    effectiveUserEmail: () => 'someone@example.com',
    htmlPage: unused('htmlPage'),
    activeUserEmail: unused('activeUserEmail'),
    webAppUrl: () => null,
    uuid: unused('uuid'),
  } as Platform & { readonly logged: LoggedLine[] };
}

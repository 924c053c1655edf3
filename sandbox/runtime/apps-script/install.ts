import type { ExecutionSettings } from '../protocol';
import { connect, type NativeBridge } from './bridge';
import { createDataStudioApp } from './data-studio/community-connector';
import { createHtmlService } from './html-service';
import { createConsole, createLogger } from './logging';
import { createOAuth2Library } from './oauth2/library';
import { classifyError, serializeResult, serializeWebAppResult } from './results';
import { createScriptApp } from './script-app';
import { createSession } from './session';
import { createCacheService, createLockService, createPropertiesService } from './stores';
import { createUrlFetchApp } from './url-fetch-app';
import { createUtilities } from './utilities';

export interface InstalledServices {
  serializeResult(value: unknown): string | undefined;
  serializeWebAppResult(value: unknown): string | undefined;
  classifyError(error: unknown): ReturnType<typeof classifyError>;
}

/** Puts Apps Script's globals (and the OAuth2 library) on this context's global object. */
export function install(native: NativeBridge, settings: ExecutionSettings): InstalledServices {
  connect(native, settings);
  const global = globalThis as unknown as Record<string, unknown>;
  if (settings.virtualClock) followVirtualClock(global, () => native.now());
  Object.assign(global, {
    UrlFetchApp: createUrlFetchApp(),
    PropertiesService: createPropertiesService(),
    CacheService: createCacheService(),
    LockService: createLockService(),
    Utilities: createUtilities(),
    ScriptApp: createScriptApp(),
    HtmlService: createHtmlService(),
    Session: createSession(),
    DataStudioApp: createDataStudioApp(),
    console: createConsole(),
    Logger: createLogger(),
    OAuth2: createOAuth2Library(),
  });
  return { serializeResult, serializeWebAppResult, classifyError };
}

/** `Date` and `Date.now()` read the host's copy of the sandbox clock; dates built from values are unchanged. */
function followVirtualClock(global: Record<string, unknown>, now: () => number): void {
  const RealDate = Date;
  const VirtualDate = new Proxy(RealDate, {
    construct: (target, args: unknown[], newTarget) =>
      Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget) as object,
    apply: () => new RealDate(now()).toString(),
    get: (target, property, receiver) => (property === 'now' ? now : Reflect.get(target, property, receiver)),
  });
  Object.defineProperty(RealDate.prototype, 'constructor', {
    value: VirtualDate,
    writable: true,
    configurable: true,
  });
  global.Date = VirtualDate;
}

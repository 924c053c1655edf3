import { createHash } from 'node:crypto';
import type { Codec, Platform } from '../../src/platform/platform';
import { FakeClock, MemoryLogger, MemoryProperties, ScriptedHttp, type Responder } from '../jobber/fakes';
import { FakeLock, FakeOAuth2Library, MemoryCache, UserLockState } from './fake-oauth2';
import { RotatingTokenEndpoint } from './fake-jobber-oauth';

/** The Platform codec's contract: web-safe base64 with or without its padding. */
export const strictCodec: Codec = {
  formatDate: () => {
    throw new Error('not used');
  },
  gzipToBase64: () => {
    throw new Error('not used');
  },
  gunzipFromBase64: () => {
    throw new Error('not used');
  },
  decodeBase64WebSafe: (encoded) => Buffer.from(encoded, 'base64url').toString('utf8'),
  sha256Hex: (text) => createHash('sha256').update(text).digest('hex'),
};

export interface Page {
  html: string;
  title: string;
}

/** The stores one Google user has, shared by all of their executions. */
export class FakeUser {
  readonly userProperties = new MemoryProperties();
  readonly userCache = new MemoryCache();
  readonly lockState = new UserLockState();
  readonly scriptProperties = new MemoryProperties();
  readonly clock = new FakeClock();
  readonly endpoint = new RotatingTokenEndpoint(this.clock);
  readonly library = new FakeOAuth2Library(this.endpoint.handle);
  readonly logger = new MemoryLogger();

  constructor() {
    this.scriptProperties.setProperty('JOBBER_CLIENT_ID', 'client-id-for-tests');
    this.scriptProperties.setProperty('JOBBER_CLIENT_SECRET', this.endpoint.secret);
    this.scriptProperties.setProperty('JOBBER_BASE_URL', 'https://jobber.test/');
  }

  /** Stores tokens as a finished authorization does. */
  authorize(lifetimeMs?: number): void {
    this.userProperties.setProperty('oauth2.jobber', JSON.stringify(this.endpoint.issue(lifetimeMs)));
  }

  storedToken(): { access_token: string; refresh_token: string } | undefined {
    const text = this.userProperties.getProperty('oauth2.jobber');
    return text ? (JSON.parse(text) as { access_token: string; refresh_token: string }) : undefined;
  }

  /** One execution: its own Platform, OAuth2 service memory and Lock object over the user's stores. */
  execution(graphql: Responder[] = []): { platform: Platform; http: ScriptedHttp; lock: FakeLock } {
    const http = new ScriptedHttp(graphql);
    const lock = new FakeLock(this.lockState);
    const platform = {
      http,
      clock: this.clock,
      scriptProperties: this.scriptProperties,
      userProperties: this.userProperties,
      userCache: this.userCache,
      userLock: lock,
      codec: strictCodec,
      logger: this.logger,
      oauth2Environment: () => ({
        library: this.library,
        userProperties: this.userProperties,
        userCache: this.userCache,
        userLock: lock,
      }),
      connectorApi: {
        AuthType: { OAUTH2: 'OAUTH2' },
        newAuthTypeResponse: () => ({ setAuthType: (type: string) => ({ build: () => ({ type }) }) }),
      },
      effectiveUserEmail: () => 'owner@example.com',
      htmlPage: (html: string, title: string): Page => ({ html, title }),
    };
    return { platform: platform as unknown as Platform, http, lock };
  }
}

/**
 * One Google user of the connector for unit tests: the stores all of their executions share (user
 * properties, user cache, user lock, the script's properties), one clock, Jobber's token endpoint
 * and the OAuth2 library, and each execution's own Platform over them.
 */
import type { Platform } from '../../src/platform/platform';
import { FakeOAuth2Library } from './fake-oauth2-library';
import { RotatingTokenEndpoint } from './fake-token-endpoint';
import {
  FakeClock,
  FakeUserLock,
  MemoryCache,
  MemoryProperties,
  RecordingLogger,
  ScriptedHttp,
  fakePlatform,
  htmlPage,
  nodeCodec,
  type FakeLock,
  type Responder,
} from './platform-fakes';

/** One execution's Platform, with its scripted HTTP and its Lock object in view. */
export interface FakeExecution extends Platform {
  readonly http: ScriptedHttp;
  readonly userLock: FakeLock;
}

export class FakeUser {
  readonly scriptProperties = new MemoryProperties();
  readonly userProperties = new MemoryProperties();
  readonly userCache: MemoryCache;
  readonly lock = new FakeUserLock();
  readonly logger = new RecordingLogger();
  readonly endpoint: RotatingTokenEndpoint;
  readonly library: FakeOAuth2Library;

  constructor(readonly clock: FakeClock = new FakeClock()) {
    this.userCache = new MemoryCache(clock);
    this.endpoint = new RotatingTokenEndpoint(clock);
    this.library = new FakeOAuth2Library(this.endpoint.handle);
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

  /** One execution: its own Platform, HTTP script and Lock object over the user's stores. */
  execution(name?: string, graphql: Responder[] = []): FakeExecution {
    const http = new ScriptedHttp(graphql);
    const userLock = this.lock.forExecution(name);
    const platform = fakePlatform({
      clock: this.clock,
      scriptProperties: this.scriptProperties,
      userProperties: this.userProperties,
      userCache: this.userCache,
      userLock,
      codec: nodeCodec,
      logger: this.logger,
      oauth2Environment: () => ({
        library: this.library,
        userProperties: this.userProperties,
        userCache: this.userCache,
        userLock,
      }),
      effectiveUserEmail: () => 'owner@example.com',
      htmlPage,
    });
    return { ...platform, http, userLock };
  }
}

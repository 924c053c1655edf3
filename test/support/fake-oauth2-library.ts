/**
 * A small stand-in for the Apps Script OAuth2 library (v43), faithful where the connector depends
 * on it (oauth2-library.md §4–§9): storage read order memory → cache → properties, getToken(true)
 * skipping memory, refresh() re-entrant under a held lock and carrying the old refresh token
 * forward, lockable_ without try/finally, errors as plain text, no expiry without expires_in.
 */
import type { FakeLock, MemoryCache, MemoryProperties } from './platform-fakes';

export interface TokenEndpointResponse {
  status: number;
  body: string;
}
export type TokenEndpoint = (payload: Record<string, string>) => TokenEndpointResponse;

type Token = Record<string, unknown>;

class FakeService {
  authorizationBaseUrl = '';
  tokenUrl = '';
  clientId = '';
  clientSecret = '';
  callbackFunction = '';
  properties?: MemoryProperties;
  cache?: MemoryCache;
  lock?: FakeLock;
  private readonly memory = new Map<string, unknown>();

  constructor(
    readonly name: string,
    private readonly endpoint: TokenEndpoint,
    private readonly redirectUri: string,
  ) {}

  setAuthorizationBaseUrl = (url: string) => ((this.authorizationBaseUrl = url), this);
  setTokenUrl = (url: string) => ((this.tokenUrl = url), this);
  setClientId = (id: string) => ((this.clientId = id), this);
  setClientSecret = (secret: string) => ((this.clientSecret = secret), this);
  setCallbackFunction = (name: string) => ((this.callbackFunction = name), this);
  setPropertyStore = (store: MemoryProperties) => ((this.properties = store), this);
  setCache = (cache: MemoryCache) => ((this.cache = cache), this);
  setLock = (lock: FakeLock) => ((this.lock = lock), this);

  private get key(): string {
    return `oauth2.${this.name}`;
  }

  getAuthorizationUrl(): string {
    if (!this.clientId) throw new Error('Client ID is required.');
    const state = `state-for-${this.callbackFunction}-${this.name}`;
    const query = new URLSearchParams({
      client_id: this.clientId,
      response_type: 'code',
      redirect_uri: this.redirectUri,
      state,
    });
    return `${this.authorizationBaseUrl}?${query.toString()}`;
  }

  handleCallback(request: { parameter: Record<string, string> }): boolean {
    const { code, error } = request.parameter;
    if (error === 'access_denied') return false;
    if (error) throw new Error(`Error authorizing token: ${error}`);
    const token = this.fetchToken({
      code: String(code),
      client_id: this.clientId,
      client_secret: this.clientSecret,
      redirect_uri: this.redirectUri,
      grant_type: 'authorization_code',
    });
    this.save(token);
    return true;
  }

  getToken(skipMemory?: boolean): Token | null {
    if (!skipMemory && this.memory.has(this.key)) return (this.memory.get(this.key) as Token | null) ?? null;
    const cached = this.cache?.get(this.key);
    const text = cached ?? this.properties?.getProperty(this.key) ?? null;
    const value = text === null ? null : (JSON.parse(text) as Token | '__NULL__');
    const token = value === '__NULL__' ? null : value;
    this.memory.set(this.key, token);
    return token;
  }

  refresh(): void {
    if (!this.clientSecret) throw new Error('Client Secret is required.');
    this.lockable(() => {
      const token = this.getToken();
      if (!token || typeof token.refresh_token !== 'string') throw new Error('Offline access is required.');
      const fresh = this.fetchToken({
        refresh_token: token.refresh_token,
        client_id: this.clientId,
        client_secret: this.clientSecret,
        grant_type: 'refresh_token',
      });
      if (!fresh.refresh_token) fresh.refresh_token = token.refresh_token;
      this.save(fresh);
    });
  }

  reset(): void {
    for (const key of this.properties?.getKeys() ?? [])
      if (key === this.key || key.startsWith(`${this.key}.`)) this.properties?.deleteProperty(key);
    this.cache?.remove(this.key);
    this.memory.delete(this.key);
  }

  /** Like the library: lock unless this object already holds it, no finally. */
  private lockable(body: () => void): void {
    const mustRelease = this.lock !== undefined && !this.lock.hasLock();
    if (mustRelease) this.lock?.waitLock(30_000);
    body();
    if (mustRelease) this.lock?.releaseLock();
  }

  private fetchToken(payload: Record<string, string>): Token {
    const response = this.endpoint(payload);
    let token: Token;
    try {
      token = JSON.parse(response.body) as Token;
    } catch (e) {
      throw new Error(`Token response not valid JSON: ${String(e)}`, { cause: e });
    }
    if (response.status < 200 || response.status >= 300 || token.error) {
      const reason = [token.error, token.message, token.error_description]
        .filter(Boolean)
        .map((part) => (typeof part === 'string' ? part : JSON.stringify(part)))
        .join(', ');
      throw new Error(`Error retrieving token: ${reason || `${response.status}: ${JSON.stringify(token)}`}`);
    }
    return token;
  }

  private save(token: Token): void {
    const text = JSON.stringify(token);
    this.properties?.setProperty(this.key, text);
    this.cache?.put(this.key, text);
    this.memory.set(this.key, token);
  }
}

/** The library object: createService per execution, as Apps Script gives each execution its own. */
export class FakeOAuth2Library {
  readonly services: FakeService[] = [];
  constructor(
    private readonly endpoint: TokenEndpoint,
    private readonly redirectUri = 'https://script.google.com/macros/d/test-script/usercallback',
  ) {}
  createService(name: string): FakeService {
    const service = new FakeService(name, this.endpoint, this.redirectUri);
    this.services.push(service);
    return service;
  }
  getRedirectUri(): string {
    return this.redirectUri;
  }
}

import { OAuth2Storage } from './storage';

export const TOKEN_FORMAT = {
  JSON: 'application/json',
  FORM_URL_ENCODED: 'application/x-www-form-urlencoded',
} as const;

export const STORAGE_PREFIX = 'oauth2.';

export type Token = Record<string, unknown> & {
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  error?: unknown;
  expiresAt?: number;
  refreshTokenExpiresAt?: number;
  granted_time?: number;
};

type PropertyStore = GoogleAppsScript.Properties.Properties;
type CacheStore = GoogleAppsScript.Cache.Cache;
type LockObject = GoogleAppsScript.Lock.Lock;

/** The chainable setters of OAuth2.createService(name), with the library's field names and defaults. */
export class ServiceSettings {
  params_: Record<string, unknown> = {};
  tokenFormat_: string = TOKEN_FORMAT.JSON;
  tokenHeaders_: Record<string, string> | null = null;
  tokenMethod_ = 'post';
  expirationMinutes_ = 60;
  authorizationBaseUrl_?: string;
  tokenUrl_?: string;
  refreshUrl_?: string;
  codeVerifier_?: string;
  codeChallengeMethod_?: string;
  tokenPayloadHandler_?: (payload: Record<string, unknown>) => Record<string, unknown>;
  callbackFunctionName_?: string;
  clientId_?: string;
  clientSecret_?: string;
  propertyStore_?: PropertyStore;
  cache_?: CacheStore;
  lock_?: LockObject;
  privateKey_?: string;
  issuer_?: string;
  additionalClaims_?: Record<string, unknown>;
  subject_?: string;
  grantType_?: string;
  redirectUri_?: string;
  storage_?: OAuth2Storage;
  lastError_?: unknown;

  constructor(readonly serviceName_: string) {
    if (!serviceName_) throw new Error('Service name is required.');
  }

  setAuthorizationBaseUrl(url: string): this {
    this.authorizationBaseUrl_ = url;
    return this;
  }
  setTokenUrl(url: string): this {
    this.tokenUrl_ = url;
    return this;
  }
  setRefreshUrl(url: string): this {
    this.refreshUrl_ = url;
    return this;
  }
  setTokenFormat(format: string): this {
    this.tokenFormat_ = format;
    return this;
  }
  setTokenHeaders(headers: Record<string, string>): this {
    this.tokenHeaders_ = headers;
    return this;
  }
  setTokenMethod(method: string): this {
    this.tokenMethod_ = method;
    return this;
  }
  setTokenPayloadHandler(handler: ServiceSettings['tokenPayloadHandler_']): this {
    this.tokenPayloadHandler_ = handler;
    return this;
  }
  setCallbackFunction(name: string): this {
    this.callbackFunctionName_ = name;
    return this;
  }
  setClientId(clientId: string): this {
    this.clientId_ = clientId;
    return this;
  }
  setClientSecret(secret: string): this {
    this.clientSecret_ = secret;
    return this;
  }
  setPropertyStore(store: PropertyStore): this {
    this.propertyStore_ = store;
    return this;
  }
  setCache(cache: CacheStore): this {
    this.cache_ = cache;
    return this;
  }
  setLock(lock: LockObject): this {
    this.lock_ = lock;
    return this;
  }
  setParam(name: string, value: unknown): this {
    this.params_[name] = value;
    return this;
  }
  setPrivateKey(key: string): this {
    this.privateKey_ = key;
    return this;
  }
  setIssuer(issuer: string): this {
    this.issuer_ = issuer;
    return this;
  }
  setAdditionalClaims(claims: Record<string, unknown>): this {
    this.additionalClaims_ = claims;
    return this;
  }
  setSubject(subject: string): this {
    this.subject_ = subject;
    return this;
  }
  setExpirationMinutes(minutes: number): this {
    this.expirationMinutes_ = minutes;
    return this;
  }
  setGrantType(grantType: string): this {
    this.grantType_ = grantType;
    return this;
  }
  setRedirectUri(uri: string): this {
    this.redirectUri_ = uri;
    return this;
  }
  setCodeChallengeMethod(method: string): this {
    this.codeChallengeMethod_ = method;
    return this;
  }

  setScope(scope: string | string[], separator?: string): this {
    this.params_.scope = Array.isArray(scope) ? scope.join(separator || ' ') : scope;
    return this;
  }

  /** The real name has the typo. S256 unless a method was chosen before. */
  setCodeVerififer(verifier: string): this {
    this.codeVerifier_ = verifier;
    if (!this.codeChallengeMethod_) this.codeChallengeMethod_ = 'S256';
    return this;
  }

  getStorage(): OAuth2Storage {
    if (!this.storage_)
      this.storage_ = new OAuth2Storage(STORAGE_PREFIX + this.serviceName_, this.propertyStore_, this.cache_);
    return this.storage_;
  }

  getLastError(): unknown {
    return this.lastError_;
  }
}

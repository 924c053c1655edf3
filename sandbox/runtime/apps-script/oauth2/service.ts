import { settings } from '../bridge';
import {
  buildUrl,
  codeChallenge,
  decodeJwtPayload,
  encodeJwt,
  lowerCaseKeys,
  nowInSeconds,
  requireSettings,
  webSafeBase64NoPadding,
} from './helpers';
import { ServiceSettings, TOKEN_FORMAT, type Token } from './service-settings';

const EXPIRATION_BUFFER_SECONDS = 60;
const LOCK_WAIT_MS = 30_000;

/** The library hard-codes https://script.google.com; here it is the runtime's scriptOrigin (same default). */
export function redirectUriFor(scriptId?: string): string {
  const id = encodeURIComponent(scriptId || ScriptApp.getScriptId());
  return `${settings().scriptOrigin}/macros/d/${id}/usercallback`;
}

/**
 * OAuth2.createService(name) as in apps-script-oauth2 v43, limits included: expiry comes only from
 * expires_in / expires_in_sec / expires or an id_token (never from a JWT access token), hasAccess()
 * swallows refresh failures into getLastError(), and lockable_ has no try/finally. Every step goes
 * through `this`, so a script can override a private method on its service object.
 */
export class OAuth2Service extends ServiceSettings {
  getRedirectUri(): string {
    return this.redirectUri_ || redirectUriFor();
  }

  generateCodeVerifier(): this {
    const bytes: number[] = [];
    for (let i = 0; i < 32; ++i) bytes[i] = Math.floor(Math.random() * 255);
    return this.setCodeVerififer(webSafeBase64NoPadding(bytes));
  }

  getAuthorizationUrl(optAdditionalParameters?: Record<string, string>): string {
    requireSettings({
      'Client ID': this.clientId_,
      'Callback function name': this.callbackFunctionName_,
      'Authorization base URL': this.authorizationBaseUrl_,
    });
    const state = ScriptApp.newStateToken()
      .withMethod(this.callbackFunctionName_ ?? '')
      .withArgument('serviceName', this.serviceName_)
      .withTimeout(3600);
    if (this.codeVerifier_) state.withArgument('codeVerifier_', this.codeVerifier_);
    for (const key of Object.keys(optAdditionalParameters ?? {}))
      state.withArgument(key, optAdditionalParameters?.[key] ?? '');
    const params: Record<string, unknown> = {
      client_id: this.clientId_,
      response_type: 'code',
      redirect_uri: this.getRedirectUri(),
      state: state.createToken(),
    };
    if (this.codeVerifier_) {
      params.code_challenge = codeChallenge(this.codeChallengeMethod_ ?? 'S256', this.codeVerifier_);
      params.code_challenge_method = this.codeChallengeMethod_;
    }
    return buildUrl(this.authorizationBaseUrl_ ?? '', Object.assign(params, this.params_));
  }

  handleCallback(callbackRequest: { parameter: Record<string, string | undefined> }): boolean {
    const { code, error, codeVerifier_ } = callbackRequest.parameter;
    if (error) {
      if (error === 'access_denied') return false;
      throw new Error('Error authorizing token: ' + error);
    }
    requireSettings({ 'Client ID': this.clientId_, 'Token URL': this.tokenUrl_ });
    const payload: Record<string, unknown> = {
      code,
      client_id: this.clientId_,
      client_secret: this.clientSecret_,
      redirect_uri: this.getRedirectUri(),
      grant_type: 'authorization_code',
    };
    if (codeVerifier_) payload.code_verifier = codeVerifier_;
    this.saveToken_(this.fetchToken_(payload));
    return true;
  }

  hasAccess(): boolean {
    let token = this.getToken();
    if (token && !this.isExpired_(token)) return true;
    const canGetToken = (token && this.canRefresh_(token)) || this.privateKey_ || this.grantType_;
    if (!canGetToken) return false;
    return this.lockable_(function (this: OAuth2Service) {
      token = this.getToken(true);
      // Another execution may have refreshed the token while this one waited for the lock.
      if (token && !this.isExpired_(token)) return true;
      try {
        if (token && this.canRefresh_(token)) this.refresh();
        else if (this.privateKey_) this.exchangeJwt_();
        else if (this.grantType_) this.exchangeGrant_();
        else return false;
        return true;
      } catch (e) {
        this.lastError_ = e;
        return false;
      }
    });
  }

  getAccessToken(): string | undefined {
    if (!this.hasAccess()) throw new Error('Access not granted or expired.');
    return (this.getToken() as Token).access_token;
  }

  getIdToken(): string | undefined {
    if (!this.hasAccess()) throw new Error('Access not granted or expired.');
    return (this.getToken() as Token).id_token;
  }

  reset(): void {
    this.getStorage().reset();
  }

  refresh(): void {
    requireSettings({
      'Client ID': this.clientId_,
      'Client Secret': this.clientSecret_,
      'Token URL': this.tokenUrl_,
    });
    this.lockable_(function (this: OAuth2Service) {
      const token = this.getToken() as Token;
      if (!token.refresh_token) throw new Error('Offline access is required.');
      const newToken = this.fetchToken_(
        {
          refresh_token: token.refresh_token,
          client_id: this.clientId_,
          client_secret: this.clientSecret_,
          grant_type: 'refresh_token',
        },
        this.refreshUrl_,
      );
      if (!newToken.refresh_token) newToken.refresh_token = token.refresh_token;
      this.ensureExpiresAtSet_(token);
      if (newToken.refreshTokenExpiresAt === undefined)
        newToken.refreshTokenExpiresAt = token.refreshTokenExpiresAt;
      this.saveToken_(newToken);
    });
  }

  getToken(optSkipMemoryCheck?: boolean): Token | null {
    return this.getStorage().getValue(null, optSkipMemoryCheck) as Token | null;
  }

  saveToken_(token: Token): void {
    this.getStorage().setValue(null, token);
  }

  fetchToken_(payload: Record<string, unknown>, optUrl?: string): Token {
    const url = optUrl || this.tokenUrl_ || '';
    const headers: Record<string, string> = Object.assign(
      { Accept: this.tokenFormat_ },
      this.tokenHeaders_ ?? {},
    );
    const body = this.tokenPayloadHandler_ ? this.tokenPayloadHandler_(payload) : payload;
    const method = this.tokenMethod_ as GoogleAppsScript.URL_Fetch.HttpMethod;
    const response = UrlFetchApp.fetch(url, { method, headers, payload: body, muteHttpExceptions: true });
    return this.getTokenFromResponse_(response);
  }

  getTokenFromResponse_(response: GoogleAppsScript.URL_Fetch.HTTPResponse): Token {
    const token = this.parseToken_(response.getContentText());
    const status = response.getResponseCode();
    if (status < 200 || status >= 300 || token.error) {
      const reason = [token.error, token.message, token.error_description, token.error_uri]
        .filter(Boolean)
        .map((part) => (typeof part === 'string' ? part : JSON.stringify(part)))
        .join(', ');
      throw new Error('Error retrieving token: ' + (reason || `${status}: ${JSON.stringify(token)}`));
    }
    return token;
  }

  parseToken_(content: string): Token {
    let token: Token;
    if (this.tokenFormat_ === TOKEN_FORMAT.JSON) {
      try {
        token = JSON.parse(content) as Token;
      } catch (e) {
        throw new Error('Token response not valid JSON: ' + String(e), { cause: e });
      }
    } else if (this.tokenFormat_ === TOKEN_FORMAT.FORM_URL_ENCODED) {
      token = {};
      for (const pair of content.split('&')) {
        const [name = '', value] = pair.split('=');
        token[decodeURIComponent(name)] = decodeURIComponent(String(value));
      }
    } else {
      throw new Error('Unknown token format: ' + this.tokenFormat_);
    }
    this.ensureExpiresAtSet_(token);
    return token;
  }

  /** Expiry from the response's lifetime fields only; a token without them never expires. */
  ensureExpiresAtSet_(token: Token): void {
    if (token.expiresAt !== undefined) return;
    const grantedTime = token.granted_time || nowInSeconds();
    const expiresIn = token.expires_in_sec || token.expires_in || token.expires;
    if (expiresIn) token.expiresAt = grantedTime + Number(expiresIn);
    const refreshExpiresIn = token.refresh_token_expires_in;
    if (refreshExpiresIn) token.refreshTokenExpiresAt = grantedTime + Number(refreshExpiresIn);
  }

  isExpired_(token: Token): boolean {
    let expired = false;
    const now = nowInSeconds();
    if (token.expiresAt && token.expiresAt - now < EXPIRATION_BUFFER_SECONDS) expired = true;
    const expiresIn = token.expires_in_sec || token.expires_in || token.expires;
    if (expiresIn && Number(token.granted_time) + Number(expiresIn) - now < EXPIRATION_BUFFER_SECONDS)
      expired = true;
    if (token.id_token) {
      const exp = decodeJwtPayload(token.id_token).exp;
      if (exp && Number(exp) - now < EXPIRATION_BUFFER_SECONDS) expired = true;
    }
    return expired;
  }

  canRefresh_(token: Token): boolean {
    if (!token.refresh_token) return false;
    this.ensureExpiresAtSet_(token);
    if (token.refreshTokenExpiresAt === undefined) return true;
    return token.refreshTokenExpiresAt - nowInSeconds() > EXPIRATION_BUFFER_SECONDS;
  }

  /** Runs `func` holding the lock; no try/finally: if `func` throws, the lock stays held. */
  lockable_<T>(func: (this: OAuth2Service) => T): T {
    let releaseLock = false;
    if (this.lock_ && !this.lock_.hasLock()) {
      this.lock_.waitLock(LOCK_WAIT_MS);
      releaseLock = true;
    }
    const result = func.apply(this);
    if (this.lock_ && releaseLock) this.lock_.releaseLock();
    return result;
  }

  exchangeJwt_(): void {
    requireSettings({ 'Token URL': this.tokenUrl_ });
    this.saveToken_(
      this.fetchToken_({
        assertion: this.createJwt_(),
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      }),
    );
  }

  createJwt_(): string {
    requireSettings({
      'Private key': this.privateKey_,
      'Token URL': this.tokenUrl_,
      'Issuer or Client ID': this.issuer_ || this.clientId_,
    });
    const now = new Date();
    const expires = new Date(now.getTime());
    expires.setMinutes(expires.getMinutes() + this.expirationMinutes_);
    const claims: Record<string, unknown> = {
      iss: this.issuer_ || this.clientId_,
      aud: this.tokenUrl_,
      exp: Math.round(expires.getTime() / 1000),
      iat: Math.round(now.getTime() / 1000),
    };
    if (this.subject_) claims.sub = this.subject_;
    if (this.params_.scope) claims.scope = this.params_.scope;
    Object.assign(claims, this.additionalClaims_ ?? {});
    return encodeJwt(claims, this.privateKey_ ?? '');
  }

  exchangeGrant_(): void {
    requireSettings({ 'Grant Type': this.grantType_, 'Token URL': this.tokenUrl_ });
    const payload: Record<string, unknown> = Object.assign({ grant_type: this.grantType_ }, this.params_);
    const headers = lowerCaseKeys(this.tokenHeaders_);
    if (
      this.grantType_ === 'client_credentials' &&
      this.clientId_ &&
      this.clientSecret_ &&
      (!headers || !headers.authorization)
    ) {
      this.tokenHeaders_ = this.tokenHeaders_ || {};
      this.tokenHeaders_.authorization =
        'Basic ' + Utilities.base64Encode(this.clientId_ + ':' + this.clientSecret_);
    }
    this.saveToken_(this.fetchToken_(payload));
  }
}

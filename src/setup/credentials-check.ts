import { describeError } from '../errors';
import { parseJsonObject } from '../json';
import type { Http } from '../platform';

/** Sent as the authorization code: no grant can ever have it, so a token is never issued. */
export const PROBE_CODE = 'jobber-connector-setup-check';

export type CredentialsVerdict =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'rejected' }
  | { readonly kind: 'unknown'; readonly reason: string };

export interface CredentialsProbe {
  readonly tokenUrl: string;
  readonly redirectUri: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * Asks Jobber's token endpoint to exchange a code that cannot exist. An OAuth server authenticates
 * the client first: a wrong id or secret answers `invalid_client`; right ones reach the code,
 * which is `invalid_grant`. Nothing is created either way. Any other answer says nothing about
 * the credentials. The reason never repeats Jobber's text (only its error code and status).
 */
export function checkCredentials(http: Http, probe: CredentialsProbe): CredentialsVerdict {
  let status: number;
  let body: string;
  try {
    ({ status, body } = http.fetch({
      url: probe.tokenUrl,
      method: 'post',
      payload: {
        grant_type: 'authorization_code',
        code: PROBE_CODE,
        redirect_uri: probe.redirectUri,
        client_id: probe.clientId,
        client_secret: probe.clientSecret,
      },
    }));
  } catch (error) {
    return { kind: 'unknown', reason: `Jobber could not be reached (${describeError(error).slice(0, 120)})` };
  }
  const error = oauthErrorOf(body);
  if (error === 'invalid_client') return { kind: 'rejected' };
  if (error === 'invalid_grant') return { kind: 'accepted' };
  return {
    kind: 'unknown',
    reason: `Jobber answered HTTP ${status}${error ? ` with "${error}"` : ''} instead of a verdict on the credentials`,
  };
}

/** The `error` field of an OAuth error body, when it is a plain OAuth error code. */
function oauthErrorOf(body: string): string | undefined {
  const error = parseJsonObject(body)?.error;
  return typeof error === 'string' && /^[a-z_]{1,40}$/.test(error) ? error : undefined;
}

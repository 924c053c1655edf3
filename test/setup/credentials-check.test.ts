import { PROBE_CODE, checkCredentials, type CredentialsProbe } from '../../src/setup/credentials-check';
import { ScriptedHttp, type Responder } from '../support/platform-fakes';
import { jsonResponse } from '../jobber/fakes';

const PROBE: CredentialsProbe = {
  tokenUrl: 'https://api.getjobber.com/api/oauth/token',
  redirectUri: 'https://script.google.com/macros/d/abc/usercallback',
  clientId: 'app-1',
  clientSecret: 'the-secret',
};

function verdictFor(responder: Responder) {
  const http = new ScriptedHttp([responder]);
  return { verdict: checkCredentials(http, PROBE), request: http.requests[0] };
}

describe('checking the Jobber app credentials', () => {
  it('exchanges a code no grant can have, form-encoded, with the callback URL and the credentials', () => {
    const { request } = verdictFor(() => jsonResponse({ error: 'invalid_grant' }, 400));
    expect(request).toEqual({
      url: PROBE.tokenUrl,
      method: 'post',
      payload: {
        grant_type: 'authorization_code',
        code: PROBE_CODE,
        redirect_uri: PROBE.redirectUri,
        client_id: 'app-1',
        client_secret: 'the-secret',
      },
    });
  });

  it('calls invalid_client a rejection and invalid_grant (the client passed) an acceptance', () => {
    expect(verdictFor(() => jsonResponse({ error: 'invalid_client' }, 401)).verdict).toEqual({
      kind: 'rejected',
    });
    expect(verdictFor(() => jsonResponse({ error: 'invalid_grant' }, 400)).verdict).toEqual({
      kind: 'accepted',
    });
  });

  it('says it could not tell on any other answer, without repeating what Jobber sent', () => {
    expect(verdictFor(() => ({ status: 503, headers: {}, body: '<html>the-secret</html>' })).verdict).toEqual(
      {
        kind: 'unknown',
        reason: 'Jobber answered HTTP 503 instead of a verdict on the credentials',
      },
    );
    expect(
      verdictFor(() => jsonResponse({ error: 'invalid_request', error_description: 'x' }, 400)).verdict,
    ).toEqual({
      kind: 'unknown',
      reason: 'Jobber answered HTTP 400 with "invalid_request" instead of a verdict on the credentials',
    });
    expect(verdictFor(() => jsonResponse({ access_token: 'a' })).verdict.kind).toBe('unknown');
  });

  it('says Jobber could not be reached when no answer came', () => {
    const { verdict } = verdictFor(() => {
      throw new Error('Address unavailable: https://api.getjobber.com/api/oauth/token');
    });
    expect(verdict).toEqual({
      kind: 'unknown',
      reason:
        'Jobber could not be reached (Error: Address unavailable: https://api.getjobber.com/api/oauth/token)',
    });
  });
});

/**
 * Drive v3's JSON errors: `{"error":{"code","message","errors":[{domain,reason,message,…}],…}}`.
 * Texts come from Google's "Resolve errors" guide for the Drive API and from answers seen in public
 * issue threads; docs/runtime.md lists which ones are our assumption.
 */

export interface DriveErrorItem {
  readonly domain: string;
  readonly reason: string;
  readonly message: string;
  readonly location?: string;
  readonly locationType?: string;
}

/** A Drive error answer; handlers throw it and the router turns it into the HTTP response. */
export class DriveError extends Error {
  override readonly name = 'DriveError';

  constructor(
    readonly status: number,
    readonly item: DriveErrorItem,
    readonly extra: Readonly<Record<string, unknown>> = {},
    readonly headers: ReadonlyArray<readonly [string, string]> = [],
    topMessage?: string,
  ) {
    super(topMessage ?? item.message);
  }

  body(): Record<string, unknown> {
    return { error: { code: this.status, message: this.message, errors: [this.item], ...this.extra } };
  }
}

const SIGN_IN_HINT =
  'Expected OAuth 2 access token, login cookie or other valid authentication credential. ' +
  'See https://developers.google.com/identity/sign-in/web/devconsole-project.';
const BEARER_REALM = 'Bearer realm="https://accounts.google.com/"';
export const APPDATA_SCOPE = 'https://www.googleapis.com/auth/drive.appdata';

export function loginRequired(): DriveError {
  return new DriveError(
    401,
    {
      domain: 'global',
      reason: 'required',
      message: 'Login Required.',
      location: 'Authorization',
      locationType: 'header',
    },
    { status: 'UNAUTHENTICATED' },
    [['WWW-Authenticate', BEARER_REALM]],
    `Request is missing required authentication credential. ${SIGN_IN_HINT}`,
  );
}

export function invalidCredentials(): DriveError {
  return new DriveError(
    401,
    {
      domain: 'global',
      reason: 'authError',
      message: 'Invalid Credentials',
      location: 'Authorization',
      locationType: 'header',
    },
    { status: 'UNAUTHENTICATED' },
    [['WWW-Authenticate', `${BEARER_REALM}, error="invalid_token"`]],
    `Request had invalid authentication credentials. ${SIGN_IN_HINT}`,
  );
}

/** The token lacks the scope (not granted, or not listed in the manifest's oauthScopes). */
export function insufficientScopes(method: string): DriveError {
  return new DriveError(
    403,
    { domain: 'global', reason: 'insufficientPermissions', message: 'Insufficient Permission' },
    {
      status: 'PERMISSION_DENIED',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
          domain: 'googleapis.com',
          metadata: { service: 'drive.googleapis.com', method },
        },
      ],
    },
    [['WWW-Authenticate', `${BEARER_REALM}, error="insufficient_scope", scope="${APPDATA_SCOPE}"`]],
    'Request had insufficient authentication scopes.',
  );
}

/** files.list without spaces=appDataFolder (or with another space) under the drive.appdata scope. */
export function spacesNotGranted(): DriveError {
  return new DriveError(403, {
    domain: 'global',
    reason: 'insufficientScopes',
    message: 'The granted scopes do not give access to all of the requested spaces.',
    location: 'spaces',
    locationType: 'parameter',
  });
}

export function notFound(fileId: string): DriveError {
  return new DriveError(404, {
    domain: 'global',
    reason: 'notFound',
    message: `File not found: ${fileId}.`,
    location: 'fileId',
    locationType: 'parameter',
  });
}

export function notSupportedForAppData(): DriveError {
  return new DriveError(403, {
    domain: 'global',
    reason: 'notSupportedForAppDataFolderFiles',
    message: 'Method not supported for files within the Application Data folder.',
  });
}

export function storageQuotaExceeded(): DriveError {
  return new DriveError(403, {
    domain: 'usageLimits',
    reason: 'storageQuotaExceeded',
    message: "The user's Drive storage quota has been exceeded.",
  });
}

export function domainPolicy(): DriveError {
  return new DriveError(403, {
    domain: 'global',
    reason: 'domainPolicy',
    message: 'The domain administrators have disabled Drive apps.',
  });
}

export function userRateLimitExceeded(): DriveError {
  return new DriveError(403, {
    domain: 'usageLimits',
    reason: 'userRateLimitExceeded',
    message: 'User Rate Limit Exceeded',
  });
}

export function rateLimitExceeded(status: 403 | 429): DriveError {
  return new DriveError(status, {
    domain: 'usageLimits',
    reason: 'rateLimitExceeded',
    message: 'Rate Limit Exceeded',
  });
}

export function backendError(status: 500 | 502 | 503 | 504): DriveError {
  const message = status === 503 ? 'The service is currently unavailable.' : 'Backend Error';
  return new DriveError(status, { domain: 'global', reason: 'backendError', message });
}

/** A malformed parameter value (q, pageSize, pageToken, orderBy…). */
export function invalidParameter(location: string, message = 'Invalid Value'): DriveError {
  return new DriveError(400, {
    domain: 'global',
    reason: 'invalid',
    message,
    location,
    locationType: 'parameter',
  });
}

export function invalidFieldSelection(selection: string): DriveError {
  return new DriveError(400, {
    domain: 'global',
    reason: 'invalidParameter',
    message: `Invalid field selection ${selection}`,
    location: 'fields',
    locationType: 'parameter',
  });
}

export function badRequest(message: string): DriveError {
  return new DriveError(400, { domain: 'global', reason: 'badRequest', message });
}

export function parseError(): DriveError {
  return new DriveError(400, { domain: 'global', reason: 'parseError', message: 'Parse Error' });
}

export function fieldNotWritable(message: string): DriveError {
  return new DriveError(403, { domain: 'global', reason: 'fieldNotWritable', message });
}

/** A simple or multipart upload over 5 MB: Drive wants a resumable upload (not modelled here). */
export function uploadTooLarge(limitBytes: number): DriveError {
  return new DriveError(413, {
    domain: 'global',
    reason: 'uploadTooLarge',
    message:
      `The upload is larger than ${limitBytes} bytes, the most a simple or multipart upload ` +
      'may carry; use a resumable upload.',
  });
}

export function fileNotDownloadable(): DriveError {
  return new DriveError(403, {
    domain: 'global',
    reason: 'fileNotDownloadable',
    message: 'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
    location: 'alt',
    locationType: 'parameter',
  });
}

/** Not Drive behaviour: a real Drive endpoint or option this stand-in does not model, said plainly. */
export function notModelled(what: string): DriveError {
  return new DriveError(501, {
    domain: 'localRuntime',
    reason: 'notModelled',
    message: `${what} is not modelled by the local runtime's Drive stand-in (see docs/runtime.md).`,
  });
}

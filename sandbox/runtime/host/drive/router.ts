/** One Drive request through the stand-in: route, token, scope, faults, then the endpoint. */
import {
  createFile,
  deleteFile,
  getFile,
  json,
  listFiles,
  shareFile,
  updateFile,
  type EndpointContext,
  type Reply,
} from './endpoints';
import {
  APPDATA_SCOPE,
  DriveError,
  badRequest,
  insufficientScopes,
  invalidCredentials,
  loginRequired,
  notModelled,
} from './errors';
import { rpcMethod, type DriveFaults, type DriveOperation } from './faults';
import type { DriveFiles } from './files';
import type { OAuthTokens } from './tokens';

export const DRIVE_ORIGIN = 'https://www.googleapis.com';
export const DRIVE_PREFIXES = [`${DRIVE_ORIGIN}/drive/v3/`, `${DRIVE_ORIGIN}/upload/drive/v3/`];

export interface DriveWorldParts {
  readonly files: DriveFiles;
  readonly tokens: OAuthTokens;
  readonly faults: DriveFaults;
}

export interface DriveCall {
  /** The Google user of the execution that sent the request. */
  readonly user: string;
  /** The OAuth client of the script that sent it. */
  readonly app: string;
  readonly now: number;
  readonly url: string;
  readonly method: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
}

/** Drive's answer, or none at all (UrlFetchApp times out). */
export type DriveOutcome = { readonly reply: Reply } | { readonly timeout: true };

interface Route {
  readonly operation: DriveOperation;
  readonly params: readonly string[];
  run(ctx: EndpointContext): Reply;
}

const STANDARD_PARAMS = [
  'fields',
  'prettyPrint',
  'quotaUser',
  'key',
  'supportsAllDrives',
  'supportsTeamDrives',
];
const FIELD_PARAMS = ['includeLabels', 'includePermissionsForView'];
const WRITE_PARAMS = [
  'keepRevisionForever',
  'ocrLanguage',
  'useContentAsIndexableText',
  'enforceSingleParent',
];
const LIST_PARAMS = ['spaces', 'q', 'pageSize', 'pageToken', 'orderBy', 'corpora', 'driveId'];
const LIST_FLAGS = ['includeItemsFromAllDrives', 'includeTeamDriveItems'];
const CONDITIONAL_HEADERS = ['if-match', 'if-none-match', 'if-unmodified-since', 'if-modified-since'];

export function serveDrive(world: DriveWorldParts, call: DriveCall): DriveOutcome {
  const url = new URL(call.url);
  const headers = new Map(call.headers.map(([name, value]) => [name.toLowerCase(), value] as const));
  try {
    const route = routeOf(call.method, url.pathname, url.searchParams);
    const { operation } = route;
    authorize(world, call, headers, operation);
    const before = world.faults.take({ user: call.user, app: call.app, operation, afterEffect: false });
    if (before === 'timeout') return { timeout: true };
    if (before) throw before;
    checkRequest(route, url.searchParams, headers);
    const ctx: EndpointContext = { ...call, files: world.files, params: url.searchParams, headers };
    const reply = route.run(ctx);
    const after = world.faults.take({ user: call.user, app: call.app, operation, afterEffect: true });
    if (after === 'timeout') return { timeout: true };
    if (after) throw after;
    return { reply };
  } catch (error) {
    if (!(error instanceof DriveError)) throw error;
    return { reply: errorReply(error, url.searchParams) };
  }
}

function errorReply(error: DriveError, params: URLSearchParams): Reply {
  const reply = json(error.status, error.body(), params);
  return {
    ...reply,
    headers: [...reply.headers, ...error.headers.map(([n, v]): [string, string] => [n, v])],
  };
}

function authorize(
  world: DriveWorldParts,
  call: DriveCall,
  headers: ReadonlyMap<string, string>,
  operation: DriveOperation,
): void {
  const authorization = headers.get('authorization');
  if (authorization === undefined) throw loginRequired();
  const token = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
  const grant = token === undefined ? null : world.tokens.resolve(token, call.now);
  // Google would serve a token's own user and app; refusing another execution's token is stricter,
  // so a token leaked across users or scripts fails a test instead of reading someone else's Drive.
  if (!grant || grant.user !== call.user || grant.app !== call.app) throw invalidCredentials();
  if (!grant.scopes.has(APPDATA_SCOPE)) throw insufficientScopes(rpcMethod(operation));
}

function checkRequest(route: Route, params: URLSearchParams, headers: ReadonlyMap<string, string>): void {
  for (const name of CONDITIONAL_HEADERS)
    if (headers.has(name))
      throw notModelled(`The ${name} header (Drive v3 has no preconditions; code must not rely on one)`);
  for (const name of params.keys())
    if (!route.params.includes(name))
      throw badRequest(`Unknown query parameter "${name}" for this Drive request`);
}

function routeOf(method: string, path: string, params: URLSearchParams): Route {
  const upload = path.startsWith('/upload/');
  const rest = path.replace(/^\/(?:upload\/)?drive\/v3\//, '');
  const [collection, rawId, sub, ...more] = rest.split('/');
  const id = rawId === undefined ? undefined : decodeURIComponent(rawId);
  if (collection !== 'files' || more.length > 0 || id === '')
    throw notModelled(`${method} ${path.replace(/\/files\/[^/]+/, '/files/{id}')}`);
  if (sub !== undefined) {
    if (id === undefined || sub !== 'permissions') throw notModelled(`${method} /drive/v3/files/{id}/${sub}`);
    if (method !== 'POST' || upload) throw notModelled(`${method} ${path}`);
    return route('other', [], (ctx) => shareFile(ctx, id));
  }
  const uploadType = upload ? readUploadType(params) : noUploadType(params);
  if (id === undefined) {
    if (method === 'GET' && !upload) return route('list', [...LIST_PARAMS, ...LIST_FLAGS], listFiles);
    if (method === 'POST')
      return route(
        'create',
        ['uploadType', ...WRITE_PARAMS, 'ignoreDefaultVisibility', ...FIELD_PARAMS],
        (ctx) => createFile(ctx, uploadType),
      );
  } else if (method === 'GET' && !upload) {
    const operation = params.get('alt') === 'media' ? 'download' : 'get';
    return route(operation, ['alt', 'acknowledgeAbuse', ...FIELD_PARAMS], (ctx) => getFile(ctx, id));
  } else if (method === 'PATCH') {
    const updateParams = ['uploadType', 'addParents', 'removeParents', ...WRITE_PARAMS, ...FIELD_PARAMS];
    return route(upload ? 'updateContent' : 'update', updateParams, (ctx) => updateFile(ctx, id, uploadType));
  } else if (method === 'DELETE' && !upload)
    return route('delete', ['enforceSingleParent'], (ctx) => deleteFile(ctx, id));
  throw new DriveError(404, { domain: 'global', reason: 'notFound', message: 'Not Found' });
}

function route(
  operation: DriveOperation,
  params: readonly string[],
  run: (ctx: EndpointContext) => Reply,
): Route {
  return { operation, params: [...STANDARD_PARAMS, ...params], run };
}

function readUploadType(params: URLSearchParams): 'multipart' | 'media' {
  const type = params.get('uploadType');
  if (type === 'multipart' || type === 'media') return type;
  if (type === 'resumable') throw notModelled('Resumable uploads (uploadType=resumable)');
  throw badRequest('Upload requests need uploadType=multipart or uploadType=media');
}

function noUploadType(params: URLSearchParams): null {
  if (params.has('uploadType')) throw badRequest('uploadType belongs on the /upload/drive/v3/ path');
  return null;
}

/** Drive v3's files endpoints over one app data folder (the caller has checked the token). */
import {
  badRequest,
  fileNotDownloadable,
  insufficientScopes,
  invalidParameter,
  notFound,
  notModelled,
  notSupportedForAppData,
  spacesNotGranted,
  uploadTooLarge,
} from './errors';
import type { DriveFiles, StoredFile } from './files';
import { rpcMethod } from './faults';
import { mergeAppProperties, parseJsonObject, readMetadata, type MetadataChange } from './metadata';
import { parseMultipartRelated } from './multipart';
import { parseQuery } from './query';
import { fileResource, folderResource, selectFile, selectList } from './resource';

/** Upload guide: simple and multipart uploads are for files of 5 MB or less (decimal: the stricter reading). */
export const SIMPLE_UPLOAD_MAX_BYTES = 5_000_000;
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;
const ORDER_KEYS = new Set(['name', 'name_natural', 'createdTime', 'modifiedTime']);

export interface Reply {
  readonly status: number;
  readonly headers: Array<[string, string]>;
  readonly body: Buffer;
}

/** One request, as the endpoints see it. */
export interface EndpointContext {
  readonly files: DriveFiles;
  readonly user: string;
  readonly app: string;
  readonly now: number;
  readonly params: URLSearchParams;
  /** Request headers, names in lower case. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

export function json(status: number, value: unknown, params: URLSearchParams): Reply {
  const pretty = params.get('prettyPrint') !== 'false';
  const text = pretty ? JSON.stringify(value, null, 2) + '\n' : JSON.stringify(value);
  return { status, headers: [['Content-Type', 'application/json; charset=UTF-8']], body: Buffer.from(text) };
}

export function listFiles(ctx: EndpointContext): Reply {
  const { params } = ctx;
  const spaces = (params.get('spaces') ?? 'drive').split(',').map((space) => space.trim());
  if (spaces.some((space) => space !== 'appDataFolder')) throw spacesNotGranted();
  if ((params.get('corpora') ?? 'user') !== 'user' || params.has('driveId'))
    throw notModelled('Listing shared drives (corpora, driveId)');
  const pageSize = readPageSize(params.get('pageSize'));
  const matches = parseQuery(params.get('q') ?? '');
  const folderId = ctx.files.folderId(ctx.user, ctx.app);
  const found = ctx.files.list(ctx.user, ctx.app).filter((file) => matches(file, folderId));
  found.sort(ordering(params.get('orderBy')));
  const listing = JSON.stringify([params.get('q') ?? '', params.get('orderBy') ?? '', spaces]);
  const offset = readPageToken(params.get('pageToken'), listing);
  const page = found.slice(offset, offset + pageSize);
  const more = offset + pageSize < found.length;
  const list = {
    kind: 'drive#fileList',
    incompleteSearch: false,
    ...(more ? { nextPageToken: pageToken(offset + pageSize, listing) } : {}),
    files: page.map((file) => fileResource(file, folderId)),
  };
  return json(200, selectList(list, params.get('fields')), params);
}

export function getFile(ctx: EndpointContext, id: string): Reply {
  const media = readAlt(ctx.params) === 'media';
  const folderId = ctx.files.folderId(ctx.user, ctx.app);
  if (id === 'appDataFolder' || id === folderId) {
    if (media) throw fileNotDownloadable();
    return json(200, selectFile(folderResource(folderId), ctx.params.get('fields')), ctx.params);
  }
  const file = findFile(ctx, id);
  if (!media)
    return json(200, selectFile(fileResource(file, folderId), ctx.params.get('fields')), ctx.params);
  if (ctx.headers.has('range')) throw notModelled('Partial downloads (Range)');
  return {
    status: 200,
    headers: [
      ['Content-Type', file.mimeType],
      ['X-Goog-Hash', `md5=${Buffer.from(file.md5Checksum, 'hex').toString('base64')}`],
    ],
    body: file.content,
  };
}

/** POST /upload/drive/v3/files (multipart or media) or POST /drive/v3/files (metadata only). */
export function createFile(ctx: EndpointContext, upload: 'multipart' | 'media' | null): Reply {
  if (upload === 'media') {
    checkUploadSize(ctx.body);
    // A simple upload cannot name a parent, so it lands in My Drive, which drive.appdata cannot reach.
    throw insufficientScopes(rpcMethod('create'));
  }
  const { metadata, content, mediaType } =
    upload === 'multipart'
      ? readMultipart(ctx)
      : { metadata: readJsonBody(ctx), content: Buffer.alloc(0), mediaType: null };
  const change = readMetadata(metadata, 'create');
  const folderId = ctx.files.folderId(ctx.user, ctx.app);
  const parents = change.parents ?? [];
  if (parents.length !== 1 || (parents[0] !== 'appDataFolder' && parents[0] !== folderId))
    throw insufficientScopes(rpcMethod('create'));
  const file = ctx.files.create(
    ctx.user,
    ctx.app,
    {
      name: change.name ?? 'Untitled',
      mimeType: change.mimeType ?? mediaType ?? 'application/octet-stream',
      content,
      appProperties: mergeAppProperties({}, change.appProperties),
      ...(change.modifiedTime === undefined ? {} : { modifiedTime: change.modifiedTime }),
    },
    ctx.now,
  );
  return json(200, selectFile(fileResource(file, folderId), ctx.params.get('fields')), ctx.params);
}

/** PATCH /upload/drive/v3/files/{id} (media or multipart) or PATCH /drive/v3/files/{id} (metadata). */
export function updateFile(ctx: EndpointContext, id: string, upload: 'multipart' | 'media' | null): Reply {
  if (ctx.params.has('addParents') || ctx.params.has('removeParents')) throw notSupportedForAppData();
  const file = findFile(ctx, id);
  let change: MetadataChange = {};
  let content: Buffer | null = null;
  if (upload === 'media') {
    checkUploadSize(ctx.body);
    content = ctx.body;
  } else if (upload === 'multipart') {
    const parts = readMultipart(ctx);
    change = readMetadata(parts.metadata, 'update');
    content = parts.content;
  } else change = readMetadata(readJsonBody(ctx), 'update');
  const appProperties = mergeAppProperties(file.appProperties, change.appProperties);
  if (content !== null) ctx.files.replaceContent(ctx.user, file, content);
  file.appProperties = appProperties;
  if (change.name !== undefined) file.name = change.name;
  if (change.mimeType !== undefined) file.mimeType = change.mimeType;
  ctx.files.changed(file, change.modifiedTime ?? ctx.now);
  const folderId = ctx.files.folderId(ctx.user, ctx.app);
  return json(200, selectFile(fileResource(file, folderId), ctx.params.get('fields')), ctx.params);
}

export function deleteFile(ctx: EndpointContext, id: string): Reply {
  findFile(ctx, id);
  ctx.files.delete(ctx.user, ctx.app, id);
  return { status: 204, headers: [], body: Buffer.alloc(0) };
}

/** POST /drive/v3/files/{id}/permissions: app data cannot be shared. */
export function shareFile(ctx: EndpointContext, id: string): Reply {
  findFile(ctx, id);
  throw notSupportedForAppData();
}

function findFile(ctx: EndpointContext, id: string): StoredFile {
  const file = ctx.files.find(ctx.user, ctx.app, id);
  if (!file) throw notFound(id);
  return file;
}

function readMultipart(ctx: EndpointContext): {
  metadata: Record<string, unknown>;
  content: Buffer;
  mediaType: string | null;
} {
  const parts = parseMultipartRelated(ctx.headers.get('content-type') ?? null, ctx.body);
  const [meta, media] = parts;
  if (parts.length !== 2 || !meta || !media)
    throw badRequest('A multipart upload has exactly two parts: JSON metadata, then the media');
  if (!/^application\/json\s*(;|$)/i.test(meta.headers.get('content-type') ?? ''))
    throw badRequest('The first part of a multipart upload must be application/json metadata');
  checkUploadSize(media.body);
  return {
    metadata: parseJsonObject(meta.body),
    content: Buffer.from(media.body),
    mediaType: media.headers.get('content-type') ?? null,
  };
}

function readJsonBody(ctx: EndpointContext): Record<string, unknown> {
  if (ctx.body.length > 0 && !/^application\/json\s*(;|$)/i.test(ctx.headers.get('content-type') ?? ''))
    throw badRequest('Metadata requests need Content-Type: application/json');
  return parseJsonObject(ctx.body);
}

function checkUploadSize(bytes: Buffer): void {
  if (bytes.length > SIMPLE_UPLOAD_MAX_BYTES) throw uploadTooLarge(SIMPLE_UPLOAD_MAX_BYTES);
}

function readAlt(params: URLSearchParams): 'json' | 'media' {
  const alt = params.get('alt') ?? 'json';
  if (alt !== 'json' && alt !== 'media') throw invalidParameter('alt');
  return alt;
}

function readPageSize(text: string | null): number {
  if (text === null) return DEFAULT_PAGE_SIZE;
  const size = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(size >= 1 && size <= MAX_PAGE_SIZE))
    throw invalidParameter(
      'pageSize',
      `Invalid value '${text}'. Values must be within the range: [1, ${MAX_PAGE_SIZE}]`,
    );
  return size;
}

/** Default order: by id, which is arbitrary but stable (Drive promises no order without orderBy). */
function ordering(orderBy: string | null): (a: StoredFile, b: StoredFile) => number {
  const keys = (orderBy ?? '').split(',').filter((key) => key.trim() !== '');
  const comparators = keys.map((spec) => {
    const [key = '', direction, ...rest] = spec.trim().split(/\s+/);
    if (!ORDER_KEYS.has(key) || rest.length > 0 || (direction !== undefined && direction !== 'desc'))
      throw invalidParameter('orderBy');
    const sign = direction === 'desc' ? -1 : 1;
    return (a: StoredFile, b: StoredFile) => sign * compareBy(key, a, b);
  });
  return (a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

function compareBy(key: string, a: StoredFile, b: StoredFile): number {
  if (key === 'createdTime') return a.createdTime - b.createdTime;
  if (key === 'modifiedTime') return a.modifiedTime - b.modifiedTime;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Page tokens carry the offset and the listing they belong to: reuse with another q or orderBy is refused. */
function pageToken(offset: number, listing: string): string {
  return Buffer.from(JSON.stringify({ offset, listing })).toString('base64url');
}

function readPageToken(token: string | null, listing: string): number {
  if (token === null) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      offset?: unknown;
      listing?: unknown;
    };
    if (typeof parsed.offset === 'number' && parsed.listing === listing) return parsed.offset;
  } catch {
    // Falls through to Drive's answer for a token it did not issue.
  }
  throw invalidParameter('pageToken');
}

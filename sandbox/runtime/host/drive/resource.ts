/**
 * The JSON Drive answers with: file resources (int64 values as strings, as Drive's JSON has them)
 * and partial responses (`fields`), with Drive's defaults when `fields` is absent.
 */
import { invalidFieldSelection, notModelled } from './errors';
import type { StoredFile } from './files';

type Schema = { readonly [key: string]: Schema | 'leaf' | 'map' };

const FILE_SCHEMA: Schema = Object.fromEntries(
  [
    'kind',
    'id',
    'name',
    'mimeType',
    'parents',
    'spaces',
    'starred',
    'trashed',
    'explicitlyTrashed',
    'version',
    'size',
    'quotaBytesUsed',
    'md5Checksum',
    'sha1Checksum',
    'sha256Checksum',
    'createdTime',
    'modifiedTime',
    'ownedByMe',
  ]
    .map((key): [string, 'leaf' | 'map'] => [key, 'leaf'])
    .concat([['appProperties', 'map']]),
);

const LIST_SCHEMA: Schema = {
  kind: 'leaf',
  incompleteSearch: 'leaf',
  nextPageToken: 'leaf',
  files: FILE_SCHEMA,
};

/** File fields Drive has that this stand-in does not model: asking for one is a clear 501. */
const UNMODELLED_FILE_FIELDS = new Set(
  (
    'description properties owners permissions permissionIds capabilities webViewLink webContentLink ' +
    'iconLink thumbnailLink hasThumbnail thumbnailVersion headRevisionId originalFilename ' +
    'fullFileExtension fileExtension lastModifyingUser sharingUser shared modifiedByMe modifiedByMeTime ' +
    'viewedByMe viewedByMeTime sharedWithMeTime driveId teamDriveId resourceKey exportLinks ' +
    'contentHints contentRestrictions copyRequiresWriterPermission writersCanShare viewersCanCopyContent ' +
    'isAppAuthorized hasAugmentedPermissions trashingUser trashedTime imageMediaMetadata ' +
    'videoMediaMetadata shortcutDetails linkShareMetadata labelInfo folderColorRgb ' +
    'inheritedPermissionsDisabled downloadRestrictions'
  ).split(' '),
);

export const DEFAULT_FILE_FIELDS = 'kind,id,name,mimeType';
export const DEFAULT_LIST_FIELDS = `kind,incompleteSearch,nextPageToken,files(${DEFAULT_FILE_FIELDS})`;

export function fileResource(file: StoredFile, folderId: string): Record<string, unknown> {
  const bytes = String(file.content.length);
  return {
    kind: 'drive#file',
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    parents: [folderId],
    spaces: ['appDataFolder'],
    starred: false,
    trashed: false,
    explicitlyTrashed: false,
    version: String(file.version),
    size: bytes,
    quotaBytesUsed: bytes,
    md5Checksum: file.md5Checksum,
    sha1Checksum: file.sha1Checksum,
    sha256Checksum: file.sha256Checksum,
    createdTime: new Date(file.createdTime).toISOString(),
    modifiedTime: new Date(file.modifiedTime).toISOString(),
    ...(Object.keys(file.appProperties).length > 0 ? { appProperties: { ...file.appProperties } } : {}),
    ownedByMe: true,
  };
}

/** The app data folder itself (GET files/appDataFolder). */
export function folderResource(folderId: string): Record<string, unknown> {
  return {
    kind: 'drive#file',
    id: folderId,
    name: 'Application Data',
    mimeType: 'application/vnd.google-apps.folder',
    spaces: ['appDataFolder'],
    ownedByMe: true,
  };
}

/** A file answer cut to `fields` (default kind,id,name,mimeType). */
export function selectFile(
  resource: Record<string, unknown>,
  fields: string | null,
): Record<string, unknown> {
  return select(resource, fields || DEFAULT_FILE_FIELDS, FILE_SCHEMA);
}

export function selectList(list: Record<string, unknown>, fields: string | null): Record<string, unknown> {
  return select(list, fields || DEFAULT_LIST_FIELDS, LIST_SCHEMA);
}

/** A parsed `fields` value: each key selects all of its value ('all') or a sub-selection. */
type Selection = Map<string, Selection | 'all'>;

function select(value: Record<string, unknown>, fields: string, schema: Schema): Record<string, unknown> {
  const selection = parseFields(fields);
  validate(selection, schema);
  return apply(selection, value) as Record<string, unknown>;
}

function parseFields(text: string): Selection {
  const parser = { text: text.replace(/\s+/g, ''), at: 0 };
  const selection = parseList(parser);
  if (parser.at !== parser.text.length) throw invalidFieldSelection(text);
  return selection;
}

function parseList(parser: { text: string; at: number }): Selection {
  const selection: Selection = new Map();
  for (;;) {
    const path = /^[A-Za-z0-9_*]+(?:\/[A-Za-z0-9_*]+)*/.exec(parser.text.slice(parser.at))?.[0];
    if (!path) throw invalidFieldSelection(parser.text);
    parser.at += path.length;
    let leaf: Selection | 'all' = 'all';
    if (parser.text[parser.at] === '(') {
      parser.at += 1;
      leaf = parseList(parser);
      if (parser.text[parser.at] !== ')') throw invalidFieldSelection(parser.text);
      parser.at += 1;
    }
    merge(selection, path.split('/'), leaf);
    if (parser.text[parser.at] !== ',') return selection;
    parser.at += 1;
  }
}

function merge(selection: Selection, keys: string[], leaf: Selection | 'all'): void {
  const [key, ...rest] = keys;
  if (key === undefined) return;
  const existing = selection.get(key);
  if (rest.length === 0) {
    if (existing === 'all' || leaf === 'all' || existing === undefined) selection.set(key, leaf);
    else for (const [k, v] of leaf) merge(existing, [k], v);
    return;
  }
  if (existing === 'all') return;
  const inner = existing ?? new Map();
  selection.set(key, inner);
  merge(inner, rest, leaf);
}

function validate(selection: Selection, schema: Schema): void {
  for (const [key, sub] of selection) {
    if (key === '*') {
      if (sub !== 'all') throw invalidFieldSelection(key);
      continue;
    }
    const kind = schema[key];
    if (kind === undefined) {
      if (schema === FILE_SCHEMA && UNMODELLED_FILE_FIELDS.has(key))
        throw notModelled(`The file field "${key}"`);
      throw invalidFieldSelection(key);
    }
    if (sub === 'all' || kind === 'map') continue;
    if (kind === 'leaf') throw invalidFieldSelection(key);
    validate(sub, kind);
  }
}

function apply(selection: Selection | 'all', value: unknown): unknown {
  if (selection === 'all' || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => apply(selection, item));
  const source = value as Record<string, unknown>;
  if (selection.has('*')) return source;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of selection) if (source[key] !== undefined) out[key] = apply(sub, source[key]);
  return out;
}

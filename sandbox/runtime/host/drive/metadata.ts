/** The file metadata a request may write (create or update), checked as Drive checks it. */
import { badRequest, fieldNotWritable, notModelled, notSupportedForAppData, parseError } from './errors';

/** Properties doc: at most 124 bytes per property (key + value, UTF-8), 30 private ones per app. */
export const APP_PROPERTY_MAX_BYTES = 124;
export const APP_PROPERTIES_MAX_COUNT = 30;

export interface MetadataChange {
  readonly name?: string;
  readonly mimeType?: string;
  /** A null value removes the property (update). */
  readonly appProperties?: Readonly<Record<string, string | null>>;
  readonly modifiedTime?: number;
  readonly parents?: readonly string[];
}

const READ_ONLY = new Set([
  'id',
  'size',
  'version',
  'md5Checksum',
  'sha1Checksum',
  'sha256Checksum',
  'quotaBytesUsed',
  'spaces',
  'ownedByMe',
  'explicitlyTrashed',
  'createdTime',
]);
const UNMODELLED = new Set(['description', 'properties', 'starred', 'contentHints', 'originalFilename']);

export function parseJsonObject(bytes: Buffer): Record<string, unknown> {
  if (bytes.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw parseError();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw parseError();
  return value as Record<string, unknown>;
}

export function readMetadata(body: Record<string, unknown>, mode: 'create' | 'update'): MetadataChange {
  const change: {
    name?: string;
    mimeType?: string;
    appProperties?: Record<string, string | null>;
    modifiedTime?: number;
    parents?: readonly string[];
  } = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'kind' && value === 'drive#file') continue;
    if (key === 'name') change.name = text(key, value);
    else if (key === 'mimeType') change.mimeType = mimeType(value);
    else if (key === 'appProperties') change.appProperties = appProperties(value);
    else if (key === 'modifiedTime') change.modifiedTime = time(value);
    else if (key === 'trashed') {
      if (value === true) throw notSupportedForAppData();
      if (value !== false) throw badRequest('Invalid value for trashed');
    } else if (key === 'parents') {
      if (mode === 'update')
        throw fieldNotWritable(
          'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
        );
      change.parents = parents(value);
    } else if (READ_ONLY.has(key))
      throw fieldNotWritable('The resource body includes fields which are not directly writable.');
    else if (UNMODELLED.has(key)) throw notModelled(`Writing the file field "${key}"`);
    else
      throw badRequest(
        `Invalid JSON payload received. Unknown name "${key}" at 'resource': Cannot find field.`,
      );
  }
  return change;
}

/** Merges a change into a file's properties, within Drive's limits. */
export function mergeAppProperties(
  current: Readonly<Record<string, string>>,
  change: Readonly<Record<string, string | null>> | undefined,
): Record<string, string> {
  const merged: Record<string, string> = { ...current };
  for (const [key, value] of Object.entries(change ?? {})) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  if (Object.keys(merged).length > APP_PROPERTIES_MAX_COUNT)
    throw badRequest(`A file may have at most ${APP_PROPERTIES_MAX_COUNT} appProperties per app`);
  return merged;
}

function text(key: string, value: unknown): string {
  if (typeof value !== 'string') throw badRequest(`Invalid value for ${key}: expected a string`);
  return value;
}

function mimeType(value: unknown): string {
  const type = text('mimeType', value);
  if (type.startsWith('application/vnd.google-apps.'))
    throw notModelled(`Google Workspace types and folders (${type})`);
  return type;
}

function appProperties(value: unknown): Record<string, string | null> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest('Invalid value for appProperties: expected an object of strings');
  const properties: Record<string, string | null> = {};
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (entry !== null && typeof entry !== 'string')
      throw badRequest(`Invalid value for appProperties.${key}: expected a string`);
    if (key === '') throw badRequest('An appProperties key must not be empty');
    if (Buffer.byteLength(key + (entry ?? ''), 'utf8') > APP_PROPERTY_MAX_BYTES)
      throw badRequest(
        `The appProperties entry "${key}" is over ${APP_PROPERTY_MAX_BYTES} bytes (key plus value, UTF-8)`,
      );
    properties[key] = entry;
  }
  return properties;
}

function time(value: unknown): number {
  const parsed = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(parsed))
    throw badRequest('Invalid value for modifiedTime: expected an RFC 3339 date-time');
  return parsed;
}

function parents(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw badRequest('Invalid value for parents: expected a list of folder ids');
  return value as string[];
}

/**
 * X-JOBBER-GRAPHQL-VERSION: required. The sandbox serves 2025-04-16; older versions from Jobber's
 * changelog are "auto-upgraded" to it with a warning (Jobber upgrades removed versions); anything
 * else is rejected.
 */
export const SERVED_VERSION = '2025-04-16';

export const KNOWN_VERSIONS = [
  '2022-03-10',
  '2022-05-23',
  '2022-09-15',
  '2022-12-07',
  '2023-03-29',
  '2023-05-05',
  '2023-08-18',
  '2023-11-15',
  '2024-04-17',
  '2024-06-10',
  '2024-08-30',
  '2024-09-12',
  '2024-09-23',
  '2024-11-07',
  '2024-11-12',
  '2024-12-05',
  '2025-01-20',
  SERVED_VERSION,
];

export interface Versioning {
  readonly version: string;
  readonly warning?: string;
}

export function checkVersion(header: string | string[] | undefined): Versioning | { error: string } {
  const requested = Array.isArray(header) ? header[0] : header;
  if (!requested) return { error: 'The X-JOBBER-GRAPHQL-VERSION header is required' };
  if (requested === SERVED_VERSION) return { version: SERVED_VERSION };
  if (!KNOWN_VERSIONS.includes(requested))
    return { error: `Unknown API version ${JSON.stringify(requested)}` };
  return {
    version: SERVED_VERSION,
    warning: `API version ${requested} is no longer supported and was upgraded to ${SERVED_VERSION}. Pin a supported version.`,
  };
}

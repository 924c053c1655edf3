/**
 * Which Jobber the playground and the query CLI talk to: the local sandbox (default, nothing to set
 * up) or the real API with the user's own Jobber app. Credentials come from the environment or a
 * git-ignored file and are never printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { DataSize } from '../jobber/data/accounts';
import { REPO_ROOT } from '../paths';
import { oneOf, UsageError, wholeNumber, type ParsedArgs } from './args';

export const REAL_JOBBER_URL = 'https://api.getjobber.com';
/** Git-ignored, at the repository root: `{ "clientId": "…", "clientSecret": "…", "baseUrl"?: "…" }`. */
export const LOCAL_CREDENTIALS_FILE = '.playground.local.json';

export interface SandboxTarget {
  readonly kind: 'sandbox';
  readonly size: DataSize;
  readonly seed: number;
  readonly clock: 'real' | 'virtual';
}

export interface JobberTarget {
  readonly kind: 'jobber';
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Where the credentials came from (for messages; never the values). */
  readonly source: string;
}

export type Target = SandboxTarget | JobberTarget;

/** Flags every entry point accepts to choose the target. */
export const TARGET_FLAGS = {
  values: ['size', 'seed', 'clock', 'jobber-url', 'credentials'],
  booleans: ['jobber'],
} as const;

export const TARGET_USAGE = `Jobber to talk to (default: the local sandbox, no account needed):
  --size tiny|small|large    sandbox data volume (default small)
  --seed N                   sandbox data seed (default 1)
  --clock real|virtual       sandbox clock (default real; virtual: throttle waits take no real time)
  --jobber                   the real Jobber API instead, with your own Jobber app:
                             client id and secret from JOBBER_CLIENT_ID and JOBBER_CLIENT_SECRET,
                             or from ${LOCAL_CREDENTIALS_FILE} (git-ignored)
  --jobber-url URL           another Jobber base URL (implies --jobber; default ${REAL_JOBBER_URL})
  --credentials FILE         read the client id and secret from FILE instead`;

export function parseTarget(args: ParsedArgs, env: NodeJS.ProcessEnv): Target {
  if (!args.booleans.has('jobber') && !args.values.has('jobber-url')) return sandboxTarget(args);
  for (const flag of ['size', 'seed', 'clock'])
    if (args.values.has(flag)) throw new UsageError(`--${flag} applies to the sandbox, not to --jobber`);
  const file = credentialsFile(args.values.get('credentials'));
  const fromFile = file ? readCredentialsFile(file) : undefined;
  const fromEnv =
    !args.values.has('credentials') && env.JOBBER_CLIENT_ID && env.JOBBER_CLIENT_SECRET
      ? { clientId: env.JOBBER_CLIENT_ID, clientSecret: env.JOBBER_CLIENT_SECRET }
      : undefined;
  const credentials = fromEnv ?? fromFile;
  if (!credentials)
    throw new UsageError(
      'Real Jobber mode needs your Jobber app’s client id and secret: set JOBBER_CLIENT_ID and ' +
        `JOBBER_CLIENT_SECRET, or write { "clientId": "…", "clientSecret": "…" } to ${LOCAL_CREDENTIALS_FILE} ` +
        'at the repository root (git-ignored). See docs/playground.md.',
    );
  const baseUrl =
    args.values.get('jobber-url') ?? (env.JOBBER_BASE_URL || fromFile?.baseUrl) ?? REAL_JOBBER_URL;
  return {
    kind: 'jobber',
    baseUrl: jobberBaseUrl(baseUrl),
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    source: fromEnv ? 'JOBBER_CLIENT_ID / JOBBER_CLIENT_SECRET' : (file ?? ''),
  };
}

function sandboxTarget(args: ParsedArgs): SandboxTarget {
  return {
    kind: 'sandbox',
    size: oneOf(args.values.get('size') ?? 'small', ['tiny', 'small', 'large'] as const, 'size'),
    seed: wholeNumber(args.values.get('seed') ?? '1', 'seed'),
    clock: oneOf(args.values.get('clock') ?? 'real', ['real', 'virtual'] as const, 'clock'),
  };
}

function credentialsFile(given: string | undefined): string | undefined {
  if (given !== undefined) {
    const path = isAbsolute(given) ? given : join(process.cwd(), given);
    if (!existsSync(path)) throw new UsageError(`--credentials: no file at ${path}`);
    return path;
  }
  const standard = join(REPO_ROOT, LOCAL_CREDENTIALS_FILE);
  return existsSync(standard) ? standard : undefined;
}

interface FileCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly baseUrl?: string;
}

function readCredentialsFile(path: string): FileCredentials {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new UsageError(`${path} is not JSON: expected { "clientId": "…", "clientSecret": "…" }`);
  }
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const { clientId, clientSecret, baseUrl } = record;
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || !clientId || !clientSecret)
    throw new UsageError(`${path} needs string fields "clientId" and "clientSecret"`);
  if (baseUrl !== undefined && typeof baseUrl !== 'string')
    throw new UsageError(`${path}: "baseUrl" must be a string`);
  return { clientId, clientSecret, ...(baseUrl ? { baseUrl } : {}) };
}

function jobberBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--jobber-url must be a URL like ${REAL_JOBBER_URL} (got "${text}")`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new UsageError(`--jobber-url must be http(s) (got "${text}")`);
  return url.href.replace(/\/+$/, '');
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The manifest's `webapp` block: who the web app runs as and who may open it. */
export interface WebAppConfig {
  readonly executeAs: 'USER_DEPLOYING' | 'USER_ACCESSING';
  readonly access: 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS';
}

/** The parts of appsscript.json the runtime obeys. */
export interface Manifest {
  readonly timeZone: string;
  /** URL prefixes UrlFetchApp may reach; null when the manifest has no urlFetchWhitelist (head deployments). */
  readonly urlFetchWhitelist: readonly string[] | null;
  /** Explicit oauthScopes; null when Apps Script detects the scopes from the code. */
  readonly oauthScopes: readonly string[] | null;
  /** The web app entry point (doGet/doPost); null or absent when the script is no web app. */
  readonly webapp?: WebAppConfig | null;
}

/** Reads the appsscript.json that sits next to the bundle, as clasp pushes them together. */
export function readManifestBeside(bundlePath: string): Manifest {
  const path = join(dirname(bundlePath), 'appsscript.json');
  if (!existsSync(path))
    throw new Error(
      `No appsscript.json next to ${bundlePath}: pass RuntimeOptions.manifest for a test bundle`,
    );
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as {
    timeZone?: unknown;
    urlFetchWhitelist?: unknown;
    oauthScopes?: unknown;
    webapp?: unknown;
  };
  return {
    timeZone: typeof parsed.timeZone === 'string' ? parsed.timeZone : 'America/New_York',
    urlFetchWhitelist: Array.isArray(parsed.urlFetchWhitelist) ? parsed.urlFetchWhitelist.map(String) : null,
    oauthScopes: Array.isArray(parsed.oauthScopes) ? parsed.oauthScopes.map(String) : null,
    webapp: parsed.webapp === undefined ? null : webAppConfig(parsed.webapp, path),
  };
}

const EXECUTE_AS = ['USER_DEPLOYING', 'USER_ACCESSING'] as const;
const ACCESS = ['MYSELF', 'DOMAIN', 'ANYONE', 'ANYONE_ANONYMOUS'] as const;

/** Apps Script refuses to deploy a web app whose block is incomplete: so does the runtime. */
function webAppConfig(value: unknown, path: string): WebAppConfig {
  const block = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const executeAs = EXECUTE_AS.find((option) => option === block.executeAs);
  const access = ACCESS.find((option) => option === block.access);
  if (!executeAs || !access)
    throw new Error(
      `${path}: "webapp" needs executeAs (${EXECUTE_AS.join(' | ')}) and access (${ACCESS.join(' | ')})`,
    );
  return { executeAs, access };
}

/**
 * Whether UrlFetchApp may fetch `url`: it starts with a whitelisted prefix (a leading `*.` in the
 * host matches any subdomain; the path match is case-sensitive), or its origin is one of the
 * extra origins the runtime was given (the local sandbox). Without a whitelist everything is allowed.
 */
export function isFetchAllowed(url: string, manifest: Manifest, allowedOrigins: readonly string[]): boolean {
  if (allowedOrigins.some((origin) => originOf(url) === originOf(origin))) return true;
  if (manifest.urlFetchWhitelist === null) return true;
  return manifest.urlFetchWhitelist.some((prefix) => prefixPattern(prefix).test(url));
}

function prefixPattern(prefix: string): RegExp {
  const escaped = prefix.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp('^' + escaped.replace(/^(https?:\/\/)\*\\\./, '$1(?:[^/.]+\\.)+'));
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/**
 * The two connectors under test, as the runtime loads them: ours is dist/Code.js; the naive
 * baseline is bench/naive/Code.ts as tsc emits it. "Unlimited" runs measure the fetch path without
 * the one-execution limit: Apps Script's limit is lifted in the runtime and, for ours, the
 * connector's runtime budget in a copy of dist/Code.js (the only change to the bundle).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SandboxHandle } from '../sandbox/jobber/harness';
import { builtFile, CONNECTOR_BUNDLE } from '../sandbox/paths';
import type { RuntimeOptions } from '../sandbox/runtime';
import type { ExecutionLimit } from './profiles';

export type ConnectorName = 'ours' | 'naive';

export interface ConnectorSetup {
  readonly connector: ConnectorName;
  /** The one-execution limit, or 'unlimited'. */
  readonly limit: ExecutionLimit | 'unlimited';
  /** Ours: the data source's "Keep data for" (0 = no cache). */
  readonly cacheMinutes?: number;
  /**
   * Ours: the data source's privateCopy. Default false: the scenarios measure the live path, so
   * their figures stay comparable with earlier runs and with the naive connector.
   */
  readonly privateCopy?: boolean;
  /** Points in Jobber's bucket when the scenario starts; default full. */
  readonly startingBucket?: number;
  /** Ours: the data source's object and date option; default invoices by issued date. */
  readonly source?: { readonly object: string; readonly dateField: string };
}

/** Long enough for the slowest unlimited read (virtual time; real time is far shorter). */
export const UNLIMITED_MS = 48 * 3_600_000;

/** What tsc emits for bench/naive/Code.ts, and the Apps Script file made from it. */
const NAIVE_COMPILED = builtFile('bench/naive/Code.js');
export const NAIVE_BUNDLE = builtFile('bench/naive-bundle/Code.js');
export const UNLIMITED_BUNDLE = builtFile('bench/ours-unlimited/Code.js');

const BUDGET_CONSTANT = /^const DEFAULT_RUNTIME_BUDGET_MS = \d+;$/m;

/** Writes the copy of dist/Code.js whose runtime budget is UNLIMITED_MS; fails if the bundle changed shape. */
export function writeUnlimitedBundle(): void {
  const source = readFileSync(CONNECTOR_BUNDLE, 'utf8');
  const matches = source.match(new RegExp(BUDGET_CONSTANT.source, 'gm')) ?? [];
  if (matches.length !== 1)
    throw new Error(
      `dist/Code.js should declare DEFAULT_RUNTIME_BUDGET_MS exactly once (found ${matches.length}); update bench/connectors.ts`,
    );
  mkdirSync(dirname(UNLIMITED_BUNDLE), { recursive: true });
  writeFileSync(
    UNLIMITED_BUNDLE,
    source.replace(BUDGET_CONSTANT, `const DEFAULT_RUNTIME_BUDGET_MS = ${UNLIMITED_MS};`),
  );
}

const ES_MODULE_MARKER = 'Object.defineProperty(exports, "__esModule", { value: true });\n';

/**
 * tsc treats every file as a module and marks it with one `exports` line; without it the naive
 * connector is a plain Apps Script file of top-level functions, as clasp would push it.
 */
export function writeNaiveBundle(): void {
  const compiled = readFileSync(NAIVE_COMPILED, 'utf8');
  const script = compiled.replace(ES_MODULE_MARKER, '');
  if (script === compiled || /\bexports\b|\brequire\(/.test(script))
    throw new Error(`${NAIVE_COMPILED} is not a plain script once its module marker is removed`);
  mkdirSync(dirname(NAIVE_BUNDLE), { recursive: true });
  writeFileSync(NAIVE_BUNDLE, script);
}

/**
 * The runtime on the sandbox's virtual clock: time moves only while every execution of a scenario
 * waits for it (docs/runtime.md "Clock"), so ten charts started together behave as ten Apps Script
 * executions would.
 */
export function runtimeOptions(setup: ConnectorSetup, sandbox: SandboxHandle): RuntimeOptions {
  const unlimited = setup.limit === 'unlimited';
  const properties: Record<string, string> = {
    JOBBER_CLIENT_ID: sandbox.app.clientId,
    JOBBER_CLIENT_SECRET: sandbox.app.clientSecret,
    JOBBER_BASE_URL: sandbox.baseUrl,
  };
  if (setup.limit !== 'unlimited' && setup.limit.connectorBudgetSeconds !== undefined)
    properties.JOBBER_RUNTIME_BUDGET_SECONDS = String(setup.limit.connectorBudgetSeconds);
  return {
    bundlePath: bundleOf(setup.connector, unlimited),
    manifest: connectorManifest(),
    scriptProperties: properties,
    timeLimitMs: setup.limit === 'unlimited' ? UNLIMITED_MS : setup.limit.appsScriptMs,
    clock: { kind: 'virtual', sandboxUrl: sandbox.baseUrl },
    allowedOrigins: [sandbox.baseUrl],
  };
}

function bundleOf(connector: ConnectorName, unlimited: boolean): string {
  if (connector === 'naive') return NAIVE_BUNDLE;
  return unlimited ? UNLIMITED_BUNDLE : CONNECTOR_BUNDLE;
}

/** Both connectors run under ours' manifest (time zone, URL whitelist). */
function connectorManifest(): NonNullable<RuntimeOptions['manifest']> {
  const manifest = JSON.parse(readFileSync(join(dirname(CONNECTOR_BUNDLE), 'appsscript.json'), 'utf8')) as {
    timeZone?: string;
    urlFetchWhitelist?: string[];
    oauthScopes?: string[];
  };
  return {
    timeZone: manifest.timeZone,
    urlFetchWhitelist: manifest.urlFetchWhitelist ?? null,
    oauthScopes: manifest.oauthScopes ?? null,
  };
}

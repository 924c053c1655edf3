import { readFileSync, statSync } from 'node:fs';
import { Script, createContext, runInContext } from 'node:vm';
import type { NativeBridge } from '../apps-script/bridge';
import type { InstalledServices } from '../apps-script/install';
import { NO_OUTPUT_TEXT } from '../host/web-app';
import type { ExecuteCommand, WorkerOutcome } from '../protocol';
import { loadIntoContext } from './module-loader';
import type { SyncRpc } from './rpc';

interface Bundle {
  readonly script: Script;
  readonly source: string;
  readonly mtimeMs: number;
}

const bundles = new Map<string, Bundle>();

/**
 * One execution: a fresh context (Apps Script evaluates the project anew for every call), the
 * services installed, the bundle evaluated, the named function called with the JSON arguments.
 */
export function execute(command: ExecuteCommand, native: NativeBridge, rpc: SyncRpc): WorkerOutcome {
  const started = performance.now();
  const waitedBefore = rpc.waitedMs;
  const busyMs = (): number => Math.max(0, performance.now() - started - (rpc.waitedMs - waitedBefore));
  const context = createContext(
    {},
    { name: `execution ${command.executionId}`, codeGeneration: { strings: true, wasm: false } },
  );
  const services = (loadIntoContext(context, 'install.js').install as InstallFunction)(
    native,
    command.settings,
  );
  try {
    const bundle = loadBundle(command.bundlePath);
    bundle.script.runInContext(context, { filename: command.bundlePath });
    const entry: unknown = (context as Record<string, unknown>)[command.functionName];
    if (typeof entry !== 'function' || !declaresFunction(bundle.source, command.functionName)) {
      return {
        ok: false,
        error: { kind: 'exception', text: `Script function not found: ${command.functionName}` },
        busyMs: busyMs(),
      };
    }
    const args = (runInContext('JSON', context) as JSON).parse(command.argsJson) as unknown[];
    const value: unknown = entry(...args);
    if (!command.webApp) return { ok: true, valueJson: services.serializeResult(value), busyMs: busyMs() };
    const page = services.serializeWebAppResult(value);
    if (page === undefined)
      return { ok: false, error: { kind: 'exception', text: NO_OUTPUT_TEXT }, busyMs: busyMs() };
    return { ok: true, valueJson: page, busyMs: busyMs() };
  } catch (error) {
    return { ok: false, error: services.classifyError(error), busyMs: busyMs() };
  }
}

type InstallFunction = (native: NativeBridge, settings: ExecuteCommand['settings']) => InstalledServices;

/** Apps Script calls only top-level function declarations by name, not functions held in variables. */
function declaresFunction(source: string, name: string): boolean {
  const escaped = name.replace(/\$/g, '\\$');
  return new RegExp(`^(?:async\\s+)?function\\s*\\*?\\s*${escaped}\\s*\\(`, 'm').test(source);
}

function loadBundle(path: string): Bundle {
  const { mtimeMs } = statSync(path);
  const cached = bundles.get(path);
  if (cached && cached.mtimeMs === mtimeMs) return cached;
  const source = readFileSync(path, 'utf8');
  const bundle = { script: new Script(source, { filename: path }), source, mtimeMs };
  bundles.set(path, bundle);
  return bundle;
}

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Script, runInContext, type Context } from 'node:vm';

/** The compiled in-context services (build/sandbox/runtime/apps-script). */
export const APPS_SCRIPT_DIR = join(__dirname, '..', 'apps-script');

const compiled = new Map<string, Script>();

interface ContextModule {
  exports: Record<string, unknown>;
}

/**
 * Loads a CommonJS file compiled from sandbox/runtime/apps-script into a vm context, with a
 * `require` that resolves only that folder's own files, so the services and every object they
 * create live in the script's realm. Compiled code is cached; evaluation is fresh per context.
 */
export function loadIntoContext(context: Context, entryFile: string): Record<string, unknown> {
  const modules = new Map<string, ContextModule>();
  const load = (file: string): Record<string, unknown> => {
    const known = modules.get(file);
    if (known) return known.exports;
    const module = runInContext('({ exports: {} })', context) as ContextModule;
    modules.set(file, module);
    const wrapper = scriptFor(file).runInContext(context) as (
      exports: unknown,
      require: (specifier: string) => unknown,
      module: ContextModule,
    ) => void;
    wrapper(module.exports, (specifier) => load(resolveSpecifier(file, specifier)), module);
    return module.exports;
  };
  return load(resolve(APPS_SCRIPT_DIR, entryFile));
}

function resolveSpecifier(fromFile: string, specifier: string): string {
  if (!specifier.startsWith('.'))
    throw new Error(`In-context services may import only their own files, not "${specifier}" (${fromFile})`);
  const target = resolve(dirname(fromFile), specifier);
  if (!target.startsWith(APPS_SCRIPT_DIR))
    throw new Error(`"${specifier}" leaves the apps-script folder (${fromFile})`);
  return target.endsWith('.js') ? target : `${target}.js`;
}

function scriptFor(file: string): Script {
  let script = compiled.get(file);
  if (!script) {
    const source = readFileSync(file, 'utf8');
    script = new Script(`(function (exports, require, module) {${source}\n})`, { filename: file });
    compiled.set(file, script);
  }
  return script;
}

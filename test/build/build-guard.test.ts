import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../support/paths';

interface GuardPlugin {
  readonly name: string;
  readonly entryPoints: readonly string[];
  renderChunk(this: { error(message: string): never }, code: string): { code: string };
}

/** The build guard exactly as `npm run build` uses it: the plugin in rollup.config.js. */
const config = createRequire(__filename)(join(ROOT, 'rollup.config.js')) as { plugins: GuardPlugin[] };
const guard = config.plugins.find((plugin) => plugin.name === 'apps-script-globals');

/** The entry points the guard requires, from the same plugin (one list for the build and the tests). */
const ENTRIES = guard?.entryPoints ?? [];

/**
 * A made-up bundle: every entry point a top-level function except getData, written as given and
 * exported as `exported` (not at all when null).
 */
function bundle(getData: string, exported: string | null = 'getData'): string {
  const others = ENTRIES.filter((name) => name !== 'getData');
  const functions = others.map((name) => `function ${name}() {}`).join('\n');
  const names = exported === null ? others : [...others, exported];
  return `${functions}\n${getData}\nexport { ${names.join(', ')} };\n`;
}

/** Runs the guard's renderChunk; returns its output or its error. */
function renderChunk(code: string): { code?: string; error?: string } {
  if (!guard) throw new Error('rollup.config.js has no apps-script-globals plugin');
  try {
    const context = {
      error(message: string): never {
        throw new Error(message);
      },
    };
    return { code: guard.renderChunk.call(context, code).code };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('the build guard in rollup.config.js', () => {
  it('requires every entry point Looker Studio and the web app call', () => {
    expect([...ENTRIES].sort()).toEqual([
      'authCallback',
      'doGet',
      'doPost',
      'get3PAuthorizationUrls',
      'getAuthType',
      'getConfig',
      'getData',
      'getSchema',
      'isAdminUser',
      'isAuthValid',
      'resetAuth',
    ]);
  });

  it('strips the export line when every entry point is a top-level function', () => {
    const result = renderChunk(bundle('function getData() {}'));
    expect(result.error).toBeUndefined();
    expect(result.code).toBe(bundle('function getData() {}').replace(/export \{[^}]*\};\n$/, ''));
  });

  it('fails with a clear message when an entry point is missing', () => {
    const result = renderChunk(bundle('', null));
    expect(result.error).toContain('entry point getData is not exported from src/main.ts');
  });

  it('fails when an entry point is an arrow function', () => {
    const result = renderChunk(bundle('const getData = () => 1;'));
    expect(result.error).toContain('entry point getData is not a top-level function declaration');
  });

  it('fails when an entry point is exported under another name', () => {
    const result = renderChunk(bundle('function getData$1() {}', 'getData$1 as getData'));
    expect(result.error).toContain('exported under another name');
  });

  it('fails when module syntax is left over', () => {
    const result = renderChunk(`import x from 'y';\n${bundle('function getData() {}')}`);
    expect(result.error).toContain('module syntax left in the bundle');
  });
});

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { DIST_CODE, ROOT } from '../support/paths';

/** The entry points the build guard requires (rollup.config.js). */
const ENTRY_POINTS =
  (
    createRequire(__filename)(join(ROOT, 'rollup.config.js')) as {
      plugins: Array<{ name: string; entryPoints?: readonly string[] }>;
    }
  ).plugins.find((plugin) => plugin.name === 'apps-script-globals')?.entryPoints ?? [];

const code = readFileSync(DIST_CODE, 'utf8');

/** The smallest Apps Script scope in which getAuthType can answer. */
function stubGlobals(): Record<string, unknown> {
  const noop = () => undefined;
  const store = { getProperty: () => null, setProperty: noop, deleteProperty: noop };
  const authTypeResponse = { setAuthType: (type: string) => ({ build: () => ({ type }) }) };
  return {
    console: { log: noop, warn: noop, error: noop },
    LockService: { getUserLock: () => ({}) },
    CacheService: { getUserCache: () => ({}) },
    PropertiesService: { getUserProperties: () => store, getScriptProperties: () => store },
    DataStudioApp: {
      createCommunityConnector: () => ({
        AuthType: { OAUTH2: 'OAUTH2' },
        newAuthTypeResponse: () => authTypeResponse,
      }),
    },
    Session: { getEffectiveUser: () => ({ getEmail: () => 'someone@example.com' }) },
  };
}

describe('dist/Code.js, the file clasp pushes', () => {
  it('contains no module syntax', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
  });

  it.each(ENTRY_POINTS)('declares %s as a top-level function', (name) => {
    expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  it('loads in a scope with no Apps Script services at all, so nothing touches them at load time', () => {
    const context = createContext({});
    expect(() => runInContext(code, context, { filename: 'Code.js' })).not.toThrow();
    for (const name of ENTRY_POINTS) expect(typeof context[name]).toBe('function');
  });

  it('answers getAuthType by name with OAUTH2', () => {
    const context = createContext(stubGlobals());
    runInContext(code, context, { filename: 'Code.js' });
    expect(runInContext('getAuthType()', context)).toEqual({ type: 'OAUTH2' });
  });

  it('is readable, not minified', () => {
    const longLines = code.split('\n').filter((line) => line.length > 300);
    expect(longLines).toEqual([]);
  });
});

describe('the clasp push set', () => {
  it('is exactly dist/Code.js and dist/appsscript.json', () => {
    const clasp = join(ROOT, 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js');
    const output = execFileSync(process.execPath, [clasp, 'status', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const status = JSON.parse(output) as { filesToPush: string[] };
    expect([...status.filesToPush].sort()).toEqual(['dist/Code.js', 'dist/appsscript.json']);
  });
});

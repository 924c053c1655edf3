/**
 * `npm run test:unit` is the fast layer: it needs no build, no sandbox and no runtime, so every
 * suite it runs (and every helper they import) stays away from dist/, build/ and the stand-ins'
 * processes. `npm test` runs everything; the README lists all three.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { ROOT, readPackageJson } from '../support/paths';

const UNIT_FOLDERS = ['auth', 'cache', 'catalog', 'connector', 'jobber'];
const UNIT_FILES = ['errors.test.ts', 'build/architecture.test.ts', 'build/test-layers.test.ts'];
/** What a unit suite must not reach: the bundle, the compiled stand-ins, the sandbox and runtime. */
const SLOW =
  /\b(DIST_CODE|DIST_MANIFEST|BUILD|CONNECTOR_BUNDLE)\b|sandbox\/(jobber\/harness|runtime|studio|playground)|support\/e2e/;

/** The paths module only names them; this file only looks for them. */
const EXEMPT = ['test/support/paths.ts', 'test/build/test-layers.test.ts'];

function testFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The file and every local module it imports, transitively. */
function withImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
    const path = join(dirname(file), specifier);
    const module = [`${path}.ts`, join(path, 'index.ts')].find(existsSync);
    if (module && !module.startsWith(join(ROOT, 'src'))) withImports(module, seen);
  }
  return seen;
}

describe('the test layers', () => {
  const unitSuites = [
    ...UNIT_FOLDERS.flatMap((folder) => testFiles(join(ROOT, 'test', folder))),
    ...UNIT_FILES.map((file) => join(ROOT, 'test', file)),
  ];

  it.each(unitSuites.map((file) => [relative(ROOT, file), file]))(
    '%s (unit) reaches no build, sandbox or runtime',
    (_name, file) => {
      const slow = [...withImports(file)]
        .filter((module) => !EXEMPT.includes(relative(ROOT, module)))
        .filter((module) => SLOW.test(readFileSync(module, 'utf8')));
      expect(slow.map((module) => relative(ROOT, module))).toEqual([]);
    },
  );

  it('runs the unit layer without the fresh-build check, and lists the layers in the README', () => {
    const config = createRequire(__filename)(join(ROOT, 'jest.unit.config.js')) as {
      globalSetup?: string;
      testMatch: string[];
    };
    expect(config.globalSetup).toBeUndefined();
    expect(config.testMatch.join()).toContain('{auth,cache,catalog,connector,jobber,replica,setup}');
    const { scripts } = readPackageJson();
    expect(scripts['test:unit']).toBe('jest -c jest.unit.config.js');
    expect(scripts['test:e2e']).toMatch(/^npm run build && jest test\/e2e$/);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const command of ['npm test', 'npm run test:unit', 'npm run test:e2e'])
      expect(readme).toContain(command);
  });

  it('gates npm run setup (which builds, pushes and deploys; deploy is its alias) on lint and the unit tests', () => {
    const { scripts } = readPackageJson();
    expect(scripts['check']).toBe('npm run lint && npm run test:unit');
    expect(scripts['setup']).toMatch(/^npm run --silent check && /);
    expect(scripts['deploy']).toBe('npm run --silent setup --');
    expect(scripts['push']).toBeUndefined();
  });
});

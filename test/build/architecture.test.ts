import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { ROOT } from '../support/paths';

/**
 * The folder table of docs/design.md, enforced: which folder of src/ may use which. Type-only
 * imports are listed separately because they vanish from the bundle (the catalog names the JSON
 * types the Jobber client returns without depending on the client).
 */
/** The two modules every part may use: the typed failures and user texts, and JSON. */
const SHARED = ['errors.ts', 'json.ts'];

const MAY_USE: Readonly<
  Record<string, { readonly values: readonly string[]; readonly types?: readonly string[] }>
> = {
  'main.ts': { values: ['connector'] },
  connector: { values: ['auth', 'cache', 'catalog', 'jobber', 'platform', 'replica', 'setup', ...SHARED] },
  replica: { values: ['cache', 'catalog', 'platform', ...SHARED] },
  setup: { values: ['auth', 'jobber', 'platform', ...SHARED] },
  auth: { values: ['platform', ...SHARED] },
  catalog: { values: [...SHARED], types: ['jobber'] },
  jobber: { values: ['platform', ...SHARED] },
  cache: { values: ['platform', ...SHARED], types: ['catalog'] },
  platform: { values: [...SHARED] },
  'errors.ts': { values: [] },
  'json.ts': { values: [] },
};

const APPS_SCRIPT_GLOBALS = [
  'UrlFetchApp',
  'PropertiesService',
  'CacheService',
  'LockService',
  'Utilities',
  'DataStudioApp',
  'ScriptApp',
  'Session',
  'HtmlService',
  'OAuth2',
];

const SRC = join(ROOT, 'src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level part of src/ a file belongs to: a folder name, or the file itself. */
function partOf(file: string): string {
  const [first = ''] = relative(SRC, file).split(sep);
  return first;
}

/** The part an import of `file` reaches (a module file `x` is `x.ts`). */
function partOfImport(file: string, specifier: string): string {
  const path = join(dirname(file), specifier);
  return partOf(existsSync(`${path}.ts`) ? `${path}.ts` : path);
}

interface Import {
  readonly specifier: string;
  readonly typeOnly: boolean;
}

function importsOf(source: string): Import[] {
  const pattern = /^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms;
  return [...source.matchAll(pattern)].map((match) => ({
    specifier: match[2] ?? '',
    typeOnly: match[1] !== undefined,
  }));
}

/** Without comments and string literals, so a word in a doc comment or a message is not a use. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''");
}

const files = sourceFiles(SRC);

describe('the shape of src/ (docs/design.md)', () => {
  it('has only the parts the design names', () => {
    const parts = new Set(files.map(partOf));
    expect([...parts].sort()).toEqual(Object.keys(MAY_USE).sort());
  });

  it.each(files.map((file) => [relative(ROOT, file), file]))(
    '%s uses only what its folder may use',
    (_name, file) => {
      const own = partOf(file);
      const rule = MAY_USE[own] ?? { values: [] };
      for (const { specifier, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
        expect(specifier).toMatch(/^\./); // no packages, no node:* in the Apps Script bundle
        const target = partOfImport(file, specifier);
        if (target === own) continue;
        const allowed = typeOnly ? [...rule.values, ...(rule.types ?? [])] : rule.values;
        expect({ from: own, uses: target, typeOnly, allowed: allowed.includes(target) }).toEqual({
          from: own,
          uses: target,
          typeOnly,
          allowed: true,
        });
      }
    },
  );

  it.each(files.map((file) => [relative(ROOT, file), file]))(
    '%s reaches another folder only through its index',
    (_name, file) => {
      const own = partOf(file);
      for (const { specifier } of importsOf(readFileSync(file, 'utf8'))) {
        const path = join(dirname(file), specifier);
        const target = partOfImport(file, specifier);
        if (target === own || target.endsWith('.ts')) continue;
        expect({ from: relative(ROOT, file), imports: relative(SRC, path) }).toEqual({
          from: relative(ROOT, file),
          imports: target,
        });
      }
    },
  );

  it('gives every folder that others import from a public index.ts', () => {
    const imported = new Set(
      files.flatMap((file) =>
        importsOf(readFileSync(file, 'utf8'))
          .map(({ specifier }) => partOfImport(file, specifier))
          .filter((target) => target !== partOf(file) && !target.endsWith('.ts')),
      ),
    );
    for (const folder of imported) expect(existsSync(join(SRC, folder, 'index.ts'))).toBe(true);
  });

  it('touches Apps Script globals only in src/platform/apps-script.ts', () => {
    const touching = files.filter((file) => {
      if (file === join(SRC, 'platform', 'apps-script.ts')) return false;
      const code = codeOnly(readFileSync(file, 'utf8'));
      return APPS_SCRIPT_GLOBALS.some((name) => new RegExp(`(?<![.\\w])${name}\\s*\\.`).test(code));
    });
    expect(touching.map((file) => relative(ROOT, file))).toEqual([]);
  });
});

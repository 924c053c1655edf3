import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rollup, type Plugin } from 'rollup';
import ts from 'typescript';
import { ROOT } from '../../support/paths';

const ENTRY = join(__dirname, 'cache-probe.ts');

/**
 * Bundles cache-probe.ts with the real src/cache and src/platform into one Apps Script file whose
 * `openChart` is a top-level function, and returns its path. Types are checked by `npm run
 * typecheck`; here each file is only transpiled, to ES2019 as dist/Code.js is.
 */
export async function buildCacheProbe(): Promise<string> {
  const bundle = await rollup({
    input: ENTRY,
    treeshake: { moduleSideEffects: false },
    plugins: [transpileTypeScript()],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const [chunk] = output;
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  const path = join(mkdtempSync(join(ROOT, 'test-artifacts', 'cache-probe-')), 'Code.js');
  writeFileSync(path, chunk.code.replace(/^export\s*\{[^}]*\};?\s*$/m, ''));
  return path;
}

function transpileTypeScript(): Plugin {
  const compilerOptions = { target: ts.ScriptTarget.ES2019, module: ts.ModuleKind.ESNext };
  return {
    name: 'transpile-typescript',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      const base = join(importer, '..', source);
      return existsSync(`${base}.ts`) ? `${base}.ts` : join(base, 'index.ts');
    },
    transform(code, id) {
      return id.endsWith('.ts') ? ts.transpileModule(code, { compilerOptions }).outputText : null;
    },
  };
}

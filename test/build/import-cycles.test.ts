import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from '../support/paths';

/**
 * No file reaches itself through its imports, type-only ones included: a circle of modules hides
 * which one is the foundation and breaks as soon as one side gains a value import.
 */
const CHECKED = ['src', 'bench', 'scripts', 'sandbox/jobber', 'sandbox/studio', 'sandbox/playground'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [resolve(path)] : [];
  });
}

/** The local files a module imports or re-exports from, type-only ones included. */
function importsOf(file: string): string[] {
  const pattern = /^(?:import|export)\s+(?:type\s+)?[^;]*?from\s+'(\.[^']*)'/gms;
  return [...readFileSync(file, 'utf8').matchAll(pattern)].flatMap((match) => {
    const target = resolve(dirname(file), match[1] ?? '');
    const candidates = [`${target}.ts`, join(target, 'index.ts')];
    return candidates.filter((candidate) => existsSync(candidate)).slice(0, 1);
  });
}

/** One circle through `start`, as a list of files, or undefined. */
function circleThrough(start: string, graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const seen = new Set<string>();
  const walk = (file: string, path: readonly string[]): string[] | undefined => {
    for (const next of graph.get(file) ?? []) {
      if (next === start) return [...path, next];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, [start]);
}

describe('import circles', () => {
  it.each(CHECKED)('%s has none', (folder) => {
    const files = sourceFiles(join(ROOT, folder));
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    const circles = files
      .map((file) => circleThrough(file, graph))
      .filter((circle): circle is string[] => circle !== undefined)
      .map((circle) => circle.map((file) => relative(ROOT, file)).join(' → '));
    expect(circles).toEqual([]);
  });

  it('finds a circle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(circleThrough('a.ts', graph)).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
    expect(circleThrough('a.ts', new Map([['a.ts', ['b.ts']]]))).toBeUndefined();
  });
});

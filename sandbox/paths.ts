import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found from this file whether it runs from sandbox/ (ts-jest) or build/sandbox/. */
export const REPO_ROOT = findRepoRoot(__dirname);

/** Where the compiled stand-ins live: child processes and worker threads run these files. */
export const BUILD_DIR = join(REPO_ROOT, 'build');

/** The bundle clasp pushes: the only connector code the runtime ever loads. */
export const CONNECTOR_BUNDLE = join(REPO_ROOT, 'dist', 'Code.js');

function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'appsscript.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No repository root above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The compiled path of a file under sandbox/ or bench/, e.g. builtFile('sandbox/jobber/main.js'). */
export function builtFile(relativePath: string): string {
  return join(BUILD_DIR, relativePath);
}

#!/usr/bin/env node
// Builds only what is older than its sources, quietly: `npm run query` starts with this instead of
// the full `npm run build` (which stays the one that always rebuilds everything).
//
//   node scripts/fresh-build.mjs           rebuild what is stale (one line on stderr per part rebuilt)
//   node scripts/fresh-build.mjs --check   list what is stale, build nothing; exit 1 when anything is
//   --root DIR                             the project to look at (default: this repository)
//
// A part is stale when its output is missing or older than the newest of its inputs (TypeScript
// sources and the configuration that shapes the output). Each part is built by its own npm script,
// so renaming a config file there needs no change here; rollup runs with --silent, so no banner.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONFIG_FILES =
  /^(package\.json|appsscript\.json|tsconfig(\.[a-z]+)?\.json|rollup\.config\.[cm]?[jt]s)$/;

export const PARTS = [
  {
    name: 'dist/Code.js',
    output: 'dist/Code.js',
    sources: ['src'],
    script: ['build:connector', '--', '--silent'],
  },
  {
    name: 'build/ (sandbox, playground, bench)',
    output: 'build/sandbox/playground/query.js',
    sources: ['src', 'sandbox', 'bench', 'scripts'],
    script: ['build:tools'],
  },
];

/** The newest modification time (ms) of the .ts files under `dir`, 0 when there are none. */
function newestSource(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function newestConfig(root) {
  return readdirSync(root)
    .filter((name) => CONFIG_FILES.test(name))
    .reduce((newest, name) => Math.max(newest, statSync(join(root, name)).mtimeMs), 0);
}

/** The parts whose output is missing or older than their inputs. */
export function staleParts(root) {
  const config = newestConfig(root);
  return PARTS.filter((part) => {
    const output = join(root, part.output);
    if (!existsSync(output)) return true;
    const inputs = Math.max(config, ...part.sources.map((dir) => newestSource(join(root, dir))));
    return statSync(output).mtimeMs < inputs;
  });
}

function build(root, part) {
  process.stderr.write(`Sources changed since the last build: rebuilding ${part.name}…\n`);
  const npm = process.env.npm_execpath;
  const [command, prefix] = npm ? [process.execPath, [npm]] : ['npm', []];
  const result = spawnSync(command, [...prefix, 'run', '--silent', ...part.script], {
    cwd: root,
    stdio: ['ignore', 2, 'inherit'], // compiler messages to stderr: stdout is the query's data
  });
  if (result.status !== 0) {
    process.stderr.write(`The build of ${part.name} failed (npm run ${part.script[0]}).\n`);
    process.exit(result.status ?? 1);
  }
}

function main(argv) {
  const rootAt = argv.indexOf('--root');
  const root = rootAt >= 0 ? argv[rootAt + 1] : join(dirname(fileURLToPath(import.meta.url)), '..');
  const stale = staleParts(root);
  if (argv.includes('--check')) {
    for (const part of stale) process.stdout.write(`stale: ${part.name}\n`);
    process.exit(stale.length > 0 ? 1 : 0);
  }
  for (const part of stale) build(root, part);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));

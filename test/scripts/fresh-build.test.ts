import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../../sandbox/paths';

/**
 * scripts/fresh-build.mjs, which `npm run query` runs instead of the full build: on a project of
 * its own whose npm scripts stand in for rollup and tsc (they only record that they ran).
 */
const SCRIPT = join(REPO_ROOT, 'scripts', 'fresh-build.mjs');

/** Records each build it stands in for ("connector --silent") and writes that part's output. */
const STAND_IN = `const fs = require('fs');
const path = require('path');
const [part, output, ...args] = process.argv.slice(2);
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, 'built');
fs.appendFileSync('ran.log', [part, ...args].join(' ') + '\\n');
`;

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'fresh-build-'));
  write(root, 'stand-in.js', STAND_IN);
  write(root, 'package.json', {
    private: true,
    scripts: {
      'build:connector': 'node stand-in.js connector dist/Code.js',
      'build:tools': 'node stand-in.js tools build/sandbox/playground/query.js',
    },
  });
  for (const file of ['src/main.ts', 'sandbox/playground/query.ts', 'bench/main.ts', 'tsconfig.json'])
    write(root, file, '// source');
  return root;
}

function write(root: string, file: string, content: string | object): void {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
}

/** Sets a file's modification time `seconds` from now. */
function age(root: string, file: string, seconds: number): void {
  const when = new Date(Date.now() + seconds * 1000);
  utimesSync(join(root, file), when, when);
}

function run(root: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { npm_execpath: _npm, ...env } = process.env;
  return spawnSync(process.execPath, [SCRIPT, '--root', root, ...args], { encoding: 'utf8', env });
}

const ran = (root: string): string => {
  try {
    return readFileSync(join(root, 'ran.log'), 'utf8');
  } catch {
    return '';
  }
};

describe('npm run query’s build step (scripts/fresh-build.mjs)', () => {
  let root: string;
  beforeEach(() => (root = project()));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds both parts on a fresh clone, rollup silenced, then nothing while nothing changed', () => {
    expect(run(root, '--check')).toMatchObject({
      status: 1,
      stdout: 'stale: dist/Code.js\nstale: build/ (sandbox, playground, bench)\n',
    });
    const first = run(root);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toBe(
      'Sources changed since the last build: rebuilding dist/Code.js…\n' +
        'Sources changed since the last build: rebuilding build/ (sandbox, playground, bench)…\n',
    );
    expect(ran(root)).toBe('connector --silent\ntools\n');
    expect(run(root)).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(ran(root)).toBe('connector --silent\ntools\n');
  });

  it('rebuilds only what a change reaches: sandbox/ the tools, src/ both, a config file both', () => {
    run(root);
    for (const output of ['dist/Code.js', 'build/sandbox/playground/query.js']) age(root, output, -60);
    for (const source of [
      'src/main.ts',
      'sandbox/playground/query.ts',
      'bench/main.ts',
      'tsconfig.json',
      'package.json',
    ])
      age(root, source, -120);
    expect(run(root, '--check')).toMatchObject({ status: 0, stdout: '' });
    age(root, 'sandbox/playground/query.ts', 0);
    expect(run(root, '--check').stdout).toBe('stale: build/ (sandbox, playground, bench)\n');
    age(root, 'sandbox/playground/query.ts', -120);
    age(root, 'src/main.ts', 0);
    expect(run(root, '--check').stdout).toBe(
      'stale: dist/Code.js\nstale: build/ (sandbox, playground, bench)\n',
    );
    age(root, 'src/main.ts', -120);
    age(root, 'tsconfig.json', 0);
    expect(run(root, '--check').stdout).toBe(
      'stale: dist/Code.js\nstale: build/ (sandbox, playground, bench)\n',
    );
  });

  it('stops with the failing build’s exit code and says which part failed', () => {
    write(root, 'fail.js', 'process.exit(3);');
    write(root, 'package.json', { private: true, scripts: { 'build:connector': 'node fail.js' } });
    const failed = run(root);
    expect(failed.status).toBe(3);
    expect(failed.stderr).toContain('The build of dist/Code.js failed (npm run build:connector).');
  });
});

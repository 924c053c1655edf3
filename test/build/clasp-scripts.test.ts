import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/paths';

let home: string;

function run(args: string[], projectFile: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'clasp.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HOME: home, CLASP_LOCAL_PROJECT: projectFile },
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'clasp-home-'));
});

afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('npm run setup / push / deploy', () => {
  it('setup stores the script id outside the repository files', () => {
    const projectFile = join(home, '.clasp.local.json');
    const result = run(['setup', 'A'.repeat(30)], projectFile);
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(projectFile, 'utf8'))).toEqual({
      scriptId: 'A'.repeat(30),
      rootDir: 'dist',
    });
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8')).toContain('.clasp.local.json');
  });

  it('setup refuses something that is not a script id', () => {
    const result = run(['setup', 'nope'], join(home, '.clasp.local.json'));
    expect(result.status).toBe(1);
    expect(result.output).toContain('Usage: npm run setup -- <scriptId>');
  });

  it.each(['push', 'deploy'])('%s without a project says how to set one up', (command) => {
    const result = run([command], join(home, 'missing.json'));
    expect(result.status).toBe(1);
    expect(result.output).toContain('npm run setup -- <scriptId>');
  });

  it.each(['push', 'deploy'])(
    "%s without a Google login stops with clasp's own message, no stack trace",
    (command) => {
      const projectFile = join(home, '.clasp.local.json');
      writeFileSync(projectFile, JSON.stringify({ scriptId: 'A'.repeat(30), rootDir: 'dist' }));
      const result = run([command], projectFile);
      expect(result.status).toBe(1);
      expect(result.output).toContain('No credentials found.');
      expect(result.output).not.toMatch(/^\s+at\s/m);
    },
  );
});

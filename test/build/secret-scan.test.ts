import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, readPackageJson } from '../support/paths';

// Every planted value is assembled at run time, so this file itself never trips the scan.
const FAKE = {
  hexSecret: 'c0ffee'.repeat(10) + 'beef',
  uuidClientId: ['1234abcd', '12ab', '34cd', '56ef', '1234567890ab'].join('-'),
  jwt: ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiJmYWtlLXVzZXIifQ', 'ZmFrZS1zaWduYXR1cmU'].join('.'),
  refreshToken: `{"refresh_token": "${'r'.repeat(8)}${'Fake0'.repeat(6)}"}`,
};

let workdir: string;

function scan(files: Record<string, string>): { status: number | null; output: string } {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(workdir, name, '..'), { recursive: true });
    writeFileSync(join(workdir, name), content);
  }
  const secretlint = join(ROOT, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  const result = spawnSync(process.execPath, [secretlint, '**/*'], { cwd: workdir, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

beforeEach(() => {
  workdir = mkdtempSync(join(tmpdir(), 'secret-scan-'));
  for (const config of ['.secretlintrc.json', '.secretlintignore'])
    copyFileSync(join(ROOT, config), join(workdir, config));
});

afterEach(() => rmSync(workdir, { recursive: true, force: true }));

describe('the secret scan in npm test', () => {
  it('passes a file with no credentials', () => {
    expect(scan({ 'src/clean.ts': 'export const answer = 42;\n' }).status).toBe(0);
  });

  it.each(Object.entries(FAKE))('fails on a planted %s', (_kind, value) => {
    const result = scan({ 'src/config.json': value });
    expect(result.status).toBe(1);
  });

  it('fails on a real-looking script id in .clasp.json', () => {
    const result = scan({ '.clasp.json': `{"scriptId": "1${'AbCdEf012345'.repeat(4)}", "rootDir": "dist"}` });
    expect(result.status).toBe(1);
  });

  it('leaves clearly named fake-credential fixtures alone', () => {
    expect(scan({ 'test/fixtures/fake-credentials/token.json': FAKE.jwt }).status).toBe(0);
  });

  it('is part of the test command', () => {
    const scripts = readPackageJson().scripts;
    expect(scripts.test).toContain('npm run secrets');
    expect(scripts.secrets).toContain('secretlint');
  });
});

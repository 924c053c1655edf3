import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/paths';

describe('.ci/run', () => {
  const script = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');

  it('is executable and stops at the first failure', () => {
    expect(statSync(join(ROOT, '.ci', 'run')).mode & 0o111).not.toBe(0);
    expect(script).toContain('set -euo pipefail');
  });

  it('installs the locked dependencies and runs the README test command', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('npm test');
    expect(script).toMatch(/^npm ci$/m);
    expect(script).toMatch(/^npm test$/m);
  });

  it('installs Chromium for the browser test when it is missing', () => {
    expect(script).toContain('apt-get install -y -qq chromium');
  });
});

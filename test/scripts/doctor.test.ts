/**
 * `npm run doctor -- --sandbox`, run as a process: against the sandbox (Jobber's public API) every
 * field, filter, date option and nested re-read is accepted and it exits 0; against a sandbox that
 * lacks a field it names that field and exits non-zero. Never a token in the output.
 */
import { execFile } from 'node:child_process';
import { builtFile, REPO_ROOT } from '../../sandbox/paths';
import { CATALOG } from '../../src/catalog/catalog';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function doctor(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [builtFile('scripts/doctor.js'), ...args],
      { cwd: REPO_ROOT, timeout: 120_000, env: { ...process.env, JOBBER_ACCESS_TOKEN: '' } },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number | null) : 0, stdout, stderr }),
    );
  });
}

const JWT = /eyJ[\w-]*\.[\w-]*\.[\w-]*/;

describe('npm run doctor -- --sandbox', () => {
  it('accepts everything the catalog can ask the public API, line by line, and exits 0', async () => {
    const run = await doctor('--sandbox');
    expect(run.stderr).not.toMatch(/failed/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('version 2025-04-16 (Jobber answered as 2025-04-16)');
    for (const object of CATALOG) {
      expect(run.stdout).toContain(`${object.label} (${object.id})`);
      for (const field of object.fields)
        expect(run.stdout).toContain(`ok      field ${field.id} (${field.label})`);
      for (const option of object.dateOptions)
        expect(run.stdout).toContain(`ok      date option ${option.fieldId} (${option.label})`);
    }
    expect(run.stdout).toContain('ok      filter status (Invoice status)');
    expect(run.stdout).toContain('ok      nested re-read lineItems');
    expect(run.stdout).toMatch(/\d+ checks: \d+ ok, 0 missing, 0 changed\n$/);
    expect(run.stdout + run.stderr).not.toMatch(JWT);
  }, 120_000);

  it('names a field and a date option Jobber does not accept and exits 1', async () => {
    // A filter field only one date option uses: Jobber refusing it refuses only that option.
    const run = await doctor(
      '--sandbox',
      '--hide-field',
      'Visit.title',
      '--hide-field',
      'JobFilterAttributes.completedAt',
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('missing field visitTitle (Visit title)');
    expect(run.stdout).toContain('Cannot query field "title" on type "Visit".');
    expect(run.stdout).toContain('changed date option completedAt (Completed)');
    expect(run.stdout).toContain('Not accepted: jobs date option completedAt,');
    expect(run.stdout).not.toContain('changed field jobNumber');
    expect(run.stdout).toContain('visits field visitTitle');
    expect(run.stdout + run.stderr).not.toMatch(JWT);
  }, 120_000);

  it('refuses arguments it does not know, with the usage and exit code 2', async () => {
    const run = await doctor('--sandbox', '--bogus');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown option --bogus');
    expect(run.stderr).toContain('Usage: npm run doctor');
  });
});

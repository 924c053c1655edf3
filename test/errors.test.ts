import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConnectorError, JobberFailure, failureToConnectorError } from '../src/errors';
import { ROOT } from './support/paths';

describe('errors', () => {
  it('keeps the failure a user error wraps as its cause', () => {
    const failure = new JobberFailure('server', 'HTTP 502', { status: 502 }, new Error('upstream'));
    const error = failureToConnectorError(failure);
    expect(error.cause).toBe(failure);
    expect(failure.cause).toEqual(new Error('upstream'));
  });

  it('has no cause when it wraps nothing', () => {
    expect('cause' in new ConnectorError('INTERNAL', 'x')).toBe(false);
  });

  it('holds every user text: nothing else in src/ builds a ConnectorError', () => {
    const files = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)],
      );
    const building = files(join(ROOT, 'src'))
      .filter((file) => !file.endsWith('errors.ts'))
      .filter((file) => readFileSync(file, 'utf8').includes('new ConnectorError('));
    expect(building).toEqual([]);
  });
});

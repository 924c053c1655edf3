import { runEntryPoint, runEntryPointOr } from '../../src/connector/boundary';
import { ConnectorError } from '../../src/errors';
import type { ThrownUserError } from '../support/fake-community-connector';
import { RecordingLogger, fakePlatform } from '../support/platform-fakes';

function thrownBy(action: () => unknown): ThrownUserError {
  try {
    action();
  } catch (error) {
    return error as ThrownUserError;
  }
  throw new Error('expected the entry point to throw');
}

describe('the entry-point error boundary', () => {
  let logger: RecordingLogger;
  let logs: RecordingLogger['lines'];
  // Only the user-error builder and the logger are used; every other service refuses.
  const platform = () => fakePlatform({ logger });

  beforeEach(() => {
    logger = new RecordingLogger();
    logs = logger.lines;
  });

  it('passes a result through untouched', () => {
    expect(runEntryPoint('getConfig', () => 42, platform)).toBe(42);
  });

  it('turns a ConnectorError into a Looker user error with its next step and debug text', () => {
    const error = thrownBy(() =>
      runEntryPoint(
        'getData',
        () => {
          throw new ConnectorError('INVALID_REQUEST', 'Pick a date range.', 'dateRange missing');
        },
        platform,
      ),
    );
    expect(error).toEqual({ text: 'Pick a date range.', debugText: 'getData: dateRange missing' });
    expect(logs).toEqual([
      expect.objectContaining({
        level: 'warn',
        event: 'entry_point_failed',
        data: expect.objectContaining({ code: 'INVALID_REQUEST' }),
      }),
    ]);
  });

  it('turns anything unexpected into a generic user error, with what happened for admins', () => {
    const error = thrownBy(() =>
      runEntryPoint(
        'getSchema',
        () => {
          throw new TypeError('x is undefined');
        },
        platform,
      ),
    );
    expect(error.text).toContain('unexpected problem');
    expect(error.debugText).toBe('getSchema: TypeError: x is undefined');
    expect(logs[0]?.level).toBe('error');
  });

  it('never lets a token or secret through, in user text, debug text or logs', () => {
    const jwt = ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiJ4In0', 'c2lnbmF0dXJl'].join('.');
    const secret = 'ab'.repeat(32);
    const error = thrownBy(() =>
      runEntryPoint(
        'getData',
        () => {
          throw new ConnectorError('INTERNAL', `bad ${jwt}`, `client_secret=${secret} Bearer ${jwt}`);
        },
        platform,
      ),
    );
    const everything = JSON.stringify({ error, logs });
    expect(everything).not.toContain(jwt);
    expect(everything).not.toContain(secret);
  });

  it('returns the fallback for entry points that must never throw, and logs why', () => {
    const result = runEntryPointOr(
      'isAuthValid',
      false,
      () => {
        throw new Error('lock timeout');
      },
      platform,
    );
    expect(result).toBe(false);
    expect(logs[0]).toEqual(expect.objectContaining({ level: 'error', event: 'entry_point_failed' }));
  });
});

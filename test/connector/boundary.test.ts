import { runEntryPoint, runEntryPointOr } from '../../src/connector/boundary';
import { ConnectorError, clientRejected, lockUnavailable } from '../../src/errors';
import type { ThrownUserError } from '../support/fake-community-connector';
import { RecordingLogger, fakePlatform } from '../support/platform-fakes';

/** A deployed web app's URL: its deployment id is a long opaque value, and it must stay whole. */
const SETUP_PAGE = `https://script.google.com/macros/s/AKfycbx${'Q7'.repeat(30)}/exec`;

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

  it('never lets a token or secret from outside through, in debug text or logs', () => {
    const jwt = ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiJ4In0', 'c2lnbmF0dXJl'].join('.');
    const secret = 'ab'.repeat(32);
    const error = thrownBy(() =>
      runEntryPoint(
        'getData',
        () => {
          throw new ConnectorError(
            'INTERNAL',
            'Refresh the report.',
            `client_secret=${secret} Bearer ${jwt}`,
          );
        },
        platform,
      ),
    );
    const everything = JSON.stringify({ error, logs });
    expect(everything).not.toContain(jwt);
    expect(everything).not.toContain(secret);
  });

  it('shows our own user texts exactly as written, words like "authorization" and "secret" included', () => {
    const texts = [
      lockUnavailable('debug').userText,
      clientRejected('debug').userText,
      clientRejected('debug', SETUP_PAGE).userText,
    ];
    for (const text of texts) {
      const error = thrownBy(() =>
        runEntryPoint(
          'getData',
          () => {
            throw new ConnectorError('JOBBER_UNAVAILABLE', text, 'debug');
          },
          platform,
        ),
      );
      expect(error.text).toBe(text);
      expect(error.text).not.toContain('[redacted]');
    }
    expect(texts[0]).toContain('renewing your Jobber authorization right now.');
    expect(texts[1]).toContain('JOBBER_CLIENT_SECRET (the secret may have been rolled');
    expect(texts[2]).toContain(SETUP_PAGE);
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

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConnectorError,
  JobberFailure,
  clientRejected,
  failureToConnectorError,
  lockUnavailable,
  redact,
} from '../src/errors';
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

describe('redact: values, not words', () => {
  // Built at run time so that no secret-shaped literal sits in the source (the secret scan stays on).
  const jwt = ['eyJhbGciOiJSUzI1NiJ9', 'eyJzdWIiOiJ1c2VyLTEiLCJleHAiOjE3MDB9', 'c2lnbmF0dXJlLXBhcnQ'].join(
    '.',
  );
  const refreshToken = 'Xk2' + 'pQ9_rT4-vW8yZ1aB3cD5eF7gH0jK6mN'.repeat(1);
  const hexSecret = '0f'.repeat(32);
  const base64Secret = 'ab+cd/EF12' + 'gh+ij/KL34'.repeat(3) + '==';

  it('leaves the two texts it used to garble untouched', () => {
    const renewing = lockUnavailable('').userText;
    const rolled = clientRejected('').userText;
    expect(redact(renewing)).toBe(renewing);
    expect(redact(rolled)).toBe(rolled);
    expect(redact('Another chart is renewing your Jobber authorization right now.')).toBe(
      'Another chart is renewing your Jobber authorization right now.',
    );
    expect(redact('JOBBER_CLIENT_SECRET (the secret may have been rolled in Jobber)')).toBe(
      'JOBBER_CLIENT_SECRET (the secret may have been rolled in Jobber)',
    );
  });

  it.each([
    ['a token endpoint body', `{"access_token":"${jwt}","refresh_token":"${refreshToken}"}`],
    ['a form body', `grant_type=refresh_token&refresh_token=${refreshToken}&client_secret=s3cr3t-value`],
    ['an authorization header', `Authorization: Bearer ${refreshToken}`],
    ['a callback URL', `https://script.google.com/macros/d/x/usercallback?code=${refreshToken}&state=s`],
    ['a JWT in an exception', `Exception: Request failed: token ${jwt} was refused`],
    ['a hex secret', `secret mismatch for ${hexSecret}`],
    ['a standard base64 secret', `bad key ${base64Secret} end`],
    ['an opaque token on its own', `unknown token ${refreshToken}.`],
  ])('removes the secret values from %s', (_name, text) => {
    const redacted = redact(text);
    for (const secret of [jwt, refreshToken, hexSecret, base64Secret, 's3cr3t-value'])
      expect(redacted).not.toContain(secret);
    expect(redacted).toContain('[redacted]');
  });

  it('keeps the words around a secret, so the text still says what happened', () => {
    expect(redact(`Error retrieving token: {"refresh_token":"${refreshToken}"}, invalid_grant`)).toBe(
      'Error retrieving token: {"refresh_token":"[redacted]"}, invalid_grant',
    );
    expect(redact('Request failed for https://api.getjobber.com/api/graphql returned code 500')).toBe(
      'Request failed for https://api.getjobber.com/api/graphql returned code 500',
    );
  });

  it('removes e-mail addresses (personal data) from outside text', () => {
    expect(redact('Jobber says: user jane.doe+jobs@example.co.uk has no access')).toBe(
      'Jobber says: user [redacted] has no access',
    );
  });
});

import type { HttpRequest, HttpResponse } from '../../src/platform/platform';
import { AppDataDrive, DriveFailure, MAX_UPLOAD_BYTES } from '../../src/replica/drive-client';

type Answer = { status: number; body?: string; bytes?: number[] };

function driveWith(...answers: Answer[]) {
  const requests: HttpRequest[] = [];
  const sleeps: number[] = [];
  const drive = new AppDataDrive({
    http: {
      fetch(request): HttpResponse {
        requests.push(request);
        const answer = answers.shift();
        if (!answer) throw new Error('Address unavailable');
        return {
          status: answer.status,
          headers: {},
          body: answer.body ?? '',
          bytes: () => answer.bytes ?? [],
        };
      },
    },
    clock: { now: () => 1_000, sleep: (ms) => void sleeps.push(ms) },
    oauthToken: () => 'script-token',
    utf8: (text) => [...Buffer.from(text, 'utf8')],
  });
  return { drive, requests, sleeps };
}

const driveError = (status: number, reason: string): Answer => ({
  status,
  body: JSON.stringify({ error: { code: status, message: reason, errors: [{ domain: 'x', reason }] } }),
});

describe('the Drive app data folder client', () => {
  it('creates a file in the app data folder with a multipart upload carrying the bytes as they are', () => {
    const { drive, requests } = driveWith({ status: 200, body: '{"id":"F1","name":"a.gz"}' });
    expect(drive.create('a.gz', [31, -117, 8, 0], 'application/gzip')).toEqual({ id: 'F1', name: 'a.gz' });
    const [request] = requests;
    expect(request?.url).toMatch(
      /^https:\/\/www\.googleapis\.com\/upload\/drive\/v3\/files\?uploadType=multipart/,
    );
    expect(request?.headers?.['Authorization']).toBe('Bearer script-token');
    expect(request?.contentType).toMatch(/^multipart\/related; boundary=/);
    const payload = request?.payload as number[];
    const text = Buffer.from(Int8Array.from(payload).buffer).toString('latin1');
    expect(text).toContain('"parents":["appDataFolder"]');
    expect(payload.slice(text.indexOf('\r\n\r\n', text.indexOf('application/gzip')) + 4).slice(0, 4)).toEqual(
      [31, -117, 8, 0],
    );
  });

  it('lists every page of the app data folder', () => {
    const { drive, requests } = driveWith(
      { status: 200, body: '{"files":[{"id":"1","name":"a"}],"nextPageToken":"p2"}' },
      { status: 200, body: '{"files":[{"id":"2","name":"b"}]}' },
    );
    expect(drive.list()).toEqual([
      { id: '1', name: 'a' },
      { id: '2', name: 'b' },
    ]);
    expect(requests[0]?.url).toContain('spaces=appDataFolder');
    expect(requests[1]?.url).toContain('pageToken=p2');
  });

  it('backs off and retries rate limits, 429 and 5xx, then gives up', () => {
    const { drive, sleeps } = driveWith(
      driveError(403, 'userRateLimitExceeded'),
      driveError(429, 'rateLimitExceeded'),
      driveError(503, 'backendError'),
      { status: 200, bytes: [1, 2] },
    );
    expect(drive.download('F')).toEqual([1, 2]);
    expect(sleeps).toEqual([1_000, 2_000, 4_000]);
    const failing = driveWith(...Array.from({ length: 4 }, () => driveError(500, 'backendError')));
    expect(() => failing.drive.download('F')).toThrow(expect.objectContaining({ problem: 'transient' }));
  });

  it.each([
    ['scope not granted', 403, 'insufficientPermissions'],
    ['Drive turned off by an admin', 403, 'domainPolicy'],
    ['storage full', 403, 'storageQuotaExceeded'],
    ['a token Drive refuses', 401, 'authError'],
  ])('says the cold tier is unavailable at once on %s', (_case, status, reason) => {
    const { drive, sleeps } = driveWith(driveError(status, reason));
    expect(() => drive.list()).toThrow(expect.objectContaining({ problem: 'unavailable', reason }));
    expect(sleeps).toEqual([]);
  });

  it('does not retry when Google’s daily UrlFetch quota is used up', () => {
    const { drive, sleeps } = driveWith();
    const quota = new AppDataDrive({
      http: {
        fetch: () => {
          throw new Error('Service invoked too many times for one day: urlfetch.');
        },
      },
      clock: { now: () => 1, sleep: (ms) => void sleeps.push(ms) },
      oauthToken: () => 'token',
      utf8: (text) => [...Buffer.from(text, 'utf8')],
    });
    void drive;
    expect(() => quota.list()).toThrow(expect.objectContaining({ problem: 'unavailable' }));
    expect(sleeps).toEqual([]);
  });

  it('treats deleting a file that is already gone as done', () => {
    const { drive } = driveWith(driveError(404, 'notFound'));
    expect(() => drive.remove('gone')).not.toThrow();
  });

  it('never uploads more than Drive accepts in one multipart request', () => {
    const { drive, requests } = driveWith();
    expect(() =>
      drive.create('big', new Array<number>(MAX_UPLOAD_BYTES + 1).fill(0), 'application/gzip'),
    ).toThrow(DriveFailure);
    expect(requests).toHaveLength(0);
  });
});

/**
 * The effective user's Drive app data folder through the Drive v3 REST API (docs/replica.md,
 * "Storage"): list, create (multipart, at most 5 MB), replace content, download, delete. Files there
 * are hidden from the user and visible only to this script's OAuth client.
 *
 * Failures are sorted by one table: rate limits, 429 and 5xx back off and retry; any other 403
 * (scope not granted, Drive turned off by a Workspace admin, storage full) means the cold tier is
 * unavailable for this execution; 404 is a file that is gone.
 */
import { URLFETCH_DAILY_QUOTA_TEXT } from '../errors';
import { isJsonObject, type JsonObject } from '../json';
import type { Bytes, Clock, Http, HttpResponse } from '../platform';

const API = 'https://www.googleapis.com/drive/v3/files';
const UPLOAD = 'https://www.googleapis.com/upload/drive/v3/files';
/** Drive's limit for multipart and simple uploads. */
export const MAX_UPLOAD_BYTES = 5_000_000;

export interface DriveFile {
  readonly id: string;
  readonly name: string;
}

export type DriveProblem = 'unavailable' | 'not_found' | 'transient' | 'invalid';

export class DriveFailure extends Error {
  constructor(
    readonly problem: DriveProblem,
    readonly status: number | null,
    readonly reason: string,
  ) {
    super(`Drive ${status ?? 'request'} failed: ${reason}`);
    this.name = 'DriveFailure';
  }
}

export interface DriveServices {
  readonly http: Http;
  readonly clock: Clock;
  /** The script's OAuth token for the effective user (ScriptApp.getOAuthToken()). */
  readonly oauthToken: () => string;
  readonly utf8: (text: string) => Bytes;
}

/** How long to wait before each retry of a transient failure; its length is the number of retries. */
const RETRY_WAITS_MS = [1_000, 2_000, 4_000];

/** What the cold tier does with the app data folder (AppDataDrive over REST; fakes in unit tests). */
export interface AppDataFiles {
  list(): DriveFile[];
  create(name: string, content: Bytes, mimeType: string): DriveFile;
  replace(id: string, content: Bytes, mimeType: string): void;
  download(id: string): Bytes;
  downloadText(id: string): string;
  remove(id: string): void;
}

export class AppDataDrive implements AppDataFiles {
  constructor(private readonly services: DriveServices) {}

  /** Every file this script keeps in the user's app data folder. */
  list(): DriveFile[] {
    const files: DriveFile[] = [];
    let pageToken: string | undefined;
    do {
      const query = `spaces=appDataFolder&pageSize=1000&fields=nextPageToken,files(id,name)${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`;
      const body = this.json(this.send({ url: `${API}?${query}`, method: 'get' }));
      const listed = Array.isArray(body['files']) ? body['files'] : [];
      for (const file of listed) if (isFile(file)) files.push({ id: file.id, name: file.name });
      pageToken = typeof body['nextPageToken'] === 'string' ? body['nextPageToken'] : undefined;
    } while (pageToken);
    return files;
  }

  create(name: string, content: Bytes, mimeType: string): DriveFile {
    if (content.length > MAX_UPLOAD_BYTES) throw new DriveFailure('invalid', null, 'content over 5 MB');
    const boundary = `jobber-replica-${this.services.clock.now().toString(36)}`;
    const metadata = JSON.stringify({ name, parents: ['appDataFolder'], mimeType });
    const head = this.services.utf8(
      `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${metadata}\r\n` +
        `--${boundary}\r\nContent-Type: ${mimeType}\r\n\r\n`,
    );
    const tail = this.services.utf8(`\r\n--${boundary}--`);
    const payload = [...head, ...content, ...tail];
    const response = this.send({
      url: `${UPLOAD}?uploadType=multipart&fields=id,name`,
      method: 'post',
      contentType: `multipart/related; boundary=${boundary}`,
      payload,
    });
    const file = this.json(response);
    if (!isFile(file)) throw new DriveFailure('invalid', response.status, 'create answered without a file');
    return { id: file.id, name: file.name };
  }

  replace(id: string, content: Bytes, mimeType: string): void {
    if (content.length > MAX_UPLOAD_BYTES) throw new DriveFailure('invalid', null, 'content over 5 MB');
    this.send({
      url: `${UPLOAD}/${encodeURIComponent(id)}?uploadType=media&fields=id`,
      method: 'patch',
      contentType: mimeType,
      payload: content,
    });
  }

  download(id: string): Bytes {
    const response = this.send({ url: `${API}/${encodeURIComponent(id)}?alt=media`, method: 'get' });
    if (!response.bytes) throw new DriveFailure('invalid', response.status, 'no bytes in the answer');
    return response.bytes();
  }

  downloadText(id: string): string {
    return this.send({ url: `${API}/${encodeURIComponent(id)}?alt=media`, method: 'get' }).body;
  }

  remove(id: string): void {
    try {
      this.send({ url: `${API}/${encodeURIComponent(id)}`, method: 'delete' });
    } catch (error) {
      if (!(error instanceof DriveFailure && error.problem === 'not_found')) throw error;
    }
  }

  private send(request: Omit<Parameters<Http['fetch']>[0], 'headers'>): HttpResponse {
    const headers = { Authorization: `Bearer ${this.services.oauthToken()}` };
    for (let attempt = 0; ; attempt++) {
      let failure: DriveFailure;
      try {
        const response = this.services.http.fetch({ ...request, headers });
        if (response.status >= 200 && response.status < 300) return response;
        failure = classify(response);
      } catch (error) {
        if (error instanceof DriveFailure) throw error;
        // Google's daily UrlFetch quota is used up: no retry can help before it resets.
        if (error instanceof Error && URLFETCH_DAILY_QUOTA_TEXT.test(error.message))
          throw new DriveFailure('unavailable', null, 'urlfetch_daily_quota');
        failure = new DriveFailure('transient', null, 'no answer from Drive');
      }
      const wait = RETRY_WAITS_MS[attempt];
      if (failure.problem !== 'transient' || wait === undefined) throw failure;
      this.services.clock.sleep(wait);
    }
  }

  private json(response: HttpResponse): JsonObject {
    try {
      const value: unknown = JSON.parse(response.body);
      if (isJsonObject(value)) return value;
    } catch {
      // falls through
    }
    throw new DriveFailure('invalid', response.status, 'an answer that is not a JSON object');
  }
}

const RATE_LIMIT_REASONS = new Set(['userRateLimitExceeded', 'rateLimitExceeded']);

/** Drive's error answers, by status and reason, into what the cold tier does next. */
export function classify(response: HttpResponse): DriveFailure {
  const reason = reasonOf(response.body);
  const { status } = response;
  if (status === 429 || status >= 500 || (status === 403 && RATE_LIMIT_REASONS.has(reason)))
    return new DriveFailure('transient', status, reason);
  if (status === 404) return new DriveFailure('not_found', status, reason);
  if (status === 401 || status === 403) return new DriveFailure('unavailable', status, reason);
  return new DriveFailure('invalid', status, reason);
}

function reasonOf(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    const error = (parsed as { error?: { errors?: Array<{ reason?: unknown }>; status?: unknown } }).error;
    const reason = error?.errors?.[0]?.reason ?? error?.status;
    return typeof reason === 'string' ? reason : 'unknown';
  } catch {
    return 'unknown';
  }
}

function isFile(value: unknown): value is DriveFile {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name } = value as { id?: unknown; name?: unknown };
  return typeof id === 'string' && typeof name === 'string';
}

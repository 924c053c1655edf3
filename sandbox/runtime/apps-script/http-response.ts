import { Blob } from './blob';
import { native } from './bridge';
import { toByteArray } from './bytes';

/** UrlFetchApp's HTTPResponse. Header names keep the server's spelling. */
export class HTTPResponse {
  constructor(
    private readonly status: number,
    private readonly headers: ReadonlyArray<readonly [string, string]>,
    private readonly body: Uint8Array,
  ) {}

  getResponseCode(): number {
    return this.status;
  }

  getContentText(charset?: unknown): string {
    return native().decodeText(this.body, charset === undefined ? this.charset() : String(charset));
  }

  getContent(): number[] {
    return toByteArray(this.body);
  }

  getBlob(): Blob {
    return new Blob(this.body.slice(), this.header('content-type'), null);
  }

  getAs(contentType: unknown): Blob {
    return this.getBlob().getAs(contentType);
  }

  /** One value per header name (the last, when the server repeated a header). */
  getHeaders(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [name, value] of this.headers) result[name] = value;
    return result;
  }

  /** Repeated headers become arrays of values. */
  getAllHeaders(): Record<string, string | string[]> {
    const result: Record<string, string | string[]> = {};
    for (const [name, value] of this.headers) {
      const previous = result[name];
      if (previous === undefined) result[name] = value;
      else result[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
    }
    return result;
  }

  private header(lowerName: string): string | null {
    const found = this.headers.find(([name]) => name.toLowerCase() === lowerName);
    return found ? found[1] : null;
  }

  private charset(): string {
    const match = /charset=("?)([^";\s]+)\1/i.exec(this.header('content-type') ?? '');
    return match?.[2] ?? 'UTF-8';
  }
}

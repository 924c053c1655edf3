import { exception, native } from './bridge';
import { fromByteArray, isByteArray, toByteArray } from './bytes';

/** Utilities.newBlob and the blobs of HTTP responses and gzip: bytes with a content type and a name. */
export class Blob {
  constructor(
    private bytes: Uint8Array,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}

  /** The bytes, for other services of this runtime (not an Apps Script method). */
  rawBytes(): Uint8Array {
    return this.bytes;
  }

  getBytes(): number[] {
    return toByteArray(this.bytes);
  }

  setBytes(data: unknown): Blob {
    if (!isByteArray(data)) throw exception('Invalid argument: data');
    this.bytes = fromByteArray(data);
    return this;
  }

  getDataAsString(charset?: unknown): string {
    return native().decodeText(this.bytes, charset === undefined ? 'UTF-8' : String(charset));
  }

  setDataFromString(text: unknown, charset?: unknown): Blob {
    this.bytes = native().encodeText(String(text), charset === undefined ? 'UTF-8' : String(charset));
    return this;
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: unknown): Blob {
    this.contentType = contentType === null || contentType === undefined ? null : String(contentType);
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: unknown): Blob {
    this.name = name === null || name === undefined ? null : String(name);
    return this;
  }

  copyBlob(): Blob {
    return new Blob(this.bytes.slice(), this.contentType, this.name);
  }

  getBlob(): Blob {
    return this;
  }

  getAs(contentType: unknown): Blob {
    if (String(contentType) !== this.contentType)
      throw exception(`Converting from ${this.contentType} to ${String(contentType)} is not supported.`);
    return this.copyBlob();
  }

  isGoogleType(): boolean {
    return false;
  }
}

export function isBlob(value: unknown): value is Blob {
  return value instanceof Blob;
}

import { PROPERTY_QUOTA_TEXT, PROPERTY_STORE_MAX_BYTES, PROPERTY_VALUE_MAX_BYTES, utf8Bytes } from './limits';
import { ServiceError } from './service-error';

/** One Apps Script property store (script, one user's, or a document's): strings only, size-limited. */
export class PropertyStore {
  private readonly values = new Map<string, string>();

  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }

  snapshot(): Record<string, string> {
    return Object.fromEntries(this.values);
  }

  /** Writes all entries or none: a write that would break a limit throws and changes nothing. */
  set(entries: Readonly<Record<string, string>>, deleteOthers = false): void {
    const next = deleteOthers ? new Map<string, string>() : new Map(this.values);
    for (const [key, value] of Object.entries(entries)) {
      if (utf8Bytes(value) > PROPERTY_VALUE_MAX_BYTES) throw new ServiceError(PROPERTY_QUOTA_TEXT);
      next.set(key, value);
    }
    if (storeBytes(next) > PROPERTY_STORE_MAX_BYTES) throw new ServiceError(PROPERTY_QUOTA_TEXT);
    this.values.clear();
    for (const [key, value] of next) this.values.set(key, value);
  }

  delete(key: string | null): void {
    if (key === null) this.values.clear();
    else this.values.delete(key);
  }
}

function storeBytes(values: ReadonlyMap<string, string>): number {
  let total = 0;
  for (const [key, value] of values) total += utf8Bytes(key) + utf8Bytes(value);
  return total;
}

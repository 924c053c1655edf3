/**
 * A small Jobber over records in memory for the replica's unit tests: filters on ISO dates
 * (after/before, both exclusive as the sandbox treats them), newest-first reads, counts, and a cost
 * bucket an execution can run out of. The end-to-end tests use the real sandbox instead.
 */
import type { JsonObject, JsonValue } from '../../src/jobber/api';
import type { JobberPort, RecordRead } from '../../src/replica/port';

export interface MemoryJobberOptions {
  /** Points per record per selected path (a rough stand-in for Jobber's cost rules). */
  readonly pointsPerPath?: number;
  /** Points an execution may spend; `newExecution()` restores it. */
  readonly pointsPerExecution?: number;
}

export class MemoryJobber implements JobberPort {
  readonly records = new Map<string, JsonObject>();
  reads: RecordRead[] = [];
  counts = 0;
  private spent = 0;

  constructor(private readonly options: MemoryJobberOptions = {}) {}

  put(...records: JsonObject[]): void {
    for (const record of records) this.records.set(String(record['id']), record);
  }

  remove(id: string): void {
    this.records.delete(id);
  }

  newExecution(): void {
    this.spent = 0;
    this.reads = [];
    this.counts = 0;
  }

  read(request: RecordRead): readonly JsonObject[] {
    this.reads.push(request);
    let matching = this.matching(request.filter);
    if (request.newestFirst) {
      matching = [...matching].sort((a, b) => String(b['updatedAt']).localeCompare(String(a['updatedAt'])));
      // Whole pages of 100: the reader ends after the first page the caller says is enough.
      for (let start = 0; start < matching.length; start += 100)
        if (request.newestFirst.stopAfter(matching.slice(start, start + 100))) {
          matching = matching.slice(0, start + 100);
          break;
        }
    }
    this.spent += this.costOf(request.paths, matching.length);
    return matching.map((record) => project(record, request.paths));
  }

  /** Related records (clients) by object id; readRelated filters them like the root records. */
  readonly related = new Map<string, Map<string, JsonObject>>();

  readRelated(objectId: string, paths: readonly string[], filter: JsonObject): readonly JsonObject[] {
    this.reads.push({ paths, filter });
    const records = [...(this.related.get(objectId)?.values() ?? [])];
    return filterRecords(records, filter).map((record) => project(record, ['id', ...paths]));
  }

  count(filter: JsonObject | undefined): number {
    this.counts++;
    this.spent += 2;
    return this.matching(filter).length;
  }

  reachablePoints(): number {
    return (this.options.pointsPerExecution ?? Number.POSITIVE_INFINITY) - this.spent;
  }

  costOf(paths: readonly string[], records: number): number {
    return (
      records * paths.length * (this.options.pointsPerPath ?? 1) + 4 * Math.ceil(Math.max(records, 1) / 100)
    );
  }

  private matching(filter: JsonObject | undefined): JsonObject[] {
    return filterRecords([...this.records.values()], filter);
  }
}

function filterRecords(all: JsonObject[], filter: JsonObject | undefined): JsonObject[] {
  if (!filter) return all;
  return all.filter((record) =>
    Object.keys(filter).every((argument) => {
      const range = filter[argument] as { after?: string; before?: string };
      const value = record[argument];
      if (typeof value !== 'string') return false;
      const at = Date.parse(value);
      return (
        (range.after === undefined || at > Date.parse(range.after)) &&
        (range.before === undefined || at < Date.parse(range.before))
      );
    }),
  );
}

/** The record with only the selected paths, as Jobber answers. */
function project(record: JsonObject, paths: readonly string[]): JsonObject {
  const result: JsonObject = {};
  for (const path of paths) copyPath(record, result, path.split('.'));
  return result;
}

function copyPath(from: JsonObject, to: JsonObject, keys: readonly string[]): void {
  const [key, ...rest] = keys;
  if (key === undefined) return;
  const value: JsonValue | undefined = from[key];
  if (rest.length === 0 || value === null || value === undefined) {
    to[key] = value ?? null;
    return;
  }
  if (Array.isArray(value)) {
    const target = Array.isArray(to[key]) ? (to[key] as JsonObject[]) : value.map(() => ({}));
    value.forEach((item, index) => copyPath(item as JsonObject, target[index] ?? {}, rest));
    to[key] = target;
    return;
  }
  const target = (typeof to[key] === 'object' && to[key] !== null ? to[key] : {}) as JsonObject;
  copyPath(value as JsonObject, target, rest);
  to[key] = target;
}

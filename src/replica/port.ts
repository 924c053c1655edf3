/**
 * What a replica sync asks of Jobber, in the replica's terms. The connector implements it with the
 * one connection reader (every read paces, retries and budgets the same way); the sync's unit tests
 * implement it over records in memory.
 */
import type { JsonObject, JsonValue } from '../json';

export interface RecordRead {
  /** Selection paths from the root record (the replica's columns). */
  readonly paths: readonly string[];
  readonly filter?: JsonObject;
  /** Called after every page (the sync's leader renews its lease: it is alive). */
  readonly onPage?: () => void;
  /** Read with this sort (newest first), ending after the first page for which `stopAfter` is true. */
  readonly newestFirst?: {
    readonly sort: JsonValue;
    readonly stopAfter: (page: readonly JsonObject[]) => boolean;
  };
}

export interface JobberPort {
  /** Every record the read selects, nested lists complete. Failures throw ConnectorError. */
  read(request: RecordRead): readonly JsonObject[];
  /** Every record of another object's root connection (a related record: clients) with these paths. */
  readRelated(objectId: string, paths: readonly string[], filter: JsonObject): readonly JsonObject[];
  /** How many records the root connection holds with this filter (Jobber's totalCount). */
  count(filter: JsonObject | undefined): number;
  /** Points this execution can still pay Jobber before its budget ends (bucket plus refill). */
  reachablePoints(): number;
  /** Jobber's cost of reading `records` records with these paths, pages included. */
  costOf(paths: readonly string[], records: number): number;
}

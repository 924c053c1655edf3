/**
 * What the rest of the connector may ask of Jobber. Implemented by the GraphQL client in this folder;
 * the report code depends only on these types, so its unit tests can use a small fake.
 */

import type { JsonObject, JsonValue } from '../json';

export type { JsonObject, JsonValue };

export interface GraphQLRequest {
  readonly query: string;
  readonly variables?: Readonly<Record<string, JsonValue>>;
  /** Jobber's requestedQueryCost for this query, when known: the request then waits for the bucket first. */
  readonly estimatedCost?: number;
}

/**
 * One connection to read page by page. The document must declare `$first: Int!` and
 * `$after: String` and pass them to the connection at `path`, whose selection must include
 * `nodes { … }` and `pageInfo { hasNextPage endCursor }`.
 */
export interface ConnectionQuery {
  readonly document: string;
  readonly variables: Readonly<Record<string, JsonValue>>;
  /** Where the connection sits in `data`, e.g. ['invoices'] or ['invoice', 'lineItems']. */
  readonly path: readonly string[];
  /** Jobber's cost of one node's selection (each field 1; nested connections multiplied). */
  readonly costPerNode: number;
  /** The cost of everything else in the document (the connection field, pageInfo, parents). */
  readonly fixedCost: number;
  /**
   * The same document with `totalCount` (1 point) on the connection, for the first page of a full
   * read: the reader then sizes the last page to what remains, refuses at once a read that cannot
   * fit the budget, and never ends with fewer nodes than Jobber counted without a fresh count that
   * explains it (see connection-reader.ts).
   */
  readonly countDocument?: string;
  /** The least a node can cost (its nested lists empty); defaults to costPerNode. */
  readonly leastCostPerNode?: number;
}

export interface ReadProgress {
  readonly pages: number;
  readonly nodes: number;
  /** The cursor after the last node read so far: `after` resumes the read from here (a checkpoint). */
  readonly endCursor: string | null;
}

/**
 * How to read a connection. Every read, whatever its options, is paced to Jobber's cost bucket,
 * sized and calibrated page by page, checked against the runtime budget, retried by the retry table
 * and checked page by page (a malformed page is never returned as fewer nodes).
 */
export interface ReadOptions {
  /** Stop after this many nodes (sampleExtraction, previews). The result then says it is partial. */
  readonly maxNodes?: number;
  /** Called after every page, e.g. for a progress line or to keep a checkpoint (`endCursor`). */
  readonly onPage?: (progress: ReadProgress) => void;
  /**
   * The connection's `sort` argument, e.g. newest first: `[{ key: 'UPDATED_AT', direction:
   * 'DESCENDING' }]`. The document must declare `$sort` and pass it to the connection.
   */
  readonly sort?: JsonValue;
  /**
   * Asked after every page with that page's nodes: true ends the read after this page, which is
   * kept whole (e.g. a newest-first read that reached records older than its window or watermark).
   */
  readonly stopWhen?: (page: readonly JsonObject[]) => boolean;
  /** Start after this cursor: the `endCursor` of an earlier read or page (a checkpoint). */
  readonly after?: string;
}

export interface ConnectionResult {
  readonly nodes: readonly JsonObject[];
  /** True when Jobber said there is no next page; false when `maxNodes` or `stopWhen` ended the read. */
  readonly complete: boolean;
  /** The cursor after the last node read (else the `after` it started from, or null): `after` continues. */
  readonly endCursor: string | null;
}

/** What one execution cost Jobber: logged, and shown by the playground. */
export interface ExecutionStats {
  requests: number;
  requestedQueryCost: number;
  actualQueryCost: number;
  throttledResponses: number;
  /** Waits before a request to let the cost bucket refill (pacing), and after THROTTLED/429/5xx. */
  waits: number;
  waitedMs: number;
  retries: number;
  tokenRefreshes: number;
}

/** The Jobber account the user connected, as recorded when they authorized. */
export interface JobberAccount {
  readonly id: string;
  readonly name: string;
  /** IANA time zone used for dates (e.g. America/Denver). */
  readonly timeZone: string;
}

export interface JobberApi {
  /** One GraphQL request under the retry policy. Returns `data`; failures throw ConnectorError. */
  query(request: GraphQLRequest): JsonObject;
  /** Every page of one connection, paced to Jobber's cost budget. */
  readConnection(query: ConnectionQuery, options?: ReadOptions): ConnectionResult;
  account(): JobberAccount;
  /**
   * Points this execution can still pay Jobber (the bucket now plus its refill before the budget
   * ends), keeping `reserveMs` of the budget for work after the reads (saving a replica).
   */
  reachablePoints(reserveMs?: number): number;
  readonly stats: ExecutionStats;
}

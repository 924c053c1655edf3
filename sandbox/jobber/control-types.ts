/**
 * The sandbox's control API (`/_sandbox/*`), shared by the server and the typed client the
 * harness hands to tests. Account and user ids are Jobber EncodedIds, as GraphQL returns them.
 */
import type { CollectionName } from './data/collections';

/** Where a fault applies. Token faults hit POST /api/oauth/token; GraphQL faults POST /api/graphql. */
export type FaultEndpoint = 'graphql' | 'token';

export type FaultKind =
  /** An HTTP error with an HTML-ish body, as a proxy would send. */
  | { readonly kind: 'http'; readonly status: 500 | 502 | 503 | 504 }
  /** 503 with Jobber's incident body `{"message":"Service temporarily unavailable"}`. */
  | { readonly kind: 'unavailable' }
  /** The normal response, after a real-time delay. */
  | { readonly kind: 'slow'; readonly delayMs: number }
  /** No response: the socket is held, then closed without an answer after holdMs (default 120 s). */
  | { readonly kind: 'timeout'; readonly holdMs?: number }
  /**
   * Processed as usual (a refresh rotates the refresh token, a query is run and charged), then the
   * connection is closed without the answer: what a proxy or network dropping the response does.
   */
  | { readonly kind: 'answerLost' }
  /** Jobber's THROTTLED error (HTTP 200) with the real cost extension. */
  | { readonly kind: 'throttled' }
  /** The request guard's 429, with Retry-After in seconds (default 10). */
  | { readonly kind: 'rateLimited'; readonly retryAfterSeconds?: number }
  /** 401 as for an expired or invalid access token. */
  | { readonly kind: 'unauthorized' }
  /** HTTP 200 whose body is cut short (not JSON). */
  | { readonly kind: 'malformedJson' }
  /** HTTP 200 with the normal answer (run and charged as usual), one part of its page changed. */
  | { readonly kind: 'malformedPage'; readonly shape: PageShapeFault }
  /** HTTP 200 with `data: null` and one error (default message "Internal server error"). */
  | { readonly kind: 'graphqlError'; readonly message?: string; readonly code?: string }
  /** HTTP 200, `data: null`, "The field <field> on an object of type Query was hidden due to permissions". */
  | { readonly kind: 'hiddenField'; readonly field?: string }
  /** The disconnected-app answer (401 with Jobber's message). Tokens keep working afterwards. */
  | { readonly kind: 'disconnected' }
  /** The inactive-account answer (403 with Jobber's message). */
  | { readonly kind: 'inactiveAccount' }
  /** Token endpoint: 400 invalid_grant for the next refresh (the refresh token stays alive). */
  | { readonly kind: 'invalidGrant' };

/**
 * How `malformedPage` changes an answer. "The connection" is the answer's first connection (an
 * object with `nodes`), depth first: `invoices` for a root page, `invoice.lineItems` for a re-read.
 */
export type PageShapeFault =
  /** The query's root field is null: `invoices: null`, or `invoice: null` for a record's re-read. */
  | 'nullRoot'
  /** The connection is null, its parent kept (`invoice: { lineItems: null }`). */
  | 'nullConnection'
  /** The connection's last two nodes are null (one when it holds one; none when it is empty). */
  | 'nullNodes'
  /** The connection has no `pageInfo`. */
  | 'noPageInfo'
  /** The connection's `pageInfo` has no `hasNextPage`. */
  | 'noHasNextPage'
  /** `hasNextPage: false` although there are more nodes (the count, when asked, stays true). */
  | 'endsEarly';

export const PAGE_SHAPE_FAULTS: readonly PageShapeFault[] = [
  'nullRoot',
  'nullConnection',
  'nullNodes',
  'noPageInfo',
  'noHasNextPage',
  'endsEarly',
];

export interface FaultTarget {
  /** Defaults to 'token' for invalidGrant, else 'graphql'. */
  readonly endpoint?: FaultEndpoint;
  /** How many matching requests fail (default 1). */
  readonly times?: number;
  /** Let this many matching requests through first (default 0). */
  readonly skip?: number;
  /** Only page K (1-based) of a pagination: page = offset of the first connection's `after` ÷ page size + 1. */
  readonly page?: number;
  /** Only requests whose GraphQL text contains this string. */
  readonly queryContains?: string;
  /** Only requests of this GraphQL operation name. */
  readonly operationName?: string;
  /** Token endpoint: only this grant type. */
  readonly grantType?: 'authorization_code' | 'refresh_token';
  /** Only requests of this account (EncodedId). */
  readonly accountId?: string;
}

export type FaultSpec = FaultKind & FaultTarget;

export interface ArmedFault {
  readonly id: number;
  readonly spec: FaultSpec;
  readonly remaining: number;
  readonly skipped: number;
}

export type RefreshFamilyEvent =
  'issued' | 'rotated' | 'reissued' | 'reused_dead' | 'revoked_use' | 'code_reused';

export interface RequestLogEntry {
  readonly seq: number;
  /** Sandbox clock (ms epoch) when the request arrived. */
  readonly at: number;
  readonly endpoint: 'graphql' | 'token' | 'authorize';
  readonly status: number;
  readonly accountId?: string;
  readonly userId?: string;
  readonly query?: string;
  readonly operationName?: string;
  readonly variables?: Record<string, unknown>;
  readonly requestedCost?: number;
  readonly actualCost?: number;
  readonly throttleStatus?: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
  /** THROTTLED, a GraphQL error code, an OAuth error, … */
  readonly outcome?: string;
  readonly fault?: FaultKind['kind'];
  readonly grantType?: string;
  /** Refresh-token family (grant) and what happened to it; tokens themselves are never logged. */
  readonly refreshFamily?: { readonly grantId: number; readonly event: RefreshFamilyEvent };
}

export type ConsentChoice =
  | { readonly mode: 'approve'; readonly accountId?: string; readonly userId?: string }
  | { readonly mode: 'deny' };

export interface ClockState {
  readonly now: number;
  readonly mode: 'real' | 'virtual';
}

export interface SandboxUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly isAccountOwner: boolean;
  readonly isAccountAdmin: boolean;
  readonly status: string;
  /** The user's own zone (User.timezone), which may differ from the account's. */
  readonly timeZone: string;
}

export interface SandboxAccount {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly active: boolean;
  readonly users: readonly SandboxUser[];
}

export interface MintedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly accountId: string;
  readonly userId: string;
}

/** Names of the raw collections `GET /_sandbox/accounts/:id/records/:collection` serves (data/collections.ts). */
export type RecordCollection = CollectionName;

/** A record as the dump shows it: EncodedIds, ISO 8601 UTC instants, money in dollars, statuses at now. */
export type RawRecord = Record<string, unknown>;

/** Fields to write, as the dump shows them (EncodedIds, ISO 8601 instants with a zone, or null). */
export type RecordFields = Readonly<Record<string, unknown>>;

/** What a delete removed, by collection (the record and what could not outlive it): EncodedIds. */
export type DeletedRecords = Partial<Record<RecordCollection, string[]>>;

export interface TouchOptions {
  /** The fields to change on each (default none: only updatedAt moves). */
  readonly changes?: RecordFields;
  /** Default: the demo account. */
  readonly accountId?: string;
}

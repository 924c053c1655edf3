/** A JobberApi that answers connection reads from a function and records every read, for unit tests. */
import type {
  ConnectionQuery,
  ConnectionResult,
  ExecutionStats,
  GraphQLRequest,
  JobberAccount,
  JobberApi,
  JsonObject,
  ReadOptions,
} from '../../src/jobber/api';

export interface RecordedRead {
  readonly query: ConnectionQuery;
  readonly options: ReadOptions | undefined;
}

export class FakeJobberApi implements JobberApi {
  readonly reads: RecordedRead[] = [];
  readonly queries: GraphQLRequest[] = [];
  /** Answers single queries (api.query); by default there are none. */
  onQuery: (request: GraphQLRequest) => JsonObject = () => {
    throw new Error('unexpected api.query');
  };
  readonly stats: ExecutionStats = {
    requests: 0,
    requestedQueryCost: 0,
    actualQueryCost: 0,
    throttledResponses: 0,
    waits: 0,
    waitedMs: 0,
    retries: 0,
    tokenRefreshes: 0,
  };

  constructor(
    private readonly answer: (query: ConnectionQuery) => readonly JsonObject[],
    private readonly accountInfo: JobberAccount = {
      id: 'account-1',
      name: 'Test account',
      timeZone: 'America/Denver',
    },
  ) {}

  query(request: GraphQLRequest): JsonObject {
    this.queries.push(request);
    return this.onQuery(request);
  }

  readConnection(query: ConnectionQuery, options?: ReadOptions): ConnectionResult {
    this.reads.push({ query, options });
    const nodes = this.answer(query);
    const limit = options?.maxNodes;
    if (limit !== undefined && nodes.length > limit) return { nodes: nodes.slice(0, limit), complete: false };
    return { nodes, complete: true };
  }

  account(): JobberAccount {
    return this.accountInfo;
  }
}

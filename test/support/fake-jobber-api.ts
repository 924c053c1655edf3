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
  /** What reachablePoints() answers: by default the execution can pay for anything. */
  reachable = Number.POSITIVE_INFINITY;
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

  /**
   * Reads the answered nodes in pages of this size (all in one page by default), honouring maxNodes,
   * stopWhen and onPage as the real reader does; cursors are node counts.
   */
  pageSize = Number.POSITIVE_INFINITY;
  /** Pages handed out, over every read. */
  pagesRead = 0;

  readConnection(query: ConnectionQuery, options: ReadOptions = {}): ConnectionResult {
    this.reads.push({ query, options });
    const nodes = this.answer(query);
    const start = Number(options.after ?? 0);
    let read = start;
    for (let pages = 1; ; pages += 1) {
      const limit = Math.min(this.pageSize, (options.maxNodes ?? Number.POSITIVE_INFINITY) - read);
      const page = nodes.slice(read, read + limit);
      read += page.length;
      this.pagesRead += 1;
      const endCursor = String(read);
      options.onPage?.({ pages, nodes: read, endCursor });
      const stopped =
        options.stopWhen?.(page) === true || (options.maxNodes ?? Number.POSITIVE_INFINITY) <= read;
      if (read >= nodes.length) return { nodes: nodes.slice(start, read), complete: true, endCursor };
      if (stopped) return { nodes: nodes.slice(start, read), complete: false, endCursor };
    }
  }

  account(): JobberAccount {
    return this.accountInfo;
  }

  reachablePoints(): number {
    return this.reachable;
  }
}

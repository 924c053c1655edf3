/**
 * Listens to the runtime's onFetch and onSleep: reads, from each GraphQL answer as it arrives, what
 * the playground shows (cost, throttle status, error code, records on the page, how many the read
 * holds, the connected account's name) and keeps a running count per execution for progress lines,
 * with the connector's waits. Nothing else of a response body is kept, and token endpoint answers
 * (which carry tokens) are never read.
 */
import type { FetchEvent, FetchRecord, SleepEvent } from '../runtime';

export interface GraphqlFacts {
  readonly requestedQueryCost?: number;
  readonly actualQueryCost?: number;
  readonly currentlyAvailable?: number;
  readonly maximumAvailable?: number;
  /** errors[0].extensions.code (THROTTLED, MAX_COST_EXCEEDED, …) or "error" for another GraphQL error. */
  readonly errorCode?: string;
  readonly errorMessage?: string;
  /** Length of the first `nodes` list in `data`: the records on this page. */
  readonly nodes?: number;
  /** Where that list is, e.g. "invoices" or "invoice.lineItems". */
  readonly connection?: string;
  /** The `totalCount` beside it, when the query asked for it (the first page of a read does). */
  readonly totalCount?: number;
  /** `data.account.name`: the connected Jobber account (the connector asks after each authorization). */
  readonly accountName?: string;
  readonly unreadable?: true;
}

/** Why the connector sleeps: Jobber's cost bucket, a retry after a failed request, or other charts' shared read. */
export type WaitReason = 'rate_limit' | 'retry' | 'shared_read';

export interface Wait {
  readonly ms: number;
  /** ms epoch on this process's clock; on the sandbox's virtual clock the wait ends sooner. */
  readonly until: number;
  readonly reason: WaitReason;
}

export interface ExecutionProgress {
  readonly executionId: number;
  readonly functionName: string;
  requests: number;
  /** Pages and records of the read's own connection (nested re-reads of line items not counted). */
  pages: number;
  nodes: number;
  /** That connection ("invoices") once its first page arrived. */
  connection?: string;
  /**
   * Records the read holds, from its first page's totalCount, when Jobber said; unset once the
   * execution starts a second read of that connection (the private copy reads in counts, slices and
   * deltas), since no one count then says how many records the execution will read.
   */
  total?: number;
  actualQueryCost: number;
  throttled: number;
  /** Set while the connector sleeps, cleared by its next request. */
  waiting?: Wait;
}

export type ProgressListener = (progress: Readonly<ExecutionProgress>) => void;

const ERROR_MESSAGE_CHARS = 300;

/** The last answer an execution got, which tells why it sleeps next. */
type LastAnswer = 'none' | 'ok' | 'throttled' | 'failed';

export class FetchMonitor {
  private readonly facts = new WeakMap<FetchRecord, GraphqlFacts>();
  private readonly running = new Map<number, ExecutionProgress>();
  private readonly lastAnswers = new Map<number, LastAnswer>();
  /** First pages (after: null) of the execution's own connection so far. */
  private readonly reads = new Map<number, number>();
  private readonly accounts = new Map<string, string>();
  private readonly listeners = new Set<ProgressListener>();

  /** graphqlUrl: only answers from this URL are read. */
  constructor(private readonly graphqlUrl: string) {}

  readonly observe = (event: FetchEvent): void => {
    const progress = this.progressOf(event);
    progress.requests += 1;
    delete progress.waiting;
    if (event.record.url === this.graphqlUrl) this.read(event, progress);
    this.tell(progress);
  };

  readonly observeSleep = (event: SleepEvent): void => {
    const progress = this.progressOf(event);
    const last = this.lastAnswers.get(event.executionId) ?? 'none';
    const reason: WaitReason = last === 'none' ? 'shared_read' : last === 'failed' ? 'retry' : 'rate_limit';
    progress.waiting = { ms: event.ms, until: Date.now() + event.ms, reason };
    this.tell(progress);
  };

  factsOf(record: FetchRecord): GraphqlFacts | undefined {
    return this.facts.get(record);
  }

  /** The name of the Jobber account this Google user connected last, once an answer said it. */
  accountName(user: string): string | undefined {
    return this.accounts.get(user);
  }

  /** After resetAuth: the account is no longer connected. */
  forgetAccount(user: string): void {
    this.accounts.delete(user);
  }

  /** Executions that have fetched or slept and not been forgotten yet. */
  inFlight(): ExecutionProgress[] {
    return [...this.running.values()].map((progress) => ({ ...progress }));
  }

  /** Called when an execution's result has arrived. */
  forget(executionId: number): void {
    this.running.delete(executionId);
    this.lastAnswers.delete(executionId);
    this.reads.delete(executionId);
  }

  onProgress(listener: ProgressListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private read(event: FetchEvent, progress: ExecutionProgress): void {
    if (!event.response) return void this.lastAnswers.set(event.executionId, 'failed');
    const facts = graphqlFacts(event.response.body);
    this.facts.set(event.record, facts);
    if (facts.accountName !== undefined) this.accounts.set(event.user, facts.accountName);
    const throttled = facts.errorCode === 'THROTTLED';
    const failed = event.response.status >= 400 || facts.unreadable === true || facts.errorCode !== undefined;
    this.lastAnswers.set(event.executionId, throttled ? 'throttled' : failed ? 'failed' : 'ok');
    if (throttled) progress.throttled += 1;
    progress.actualQueryCost += facts.actualQueryCost ?? 0;
    if (facts.nodes === undefined || facts.connection === undefined) return;
    progress.connection ??= facts.connection;
    if (facts.connection !== progress.connection) return;
    progress.pages += 1;
    progress.nodes += facts.nodes;
    const reads = (this.reads.get(event.executionId) ?? 0) + (isFirstPage(event.record) ? 1 : 0);
    this.reads.set(event.executionId, reads);
    if (reads > 1) delete progress.total;
    else if (facts.totalCount !== undefined) progress.total ??= facts.totalCount;
  }

  private tell(progress: ExecutionProgress): void {
    for (const listener of this.listeners) listener(progress);
  }

  private progressOf(event: { executionId: number; functionName: string }): ExecutionProgress {
    let progress = this.running.get(event.executionId);
    if (!progress) {
      progress = {
        executionId: event.executionId,
        functionName: event.functionName,
        requests: 0,
        pages: 0,
        nodes: 0,
        actualQueryCost: 0,
        throttled: 0,
      };
      this.running.set(event.executionId, progress);
    }
    return progress;
  }
}

/** Whether a GraphQL request asks for the first page of a connection (its `after` is null). */
function isFirstPage(record: FetchRecord): boolean {
  try {
    const body = JSON.parse(record.requestBody ?? '') as { variables?: Record<string, unknown> };
    return body.variables !== undefined && 'after' in body.variables && body.variables['after'] === null;
  } catch {
    return false;
  }
}

export function graphqlFacts(body: Buffer): GraphqlFacts {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { unreadable: true };
  }
  const answer = asRecord(parsed);
  const cost = asRecord(asRecord(answer['extensions'])['cost']);
  const throttle = asRecord(cost['throttleStatus']);
  const firstError = asRecord(Array.isArray(answer['errors']) ? answer['errors'][0] : undefined);
  const code = asRecord(firstError['extensions'])['code'];
  const message = firstError['message'];
  const list = firstNodes(answer['data']);
  const accountName = asRecord(asRecord(answer['data'])['account'])['name'];
  return {
    ...numberAt('requestedQueryCost', cost['requestedQueryCost']),
    ...numberAt('actualQueryCost', cost['actualQueryCost']),
    ...numberAt('currentlyAvailable', throttle['currentlyAvailable']),
    ...numberAt('maximumAvailable', throttle['maximumAvailable']),
    ...(typeof message === 'string'
      ? {
          errorCode: typeof code === 'string' ? code : 'error',
          errorMessage: message.slice(0, ERROR_MESSAGE_CHARS),
        }
      : {}),
    ...(list ? { nodes: list.nodes, connection: list.path, ...numberAt('totalCount', list.totalCount) } : {}),
    ...(typeof accountName === 'string' ? { accountName } : {}),
  };
}

interface NodesList {
  readonly nodes: number;
  readonly path: string;
  readonly totalCount: unknown;
}

/** Depth first, in key order: the connection a paginated query reads is the first `nodes` list. */
function firstNodes(value: unknown, path: readonly string[] = []): NodesList | undefined {
  if (path.length > 6 || typeof value !== 'object' || value === null || Array.isArray(value))
    return undefined;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record['nodes']))
    return { nodes: record['nodes'].length, path: path.join('.'), totalCount: record['totalCount'] };
  for (const [key, child] of Object.entries(record)) {
    const found = firstNodes(child, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

function numberAt<K extends string>(key: K, value: unknown): Partial<Record<K, number>> {
  return typeof value === 'number' ? ({ [key]: value } as Partial<Record<K, number>>) : {};
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Listens to the runtime's onFetch: reads, from each GraphQL answer as it arrives, what the
 * playground shows (cost, throttle status, error code, records on the page) and keeps a running
 * count per execution for progress lines. Nothing else of a response body is kept, and token
 * endpoint answers (which carry tokens) are never read.
 */
import type { FetchEvent, FetchRecord } from '../runtime';

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
  readonly unreadable?: true;
}

export interface ExecutionProgress {
  readonly executionId: number;
  readonly functionName: string;
  requests: number;
  pages: number;
  nodes: number;
  actualQueryCost: number;
  throttled: number;
}

export type ProgressListener = (progress: Readonly<ExecutionProgress>) => void;

const ERROR_MESSAGE_CHARS = 300;

export class FetchMonitor {
  private readonly facts = new WeakMap<FetchRecord, GraphqlFacts>();
  private readonly running = new Map<number, ExecutionProgress>();
  private readonly listeners = new Set<ProgressListener>();

  /** graphqlUrl: only answers from this URL are read. */
  constructor(private readonly graphqlUrl: string) {}

  readonly observe = (event: FetchEvent): void => {
    const progress = this.progressOf(event);
    progress.requests += 1;
    if (event.record.url === this.graphqlUrl && event.response) {
      const facts = graphqlFacts(event.response.body);
      this.facts.set(event.record, facts);
      if (facts.nodes !== undefined) {
        progress.pages += 1;
        progress.nodes += facts.nodes;
      }
      progress.actualQueryCost += facts.actualQueryCost ?? 0;
      if (facts.errorCode === 'THROTTLED') progress.throttled += 1;
    }
    for (const listener of this.listeners) listener(progress);
  };

  factsOf(record: FetchRecord): GraphqlFacts | undefined {
    return this.facts.get(record);
  }

  /** Executions that have fetched something and not been forgotten yet. */
  inFlight(): ExecutionProgress[] {
    return [...this.running.values()].map((progress) => ({ ...progress }));
  }

  /** Called when an execution's result has arrived. */
  forget(executionId: number): void {
    this.running.delete(executionId);
  }

  onProgress(listener: ProgressListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private progressOf(event: FetchEvent): ExecutionProgress {
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
  const nodes = firstNodesLength(answer['data']);
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
    ...(nodes === undefined ? {} : { nodes }),
  };
}

/** Depth first, in key order: the connection a paginated query reads is the first `nodes` list. */
function firstNodesLength(value: unknown, depth = 0): number | undefined {
  if (depth > 6 || typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record['nodes'])) return record['nodes'].length;
  for (const child of Object.values(record)) {
    const found = firstNodesLength(child, depth + 1);
    if (found !== undefined) return found;
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

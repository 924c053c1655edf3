/**
 * What the playground shows beside a result: read from one execution's recorded fetches and the
 * structured lines the connector logs (`jobber_usage` with its Jobber stats, `report_cache` /
 * `get_data` with the cache outcome and whether the private copy answered), plus the costs the
 * FetchMonitor read from each answer.
 */
import { parse, print } from 'graphql';
import type { ExecutionResult, FetchRecord, LogLine } from '../runtime';
import type { FetchMonitor, GraphqlFacts } from './fetch-monitor';

/** The connector's own account of what an execution cost Jobber (src/jobber/api.ts ExecutionStats). */
export interface JobberUsage {
  readonly requests: number;
  readonly requestedQueryCost: number;
  readonly actualQueryCost: number;
  readonly throttledResponses: number;
  readonly waits: number;
  readonly waitedMs: number;
  readonly retries: number;
  readonly tokenRefreshes: number;
  /** By the connector's clock (the sandbox's virtual clock when there is one). */
  readonly durationMs: number;
}

export interface RequestView extends GraphqlFacts {
  readonly index: number;
  readonly kind: 'graphql' | 'token' | 'other';
  readonly method: string;
  /** Without the query string. */
  readonly url: string;
  /** Null when no answer came (network failure, refused URL). */
  readonly status: number | null;
  readonly ms: number;
  readonly responseBytes: number;
  readonly operationName?: string;
  /** Pretty-printed GraphQL. */
  readonly query?: string;
  readonly variables?: unknown;
  readonly grantType?: string;
}

export interface ExecutionReport {
  readonly executionId: number;
  readonly functionName: string;
  readonly ok: boolean;
  readonly elapsedMs: number;
  readonly virtualElapsedMs?: number;
  readonly usage: JobberUsage | null;
  /** hit, miss, bypass, … as the connector's report cache logged it; null when it said nothing. */
  readonly cache: string | null;
  /** Where getData's rows came from: the private copy, or Jobber live; null for other functions. */
  readonly answeredFrom: 'copy' | 'live' | null;
  readonly requests: readonly RequestView[];
  readonly logs: readonly LogLine[];
}

const USAGE_KEYS = [
  'requests',
  'requestedQueryCost',
  'actualQueryCost',
  'throttledResponses',
  'waits',
  'waitedMs',
  'retries',
  'tokenRefreshes',
  'durationMs',
] as const;

export function executionReport(
  functionName: string,
  result: ExecutionResult,
  monitor: FetchMonitor,
): ExecutionReport {
  const events = result.logs.map(structured);
  const usage = events.find((event) => event?.['event'] === 'jobber_usage');
  const dataLine = events.find((event) => event?.['event'] === 'get_data');
  const fromCopy = dataLine?.['source'] === 'copy';
  const cacheLine =
    events.find((event) => event?.['event'] === 'report_cache') ?? (fromCopy ? null : dataLine);
  const source = cacheLine?.['source'];
  return {
    executionId: result.executionId,
    functionName,
    ok: result.ok,
    elapsedMs: result.elapsedMs,
    ...(result.virtualElapsedMs === undefined ? {} : { virtualElapsedMs: result.virtualElapsedMs }),
    usage: usage ? usageOf(usage) : null,
    cache: typeof source === 'string' ? source : null,
    answeredFrom: dataLine ? (fromCopy ? 'copy' : 'live') : null,
    requests: result.fetches.map((record, index) => requestView(record, index + 1, monitor.factsOf(record))),
    logs: result.logs,
  };
}

function usageOf(line: Record<string, unknown>): JobberUsage {
  const numbers = USAGE_KEYS.map((key) => [key, typeof line[key] === 'number' ? line[key] : 0] as const);
  return Object.fromEntries(numbers) as unknown as JobberUsage;
}

function structured(line: LogLine): Record<string, unknown> | null {
  if (!line.message.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(line.message);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function requestView(record: FetchRecord, index: number, facts: GraphqlFacts | undefined): RequestView {
  const url = record.url.replace(/\?.*$/, '');
  const base = {
    index,
    method: record.method,
    url,
    status: record.status ?? null,
    ms: record.ms,
    responseBytes: record.responseBytes,
    ...facts,
  };
  if (url.endsWith('/api/graphql'))
    return { ...base, kind: 'graphql', ...graphqlRequest(record.requestBody) };
  if (url.endsWith('/api/oauth/token')) {
    const grantType = new URLSearchParams(record.requestBody ?? '').get('grant_type');
    return { ...base, kind: 'token', ...(grantType ? { grantType } : {}) };
  }
  return { ...base, kind: 'other' };
}

function graphqlRequest(
  body: string | undefined,
): Pick<RequestView, 'query' | 'variables' | 'operationName'> {
  try {
    const parsed = JSON.parse(body ?? '') as { query?: unknown; variables?: unknown };
    if (typeof parsed.query !== 'string') return {};
    const document = parse(parsed.query);
    const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
    const operationName = operation?.kind === 'OperationDefinition' ? operation.name?.value : undefined;
    return {
      query: print(document),
      variables: parsed.variables ?? {},
      ...(operationName ? { operationName } : {}),
    };
  } catch {
    return body ? { query: body } : {};
  }
}

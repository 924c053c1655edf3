/** A connection read against a simulated Jobber bucket, shared by the reader's specifications. */
import { ConnectorError } from '../../src/errors';
import type { ConnectionQuery, JsonObject } from '../../src/jobber/api';
import { RuntimeBudget } from '../../src/jobber/budget';
import { createJobberClient } from '../../src/jobber/client';
import { CostBucket, type BucketOptions } from './cost-bucket';
import { FakeClock, MemoryProperties } from '../support/platform-fakes';
import { FakeTokens, freshStats } from './fakes';

const DOCUMENT =
  'query Items($first: Int!, $after: String) { items(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }';

export function connection(costPerNode: number, fixedCost = 5): ConnectionQuery {
  return { document: DOCUMENT, variables: {}, path: ['items'], costPerNode, fixedCost };
}

/** The same connection, counting its nodes on the first page. */
export function counted(costPerNode: number, leastCostPerNode = costPerNode): ConnectionQuery {
  const countDocument = DOCUMENT.replace('endCursor } }', 'endCursor } totalCount }');
  return { ...connection(costPerNode), countDocument, leastCostPerNode };
}

/** A client whose every request is answered by a simulated Jobber bucket on a virtual clock. */
export function overBucket(options: BucketOptions, budgetMs = 300_000) {
  const clock = new FakeClock();
  const bucket = new CostBucket(clock, options);
  const sent: Array<{ query: string; variables: JsonObject }> = [];
  const http = {
    fetch: (request: Parameters<CostBucket['answer']>[0]) => {
      sent.push(JSON.parse(String(request.payload)) as { query: string; variables: JsonObject });
      return bucket.answer(request);
    },
  };
  const stats = freshStats();
  const startedAt = clock.now();
  const { api } = createJobberClient({
    http,
    clock,
    stats,
    tokens: new FakeTokens(),
    userProperties: new MemoryProperties(),
    graphqlUrl: 'https://jobber.test/api/graphql',
    budget: new RuntimeBudget(clock, startedAt, budgetMs),
  });
  return { api, bucket, clock, stats, sent, elapsedMs: () => clock.now() - startedAt };
}

export function errorOf(action: () => unknown): ConnectorError {
  try {
    action();
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

/** The benchmark's ideal: everything beyond the first full bucket restored at 500 points/s. */
export function idealMs(totalCost: number): number {
  return (Math.max(0, totalCost - 10_000) / 500) * 1000;
}

/**
 * Lets `change` rewrite the JSON body of each answer (`call` counts from 1) before the client sees
 * it, as a proxy between the connector and Jobber would.
 */
export function tamper(bucket: CostBucket, change: (body: JsonObject, call: number) => JsonObject): void {
  const original = bucket.answer.bind(bucket);
  let calls = 0;
  bucket.answer = (request) => {
    const response = original(request);
    calls += 1;
    return { ...response, body: JSON.stringify(change(JSON.parse(response.body) as JsonObject, calls)) };
  };
}

/** The `items` connection of an answer, to change in place. */
export function itemsOf(body: JsonObject): JsonObject {
  const data = body['data'] as JsonObject;
  return data['items'] as JsonObject;
}

/**
 * Reading Jobber's schema the way the connector reaches Jobber: POST /api/graphql with a Bearer
 * token and the pinned X-JOBBER-GRAPHQL-VERSION, the standard introspection query. The token is
 * sent and never printed.
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { API_VERSION_HEADER, JOBBER_API_VERSION } from '../../src/jobber/endpoints';
import { parseJsonObject, type JsonObject } from '../../src/json';

export interface IntrospectedSchema {
  readonly schema: GraphQLSchema;
  /** The version Jobber says it answered as (a removed version is upgraded: docs/jobber-api.md §3.2). */
  readonly version: string | undefined;
  readonly warning: string | undefined;
}

export async function introspect(baseUrl: string, accessToken: string): Promise<IntrospectedSchema> {
  const response = await fetch(`${baseUrl}/api/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${accessToken}`,
      [API_VERSION_HEADER]: JOBBER_API_VERSION,
    },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const text = await response.text();
  const body = parseJsonObject(text);
  const data = body?.data as IntrospectionQuery | undefined;
  if (response.status !== 200 || !data?.__schema)
    throw new Error(
      `Jobber did not return its schema (HTTP ${response.status}): ${describeErrors(body) ?? text.slice(0, 200)}`,
    );
  const versioning = (body?.extensions as { versioning?: { version?: string; warning?: string } } | undefined)
    ?.versioning;
  return { schema: buildClientSchema(data), version: versioning?.version, warning: versioning?.warning };
}

function describeErrors(body: JsonObject | undefined): string | undefined {
  if (!body) return undefined;
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const messages = errors
    .map((error) => (error as { message?: unknown }).message)
    .filter((m) => typeof m === 'string');
  if (messages.length > 0) return messages.join('; ');
  return typeof body.message === 'string' ? body.message : undefined;
}

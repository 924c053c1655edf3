/**
 * The `malformedPage` fault: the normal answer with one part of its page changed, as a proxy or a
 * glitch in Jobber could send it. Untrusted answers must end in a retry or a clear error in the
 * connector, never in fewer rows.
 */
import type { PageShapeFault } from '../control-types';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `body` (a GraphQL answer `{ data, extensions }`) with its page changed as `shape` says. */
export function reshapePage(body: Json, shape: PageShapeFault): Json {
  const data = body.data;
  if (!isObject(data)) return body;
  if (shape === 'nullRoot') {
    const [root] = Object.keys(data);
    return root === undefined ? body : { ...body, data: { ...data, [root]: null } };
  }
  const found = firstConnection(data);
  if (!found) return body;
  const { parent, key, connection } = found;
  const pageInfo = isObject(connection.pageInfo) ? connection.pageInfo : {};
  switch (shape) {
    case 'nullConnection':
      parent[key] = null;
      break;
    case 'nullNodes': {
      const nodes = Array.isArray(connection.nodes) ? connection.nodes : [];
      connection.nodes = nodes.map((node, index) => (index >= nodes.length - 2 ? null : node));
      break;
    }
    case 'noPageInfo':
      delete connection.pageInfo;
      break;
    case 'noHasNextPage':
      delete pageInfo.hasNextPage;
      break;
    case 'endsEarly':
      pageInfo.hasNextPage = false;
      break;
  }
  return body;
}

interface Found {
  readonly parent: Json;
  readonly key: string;
  readonly connection: Json;
}

/** The first object with a `nodes` list, depth first in the answer's order. */
function firstConnection(value: Json): Found | undefined {
  for (const [key, child] of Object.entries(value)) {
    if (!isObject(child)) continue;
    if (Array.isArray(child.nodes)) return { parent: value, key, connection: child };
    const inner = firstConnection(child);
    if (inner) return inner;
  }
  return undefined;
}

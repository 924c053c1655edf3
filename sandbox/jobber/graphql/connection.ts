import { GraphQLError } from 'graphql';

/** Jobber's (and graphql-ruby's) relay arguments. */
export interface ConnectionArgs {
  readonly first?: number | null;
  readonly last?: number | null;
  readonly after?: string | null;
  readonly before?: string | null;
}

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

export interface Connection<T> {
  readonly nodes: readonly T[];
  readonly edges: readonly Edge<T>[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
  readonly totalCount: number;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 100;

/**
 * One page of a list. Cursors are opaque but carry a fingerprint of the list they came from
 * (collection, parent, filter, sort): a cursor from another list is rejected, not silently reused.
 */
export function paginate<T>(items: readonly T[], args: ConnectionArgs, scope: string): Connection<T> {
  const fingerprint = hash(scope);
  let start = args.after ? cursorIndex(args.after, fingerprint) + 1 : 0;
  let end = args.before ? cursorIndex(args.before, fingerprint) : items.length;
  start = Math.min(Math.max(0, start), items.length);
  end = Math.max(start, Math.min(end, items.length));
  const first = checkedSize(args.first, 'first');
  const last = checkedSize(args.last, 'last');
  if (first !== undefined) end = Math.min(end, start + first);
  if (last !== undefined) start = Math.max(start, end - last);
  if (first === undefined && last === undefined) end = Math.min(end, start + DEFAULT_PAGE_SIZE);
  const nodes = items.slice(start, end);
  const edges = nodes.map((node, offset) => ({ cursor: encodeCursor(fingerprint, start + offset), node }));
  return {
    nodes,
    edges,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: items.length,
  };
}

function checkedSize(value: number | null | undefined, name: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value < 0) throw new GraphQLError(`Argument '${name}' must be 0 or more (got ${value})`);
  if (value > MAX_PAGE_SIZE) {
    throw new GraphQLError(`Argument '${name}' must be at most ${MAX_PAGE_SIZE} (got ${value})`);
  }
  return value;
}

export function encodeCursor(fingerprint: string, index: number): string {
  return Buffer.from(`${fingerprint}:${index}`).toString('base64url');
}

/** The position a cursor points at in its list, or undefined for a cursor of another list. */
export function decodeCursor(cursor: string): { fingerprint: string; index: number } | undefined {
  const match = /^([0-9a-z]+):(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1] || match[2] === undefined) return undefined;
  return { fingerprint: match[1], index: Number(match[2]) };
}

function cursorIndex(cursor: string, fingerprint: string): number {
  const decoded = decodeCursor(cursor);
  if (!decoded || decoded.fingerprint !== fingerprint) {
    throw new GraphQLError(
      `Invalid cursor ${JSON.stringify(cursor)}: it does not belong to this list and its arguments`,
    );
  }
  return decoded.index;
}

/** FNV-1a, 32 bits, base 36: a short stable fingerprint. */
export function hash(text: string): string {
  let state = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    state ^= text.charCodeAt(index);
    state = Math.imul(state, 0x01000193);
  }
  return (state >>> 0).toString(36);
}

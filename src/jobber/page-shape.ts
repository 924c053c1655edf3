/**
 * What a page of a connection must look like before the reader uses it. Jobber's answers are
 * untrusted: a null where the connection should be, null among the nodes, a missing `pageInfo` or
 * `hasNextPage`, more nodes than asked for, or a last page that ends short of the `totalCount` the
 * same answer gives are all `malformed` (the retry table decides; nothing partial is returned).
 */
import { JobberFailure } from '../errors';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';

export interface Page {
  readonly nodes: readonly JsonObject[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
  /** Jobber's totalCount, when the page asked for it. */
  readonly totalCount: number | null;
}

/** What the reader asked for, so the answer can be checked against it. */
export interface PageExpectation {
  /** Where the connection sits in `data`. */
  readonly path: readonly string[];
  /** The `first` sent: a page never holds more. */
  readonly first: number;
  /** The `after` sent: a next page must start somewhere else. */
  readonly after: string | null;
  /** The page asked for totalCount. */
  readonly counted: boolean;
  /** Nodes read before this page. */
  readonly readBefore: number;
}

/** The page at `expected.path` in `data`, or a `malformed` JobberFailure saying what is wrong. */
export function pageAt(data: JsonObject, expected: PageExpectation): Page {
  const where = expected.path.join('.');
  const connection = connectionAt(data, expected.path);
  const { nodes, pageInfo, totalCount } = connection;
  if (!Array.isArray(nodes)) throw malformed(`${where} without nodes`);
  if (!nodes.every(isJsonObject)) throw malformed(`${where} has null (or non-object) nodes`);
  if (nodes.length > expected.first)
    throw malformed(`${where} holds ${nodes.length} nodes, more than the ${expected.first} asked for`);
  if (!isJsonObject(pageInfo) || typeof pageInfo.hasNextPage !== 'boolean')
    throw malformed(`${where} without pageInfo.hasNextPage`);
  const endCursor = typeof pageInfo.endCursor === 'string' ? pageInfo.endCursor : null;
  const page: Page = {
    nodes,
    hasNextPage: pageInfo.hasNextPage,
    endCursor,
    totalCount: expected.counted ? countOf(totalCount, where) : null,
  };
  checkContinuation(page, expected, where);
  return page;
}

function connectionAt(data: JsonObject, path: readonly string[]): JsonObject {
  let value: JsonValue | undefined = data;
  for (const [depth, key] of path.entries()) {
    if (!isJsonObject(value)) break;
    value = value[key];
    if (value === null || value === undefined)
      throw malformed(`${value === null ? 'null' : 'nothing'} at ${path.slice(0, depth + 1).join('.')}`);
  }
  if (!isJsonObject(value)) throw malformed(`no connection at ${path.join('.')}`);
  return value;
}

function countOf(value: JsonValue | undefined, where: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw malformed(`${where} without the totalCount it was asked for`);
}

/** A page that says there is more must say where it ends; a last page must hold what it counts. */
function checkContinuation(page: Page, expected: PageExpectation, where: string): void {
  if (page.hasNextPage) {
    if (page.endCursor === null) throw malformed(`${where}: hasNextPage without an endCursor`);
    if (page.nodes.length === 0) throw malformed(`${where}: hasNextPage on a page without nodes`);
    if (page.endCursor === expected.after)
      throw malformed(`${where}: the next page starts where this one did`);
    return;
  }
  const read = expected.readBefore + page.nodes.length;
  if (page.totalCount !== null && read < page.totalCount)
    throw malformed(`${where}: the last page ends at ${read} nodes, but totalCount says ${page.totalCount}`);
}

function malformed(what: string): JobberFailure {
  return new JobberFailure('malformed', what);
}

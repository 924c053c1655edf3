/**
 * The replica's reads (src/replica/port.ts) through the one connection reader: every read of the
 * private copy paces, retries, budgets and checks its pages like any other Jobber read, and long
 * nested lists are completed the same way (fetch-table.ts).
 */
import { buildPathQuery, findObject, pathsCost, type CatalogObject, type ObjectQuery } from '../catalog';
import { failureToConnectorError, JobberFailure } from '../errors';
import type { JobberApi, ReadOptions } from '../jobber';
import { isJsonObject, type JsonObject } from '../json';
import type { JobberPort } from '../replica';
import { completeNested } from './fetch-table';

/** The part of the budget kept for saving the replica after its reads. */
export const SAVE_RESERVE_MS = 30_000;
/** Records per page at most (Jobber's default page), and a page's own cost besides its records. */
const PAGE_RECORDS = 100;
const PAGE_COST = 5;

export function jobberPort(api: JobberApi, object: CatalogObject): JobberPort {
  return {
    read: (request) => {
      const query = buildPathQuery(object, request.paths, request.filter, {
        sorted: request.newestFirst !== undefined,
      });
      const options: ReadOptions = {
        ...(request.newestFirst
          ? { sort: request.newestFirst.sort, stopWhen: request.newestFirst.stopAfter }
          : {}),
        ...(request.onPage ? { onPage: request.onPage } : {}),
      };
      return readWhole(api, query, options);
    },
    readRelated: (objectId, paths, filter) => {
      const related = findObject(objectId);
      if (!related) throw new Error(`no catalog object ${objectId}`);
      return readWhole(api, buildPathQuery(related, paths, filter));
    },
    count: (filter) => {
      const root = buildPathQuery(object, ['__typename'], filter).root;
      const data = api.query({
        query: root.countDocument ?? root.document,
        variables: { ...root.variables, first: 1, after: null },
        estimatedCost: root.fixedCost + root.costPerNode + 1,
      });
      const connection = data[object.root.connection];
      const total = isJsonObject(connection) ? connection['totalCount'] : undefined;
      if (typeof total !== 'number' || !Number.isInteger(total) || total < 0)
        throw failureToConnectorError(
          new JobberFailure('malformed', `${object.id}: a count without totalCount`),
        );
      return total;
    },
    reachablePoints: () => api.reachablePoints(SAVE_RESERVE_MS),
    costOf: (paths, records) =>
      records * pathsCost(paths) + Math.max(1, Math.ceil(records / PAGE_RECORDS)) * PAGE_COST,
  };
}

/** Every record the query reads, its nested lists completed, as the replica keeps it. */
function readWhole(api: JobberApi, query: ObjectQuery, options: ReadOptions = {}): JsonObject[] {
  const nodes = api.readConnection(query.root, options).nodes;
  return completeNested(api, query.nested, nodes).map(withoutPageInfo);
}

/** A record's nested lists as the replica keeps them: the items, without the page's cursor. */
function withoutPageInfo(node: JsonObject): JsonObject {
  const kept: JsonObject = {};
  for (const [key, value] of Object.entries(node))
    kept[key] = isJsonObject(value) && Array.isArray(value['nodes']) ? { nodes: value['nodes'] } : value;
  return kept;
}

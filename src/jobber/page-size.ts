/** Jobber returns at most 100 nodes per page (its default); asking for more is an error. */
export const MAX_PAGE_SIZE = 100;

/** requestedQueryCost of one page: the fixed part plus `first` nodes (jobber-api.md §5.4). */
export function pageCost(first: number, costPerNode: number, fixedCost: number): number {
  // The epsilon absorbs float noise from a calibrated (fractional) cost per node: 1001.0000000001 is 1001.
  return Math.ceil(fixedCost + first * costPerNode - 1e-6);
}

/**
 * The largest page whose requested cost fits in the bucket: at most 100 nodes, fewer when nodes
 * are wide. 0 means not even one node fits.
 */
export function pageSizeFor(costPerNode: number, fixedCost: number, maximumAvailable: number): number {
  if (costPerNode <= 0) return MAX_PAGE_SIZE;
  let first = Math.min(MAX_PAGE_SIZE, Math.floor((maximumAvailable - fixedCost) / costPerNode));
  while (first > 0 && pageCost(first, costPerNode, fixedCost) > maximumAvailable) first -= 1;
  return Math.max(0, first);
}

/**
 * The cost per node implied by the requestedQueryCost Jobber reported for a page of `first` nodes,
 * keeping the fixed part. Falls back to the estimate when the report cannot be explained.
 */
export function calibratedCostPerNode(
  reportedCost: number,
  first: number,
  fixedCost: number,
  estimate: number,
): number {
  if (first <= 0) return estimate;
  const perNode = (reportedCost - fixedCost) / first;
  return perNode > 0 ? perNode : estimate;
}

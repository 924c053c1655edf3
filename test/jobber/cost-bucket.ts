import type { HttpRequest, HttpResponse } from '../../src/platform/platform';
import type { FakeClock } from '../support/platform-fakes';
import { costExtension, jsonResponse } from './fakes';

export interface BucketOptions {
  /** Nodes in the connection. */
  total: number;
  /** Jobber's true cost of one node and of the rest of the document. */
  costPerNode: number;
  fixedCost: number;
  /** What a returned node is charged, when less than requested (nested lists shorter than `first`). */
  actualCostPerNode?: number;
  maximum?: number;
  restoreRate?: number;
  /** Points another client takes from the bucket just before our n-th request (1-based). */
  drainsBefore?: Readonly<Record<number, number>>;
  /** Other clients reading at the same time: before each of our requests they take bites of this size while they fit. */
  competitorBite?: number;
  /** Points the other clients read in all; they stop biting once they have (default: never). */
  competitorTotal?: number;
}

/**
 * Jobber's leaky bucket in miniature, on the fake clock, serving one connection at `items`:
 * THROTTLED when requested > available, otherwise the page, charged its actual cost.
 */
export class CostBucket {
  readonly requestedCosts: number[] = [];
  throttled = 0;
  private competitorRead = 0;
  private available: number;
  private updatedAt: number;

  constructor(
    private readonly clock: FakeClock,
    private readonly options: BucketOptions,
  ) {
    this.available = this.maximum;
    this.updatedAt = clock.now();
  }

  get maximum(): number {
    return this.options.maximum ?? 10_000;
  }

  answer(request: HttpRequest): HttpResponse {
    this.refill();
    const drain = this.options.drainsBefore?.[this.requestedCosts.length + 1] ?? 0;
    this.available = Math.max(0, this.available - drain);
    const bite = this.options.competitorBite;
    if (bite && this.competitorRead < (this.options.competitorTotal ?? Number.POSITIVE_INFINITY)) {
      const taken = Math.floor(this.available / bite) * bite;
      this.available -= taken;
      this.competitorRead += taken;
    }
    const { query, variables } = JSON.parse(String(request.payload)) as {
      query: string;
      variables: { first: number; after: string | null };
    };
    const counting = query.includes('totalCount');
    const fixedCost = this.options.fixedCost + (counting ? 1 : 0);
    const requested = fixedCost + variables.first * this.options.costPerNode;
    this.requestedCosts.push(requested);
    if (requested > this.available) {
      this.throttled += 1;
      return jsonResponse({
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
        extensions: this.extension(requested, 0),
      });
    }
    const start = variables.after === null ? 0 : Number(variables.after);
    const end = Math.min(this.options.total, start + variables.first);
    const actual = fixedCost + (end - start) * (this.options.actualCostPerNode ?? this.options.costPerNode);
    this.available -= actual;
    const nodes = Array.from({ length: end - start }, (_, index) => ({ id: String(start + index) }));
    const pageInfo = { hasNextPage: end < this.options.total, endCursor: String(end) };
    const items = counting ? { nodes, pageInfo, totalCount: this.options.total } : { nodes, pageInfo };
    return jsonResponse({ data: { items }, extensions: this.extension(requested, actual) });
  }

  private refill(): void {
    const now = this.clock.now();
    const restoreRate = this.options.restoreRate ?? 500;
    this.available = Math.min(this.maximum, this.available + ((now - this.updatedAt) * restoreRate) / 1000);
    this.updatedAt = now;
  }

  private extension(requested: number, actual: number) {
    return costExtension({
      requested,
      actual,
      available: Math.floor(this.available),
      maximum: this.maximum,
      restoreRate: this.options.restoreRate ?? 500,
    });
  }
}

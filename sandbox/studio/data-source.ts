import { ContractViolation, LookerUserError } from './errors';
import { chartRequest } from './requests';
import type {
  ChartSpec,
  ConfigParams,
  ConfigResponse,
  GetDataRequest,
  GetDataResponse,
  SchemaField,
} from './types';

export type ChartOutcome =
  | { readonly chart: ChartSpec; readonly request: GetDataRequest; readonly response: GetDataResponse }
  | { readonly chart: ChartSpec; readonly request: GetDataRequest; readonly userError: LookerUserError };

/** What a data source asks of Looker Studio: the clock, the report's today, and getData. */
export interface ChartRunner {
  /** The runtime's clock (virtual or real), in ms. */
  now(): number;
  /** Today in the report's time zone (YYYY-MM-DD). */
  today(): string;
  getData(request: GetDataRequest, schema: readonly SchemaField[]): Promise<GetDataResponse>;
}

/** A configured data source: its config values and schema, and the charts that read it. */
export class DataSource {
  /**
   * Looker Studio sends the same `scriptParams.lastRefresh` with every request until the data is
   * refreshed (by the user, or when the data source's freshness interval runs out).
   */
  private lastRefresh: number;

  constructor(
    private readonly studio: ChartRunner,
    readonly configParams: ConfigParams,
    readonly config: ConfigResponse,
    readonly schema: readonly SchemaField[],
  ) {
    this.lastRefresh = studio.now();
  }

  /** What "Refresh data" does in Looker Studio: later requests carry a newer lastRefresh. */
  refreshData(): void {
    this.lastRefresh = Math.max(this.lastRefresh + 1, this.studio.now());
  }

  field(name: string): SchemaField {
    const field = this.schema.find((candidate) => candidate.name === name);
    if (!field) throw new Error(`No field ${name} in the schema`);
    return field;
  }

  /** The request Looker Studio would send for this chart. */
  request(chart: ChartSpec): GetDataRequest {
    const { configParams, config, schema } = this;
    return chartRequest(chart, {
      configParams,
      config,
      schema,
      lastRefresh: this.lastRefresh,
      today: this.studio.today(),
    });
  }

  getData(chart: ChartSpec): Promise<GetDataResponse> {
    return this.studio.getData(this.request(chart), this.schema);
  }

  /**
   * A report page: one getData per chart, all at once, as Looker Studio issues them. Each chart
   * gets its data or its user error; any contract violation fails the whole page, loudly.
   */
  async dashboard(charts: readonly ChartSpec[]): Promise<ChartOutcome[]> {
    const requests = charts.map((chart) => this.request(chart));
    const settled = await Promise.allSettled(
      requests.map((request) => this.studio.getData(request, this.schema)),
    );
    const violations: string[] = [];
    const outcomes = settled.map((result, index): ChartOutcome | null => {
      const chart = charts[index] ?? { fields: [] };
      const request = requests[index] as GetDataRequest;
      if (result.status === 'fulfilled') return { chart, request, response: result.value };
      if (result.reason instanceof LookerUserError) return { chart, request, userError: result.reason };
      if (result.reason instanceof ContractViolation)
        violations.push(
          ...result.reason.problems.map((problem) => `chart ${chart.name ?? index}: ${problem}`),
        );
      else throw result.reason;
      return null;
    });
    if (violations.length > 0) throw new ContractViolation('getData', violations);
    return outcomes.filter((outcome): outcome is ChartOutcome => outcome !== null);
  }
}

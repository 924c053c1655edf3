/**
 * One Google user walking the connector as in Looker Studio, through the Looker Studio driver (so
 * every answer is checked against the contract): authorize, configure step by step, connect
 * (getSchema), run charts (getData). Every step returns what the connector answered or the error
 * as Looker Studio would show it, with a report of each execution it took.
 */
import type { ConsentChoice } from '../jobber/control-types';
import {
  ContractViolation,
  createStudio,
  DataSource,
  defaultDateRange,
  LookerUserError,
  type ConfigParams,
  type ConfigResponse,
  type DateRange,
  type GetDataResponse,
  type LookerStudio,
  type SchemaField,
} from '../studio';
import { encodeAnswers } from '../studio/validate-config';
import type { Backend } from './backend';
import { executionReport, type ExecutionReport } from './execution-report';
import type { ExecutionProgress } from './fetch-monitor';
import { progressLine } from './progress-line';

/** The Google account the playground runs the connector as. */
export const PLAYGROUND_USER = 'playground.user@example.com';
const ADMIN_EMAILS = 'ADMIN_EMAILS';

export type ShownError =
  /** What Looker Studio shows: the user text; the debug text only when isAdminUser() is true. */
  | { kind: 'user'; functionName: string; text: string; debugText?: string; admin: boolean }
  /** The connector broke the contract (Looker Studio would show an opaque error): a bug to fix. */
  | { kind: 'contract'; functionName: string; problems: readonly string[] }
  | { kind: 'failure'; message: string };

export type StepOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly reports: readonly ExecutionReport[] }
  | { readonly ok: false; readonly error: ShownError; readonly reports: readonly ExecutionReport[] };

export interface Connected {
  readonly configParams: ConfigParams;
  readonly dateRangeRequired: boolean;
  readonly defaultDateRange: DateRange;
  readonly schema: readonly SchemaField[];
}

export interface ChartQuery {
  readonly fields: readonly string[];
  readonly dateRange?: DateRange;
}

/** A getData under way, as the page shows it while it waits. */
export interface LoadProgress {
  readonly object: string;
  readonly elapsedMs: number;
  /** "invoices: 1,200 of 3,667 records · 12 pages · cost 16,860 · 1 min 05 s · waiting 12 s for…" */
  readonly line: string;
  readonly records: number;
  readonly total?: number;
}

/** Looker Studio runs one load of a data source at a time in the playground: a second waits its turn. */
export const LOAD_RUNNING_TEXT =
  'Data is already loading for this data source: wait for it to finish (one load at a time).';

export interface CallbackLanding {
  readonly page: { readonly html: string; readonly title: string } | null;
  readonly refusal?: string;
  readonly valid: boolean;
}

export class PlaygroundSession {
  readonly studio: LookerStudio;
  private source: DataSource | null = null;
  private load: { readonly source: DataSource; readonly startedAt: number } | null = null;
  private readonly authorizedListeners = new Set<() => void>();

  constructor(
    readonly backend: Backend,
    readonly user = PLAYGROUND_USER,
  ) {
    this.studio = createStudio(backend.runtime, user);
  }

  async status(): Promise<{ authorized: boolean; admin: boolean }> {
    return { authorized: await this.studio.isAuthValid(), admin: await this.studio.isAdminUser() };
  }

  /** Adds or removes this user in the ADMIN_EMAILS script property (other entries are kept). */
  setAdmin(admin: boolean): void {
    const { runtime } = this.backend;
    const others = (runtime.scriptProperties()[ADMIN_EMAILS] ?? '')
      .split(/[,\s;]+/)
      .filter((entry) => entry !== '' && entry.toLowerCase() !== this.user.toLowerCase());
    const listed = admin ? [...others, this.user] : others;
    runtime.setScriptProperty(ADMIN_EMAILS, listed.length > 0 ? listed.join(',') : null);
  }

  /** Looker Studio's side of "Authorize": returns the URL the browser opens. Sandbox: sets its consent first. */
  beginAuthorization(consent?: ConsentChoice): Promise<StepOutcome<string>> {
    return this.step(async () => {
      if (consent && this.backend.sandbox) await this.backend.sandbox.control.setConsent(consent);
      await this.studio.getAuthType();
      await this.studio.isAuthValid();
      return this.studio.get3PAuthorizationUrls();
    });
  }

  /** The browser landed on the script's /usercallback (Apps Script validates the state token first). */
  async completeAuthorization(callbackUrl: string): Promise<CallbackLanding> {
    const landing = await this.studio.deliverCallback(callbackUrl);
    this.source = null;
    const valid = await this.studio.isAuthValid();
    if (valid) for (const listener of this.authorizedListeners) listener();
    return { ...landing, valid };
  }

  /** Resolves when a browser completes the authorization through /usercallback. */
  whenAuthorized(): Promise<void> {
    return new Promise((resolve) => {
      const listener = (): void => {
        this.authorizedListeners.delete(listener);
        resolve();
      };
      this.authorizedListeners.add(listener);
    });
  }

  /** The whole dance without a browser: the sandbox consents and redirects at once (the CLI, tests). */
  async authorizeAutomatically(consent: ConsentChoice = { mode: 'approve' }): Promise<StepOutcome<boolean>> {
    return this.step(async () => {
      if (this.backend.sandbox) await this.backend.sandbox.control.setConsent(consent);
      const outcome = await this.studio.authorize();
      return outcome.valid;
    });
  }

  resetAuth(): Promise<StepOutcome<null>> {
    this.source = null;
    this.backend.monitor.forgetAccount(this.user);
    return this.step(async () => {
      await this.studio.resetAuth();
      return null;
    });
  }

  /**
   * One getConfig call, with the answers so far when the config is stepped. The data source is being
   * edited: the connected one is gone until Connect (its fields and rows belong to the old answers).
   */
  config(configParams?: ConfigParams): Promise<StepOutcome<ConfigResponse>> {
    this.source = null;
    return this.step(() => this.studio.getConfig(configParams));
  }

  /** The Jobber account this user connected, once the connector asked Jobber for it. */
  accountName(): string | undefined {
    return this.backend.monitor.accountName(this.user);
  }

  /** Creating the data source: getConfig with the final answers (checked against its options), then getSchema. */
  connect(configParams: ConfigParams): Promise<StepOutcome<Connected>> {
    this.source = null;
    return this.step(async () => {
      const config = await this.studio.getConfig(configParams);
      encodeAnswers(config, configParams);
      const { schema } = await this.studio.getSchema(configParams);
      this.source = new DataSource(this.studio, configParams, config, schema);
      return {
        configParams,
        dateRangeRequired: config.dateRangeRequired === true,
        defaultDateRange: defaultDateRange(this.studio.today()),
        schema,
      };
    });
  }

  /**
   * One chart's getData, as Looker Studio sends it; `refresh` is the report's "Refresh data". One at a
   * time per data source: a second one while the first runs is refused, not queued behind it.
   */
  async getData(chart: ChartQuery, refresh = false): Promise<StepOutcome<GetDataResponse>> {
    const source = this.source;
    if (source && this.load?.source === source)
      return { ok: false, error: { kind: 'failure', message: LOAD_RUNNING_TEXT }, reports: [] };
    if (source) this.load = { source, startedAt: Date.now() };
    try {
      return await this.step(async () => {
        if (!source) throw new Error('Connect a data source first');
        if (refresh) source.refreshData();
        return source.getData(chart);
      });
    } finally {
      if (this.load?.source === source) this.load = null;
    }
  }

  /** The load under way, with its progress line; null when none runs. */
  loadProgress(): LoadProgress | null {
    if (!this.load) return null;
    const object = String(this.load.source.configParams['object'] ?? 'data');
    const progress = this.backend.monitor
      .inFlight()
      .filter((running) => running.functionName === 'getData')
      .reduce<ExecutionProgress | undefined>(
        (latest, running) => (latest && latest.executionId > running.executionId ? latest : running),
        undefined,
      );
    const now = Date.now();
    const elapsedMs = now - this.load.startedAt;
    return {
      object,
      elapsedMs,
      line: progressLine(object, progress, elapsedMs, now),
      records: progress?.nodes ?? 0,
      ...(progress?.total === undefined ? {} : { total: progress.total }),
    };
  }

  private async step<T>(body: () => Promise<T>): Promise<StepOutcome<T>> {
    const first = this.studio.executions.length;
    const reports = (): ExecutionReport[] => this.reportsSince(first);
    try {
      const value = await body();
      return { ok: true, value, reports: reports() };
    } catch (error) {
      const shown = await this.shown(error);
      return { ok: false, error: shown, reports: reports() };
    }
  }

  private reportsSince(first: number): ExecutionReport[] {
    const { monitor } = this.backend;
    return this.studio.executions.slice(first).map((execution) => {
      monitor.forget(execution.result.executionId);
      return executionReport(execution.functionName, execution.result, monitor);
    });
  }

  /** As Looker Studio shows it: it asks isAdminUser() before showing the debug text. */
  private async shown(error: unknown): Promise<ShownError> {
    if (error instanceof LookerUserError) {
      const admin = await this.studio.isAdminUser().catch(() => false);
      const { functionName, text, debugText } = error;
      return { kind: 'user', functionName, text, admin, ...(admin && debugText ? { debugText } : {}) };
    }
    if (error instanceof ContractViolation)
      return { kind: 'contract', functionName: error.functionName, problems: error.problems };
    return { kind: 'failure', message: error instanceof Error ? error.message : String(error) };
  }
}

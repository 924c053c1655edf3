/**
 * One scenario's world: a runtime on the connector's bundle, a Looker Studio driver whose user has
 * authorized against the sandbox, and a data source on invoices by issued date. The sandbox is reset
 * after the authorization, so the scenario starts with a full cost bucket and an empty request log.
 */
import type { SandboxHandle } from '../sandbox/jobber/harness';
import { createRuntime, type ExecutionResult, type Runtime } from '../sandbox/runtime';
import {
  createStudio,
  type ChartSpec,
  type ConfigAnswer,
  type DataSource,
  type LookerStudio,
} from '../sandbox/studio';
import { runtimeOptions, type ConnectorSetup } from './connectors';
import { summarizeLog, type Upstream } from './upstream';

const REPORT_OWNER = 'owner@example.com';

export interface Session {
  readonly setup: ConnectorSetup;
  readonly sandbox: SandboxHandle;
  readonly runtime: Runtime;
  readonly studio: LookerStudio;
  readonly source: DataSource;
  close(): Promise<void>;
}

export type Outcome = 'ok' | 'user_error' | 'timeout' | 'failed';

/** One getData execution as the bench reports it. */
export interface ExecutionFigures {
  readonly outcome: Outcome;
  /** The user error or failure text (ours' budget error, Apps Script's time-out…). */
  readonly error?: string;
  /** The user error's debug text (ours: the error code and where the budget ran out). */
  readonly debugText?: string;
  readonly rows: number;
  readonly virtualSeconds: number;
  readonly busyMs: number;
  readonly realMs: number;
}

export interface ChartRun extends ExecutionFigures {
  readonly upstream: Upstream;
}

export async function openSession(sandbox: SandboxHandle, setup: ConnectorSetup): Promise<Session> {
  const runtime = createRuntime(runtimeOptions(setup, sandbox));
  const close = (): Promise<void> => runtime.close();
  try {
    const studio = createStudio(runtime, REPORT_OWNER);
    await sandbox.control.setConsent({ mode: 'approve' });
    const authorization = await studio.authorize();
    if (!authorization.valid) throw new Error(`${setup.connector} did not get authorized`);
    const source = await studio.connect(configAnswers(setup));
    await sandbox.control.reset();
    if (setup.startingBucket !== undefined)
      await sandbox.control.setThrottleBudget(sandbox.demo.accountId, setup.startingBucket);
    return { setup, sandbox, runtime, studio, source, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function configAnswers(setup: ConnectorSetup): Record<string, ConfigAnswer> {
  if (setup.connector === 'naive') return {};
  return {
    object: setup.source?.object ?? 'invoices',
    dateField: setup.source?.dateField ?? 'issuedDate',
    cacheMinutes: String(setup.cacheMinutes ?? 0),
    privateCopy: String(setup.privateCopy ?? false),
  };
}

/** One chart, the way Looker Studio asks for it; failures are figures, not exceptions. */
export async function runChart(session: Session, chart: ChartSpec): Promise<ChartRun> {
  const started = session.studio.executions.length;
  try {
    await session.source.getData(chart);
  } catch {
    // The execution below says what happened (user error, time-out, contract violation).
  }
  const execution = getDataExecutions(session, started)[0];
  if (!execution) throw new Error('getData did not run');
  return { ...figures(execution), upstream: summarizeLog(await session.sandbox.control.requests.list()) };
}

export function getDataExecutions(session: Session, from: number): ExecutionResult[] {
  return session.studio.executions
    .slice(from)
    .filter((execution) => execution.functionName === 'getData')
    .map((execution) => execution.result);
}

export function figures(execution: ExecutionResult): ExecutionFigures {
  const rows = execution.ok ? rowCount(execution.value) : 0;
  const error = execution.error;
  return {
    outcome: outcomeOf(execution),
    ...(error ? { error: error.text } : {}),
    ...(error?.debugText ? { debugText: error.debugText } : {}),
    rows,
    virtualSeconds: (execution.virtualElapsedMs ?? 0) / 1000,
    busyMs: execution.busyMs,
    realMs: execution.elapsedMs,
  };
}

function outcomeOf(execution: ExecutionResult): Outcome {
  if (execution.ok) return 'ok';
  const kind = execution.error?.kind;
  return kind === 'user' ? 'user_error' : kind === 'timeout' ? 'timeout' : 'failed';
}

function rowCount(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const rows = (value as { rows?: unknown }).rows;
  return Array.isArray(rows) ? rows.length : 0;
}

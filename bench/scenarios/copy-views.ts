/**
 * How the private copy's scenarios look at one chart: a view (one getData, its requests by purpose
 * from Jobber's request log), a first view (refreshed at once after each progress error until the
 * chart answers), and the size of the copy the user's Drive and cache hold.
 */
import type { RequestLogEntry } from '../../sandbox/jobber/control-types';
import { FRESH_MS } from '../../src/replica/replicas';
import {
  isLookerUserError,
  type ChartSpec,
  type DataSource,
  type GetDataResponse,
} from '../../sandbox/studio';
import type { ConnectorSetup } from '../connectors';
import type { ChartPlan, ObjectReads } from '../copy-bounds';
import { figures, getDataExecutions, type ExecutionFigures, type Session } from '../session';
import { summarizeLog, type Upstream } from '../upstream';

/**
 * What a copy's request to Jobber was for (classified from the request log): a read of what changed
 * since the watermark, a read of a date range (a backfill's slice, a clock window, the nested pages
 * they complete), a related object's changes (clients), or a count.
 */
export type ReadKind = 'changes' | 'ranges' | 'related' | 'count';
export type ReadBreakdown = Readonly<Record<ReadKind, { readonly requests: number; readonly cost: number }>>;

/** One getData as the scenarios report it; the request log is the sandbox's since its last reset. */
export interface View extends ExecutionFigures {
  readonly upstream: Upstream;
  readonly reads: ReadBreakdown;
}

export interface MeasuredView {
  readonly view: View;
  /** The answer (kept out of results.json); undefined when the chart got an error. */
  readonly response?: GetDataResponse;
}

export async function measureView(
  session: Session,
  source: DataSource,
  chart: ChartSpec,
  reads: ObjectReads,
): Promise<MeasuredView> {
  const from = session.studio.executions.length;
  let response: GetDataResponse | undefined;
  try {
    response = await source.getData(chart);
  } catch {
    // The execution below says what happened.
  }
  const execution = getDataExecutions(session, from)[0];
  if (!execution) throw new Error('getData did not run');
  const log = await session.sandbox.control.requests.list();
  const view = { ...figures(execution), upstream: summarizeLog(log), reads: breakdown(log, reads) };
  return response ? { view, response } : { view };
}

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export interface FirstView {
  /** 'unfinished': no answer within the profile's number of refreshes. */
  readonly outcome: ExecutionFigures['outcome'] | 'unfinished';
  /** A failure that is not the copy's progress error. */
  readonly error?: string;
  /** The first progress error, as the user reads it. */
  readonly firstProgress?: string;
  readonly progress: readonly Progress[];
  readonly executions: number;
  readonly rows: number;
  /** From the first getData's start to the answering one's end, on the sandbox clock. */
  readonly virtualSeconds: number;
  /** Sum over the executions. */
  readonly busyMs: number;
  readonly upstream: Upstream;
  readonly reads: ReadBreakdown;
  /** Records the copy held at its last sync (for line items: their invoices). */
  readonly recordsHeld: number;
}

const PROGRESS = /^Reading your Jobber history for the first time: ([\d,]+) of ([\d,]+) .* so far\./;

/** getData, refreshed at once after each progress error (as an eager user would), until it answers. */
export async function firstView(
  session: Session,
  source: DataSource,
  chart: ChartSpec,
  options: { readonly reads: ObjectReads; readonly maxExecutions: number; readonly startingBucket?: number },
): Promise<{ readonly first: FirstView; readonly response?: GetDataResponse }> {
  const { sandbox } = session;
  if (options.startingBucket !== undefined)
    await sandbox.control.setThrottleBudget(sandbox.demo.accountId, options.startingBucket);
  const from = session.studio.executions.length;
  const clockBefore = (await sandbox.control.clock.now()).now;
  const refreshed = await refreshUntilAnswered(session, source, chart, options.maxExecutions);
  const { response, error, progress } = refreshed;
  const clockAfter = (await sandbox.control.clock.now()).now;
  const executions = getDataExecutions(session, from);
  const last = executions[executions.length - 1];
  const log = await sandbox.control.requests.list();
  const first: FirstView = {
    outcome: response ? 'ok' : last && error ? figures(last).outcome : 'unfinished',
    ...(error ? { error } : {}),
    ...(refreshed.firstProgress ? { firstProgress: refreshed.firstProgress } : {}),
    progress,
    executions: executions.length,
    rows: response?.rows.length ?? 0,
    virtualSeconds: (clockAfter - clockBefore) / 1000,
    busyMs: executions.reduce((sum, execution) => sum + execution.busyMs, 0),
    upstream: summarizeLog(log),
    reads: breakdown(log, options.reads),
    recordsHeld: recordsHeld(executions.map((execution) => execution.logs)),
  };
  return response ? { first, response } : { first };
}

interface Refreshed {
  readonly response?: GetDataResponse;
  /** A failure that is not the copy's progress error. */
  readonly error?: string;
  readonly firstProgress?: string;
  readonly progress: readonly Progress[];
}

/** getData until it answers, fails otherwise, or `maxExecutions` progress errors came back. */
async function refreshUntilAnswered(
  session: Session,
  source: DataSource,
  chart: ChartSpec,
  maxExecutions: number,
): Promise<Refreshed> {
  const { clock } = session.sandbox.control;
  const progress: Progress[] = [];
  let firstProgress: string | undefined;
  while (progress.length < maxExecutions) {
    const startedAt = (await clock.now()).now;
    try {
      return { response: await source.getData(chart), progress, ...(firstProgress ? { firstProgress } : {}) };
    } catch (thrown) {
      const text = isLookerUserError(thrown) ? thrown.text : String(thrown);
      const match = PROGRESS.exec(text);
      if (!match) return { error: text, progress, ...(firstProgress ? { firstProgress } : {}) };
      firstProgress ??= text;
      progress.push({ done: integer(match[1]), total: integer(match[2]) });
      const gap = refreshGapMs(startedAt, (await clock.now()).now);
      if (gap > 0) await clock.advance(gap);
    }
  }
  return { progress, ...(firstProgress ? { firstProgress } : {}) };
}

/**
 * A chart arriving within FRESH_MS of a sync's start is answered from that sync (one sync serves a
 * dashboard's burst of charts), so a refresh that soon after an unfinished sync would only repeat
 * its progress. Executions of the real budget last minutes: the gap is then zero.
 */
function refreshGapMs(startedAt: number, endedAt: number): number {
  return Math.max(0, startedAt + FRESH_MS + 1_000 - endedAt);
}

function integer(text: string | undefined): number {
  return Number((text ?? '').replace(/,/g, ''));
}

/** The record count of the last sync a log tells of (replica_synced or a checkpoint). */
function recordsHeld(logs: ReadonlyArray<ReadonlyArray<{ readonly message: string }>>): number {
  let records = 0;
  for (const lines of logs)
    for (const line of lines) {
      const match = /"event":"replica_(?:synced|checkpoint)".*"records":(\d+)/.exec(line.message);
      if (match) records = Number(match[1]);
    }
  return records;
}

export function breakdown(log: readonly RequestLogEntry[], reads: ObjectReads): ReadBreakdown {
  const result: Record<ReadKind, { requests: number; cost: number }> = {
    changes: { requests: 0, cost: 0 },
    ranges: { requests: 0, cost: 0 },
    related: { requests: 0, cost: 0 },
    count: { requests: 0, cost: 0 },
  };
  for (const entry of log) {
    if (entry.endpoint !== 'graphql') continue;
    const kind = kindOf(entry, reads);
    result[kind].requests += 1;
    result[kind].cost += entry.actualCost ?? 0;
  }
  return result;
}

function kindOf(entry: RequestLogEntry, reads: ObjectReads): ReadKind {
  if (!(entry.operationName ?? '').startsWith(reads.operationPrefix)) return 'related';
  if (/nodes\s*\{\s*__typename\s*\}/.test(entry.query ?? '')) return 'count';
  if (entry.variables?.['sort'] !== undefined) return 'changes';
  const filter = entry.variables?.['filter'];
  const ranges = typeof filter === 'object' && filter !== null ? Object.entries(filter) : [];
  const since = ranges.some(
    ([key, range]) =>
      reads.changeArguments.includes(key) &&
      typeof range === 'object' &&
      range !== null &&
      !('before' in range),
  );
  return since ? 'changes' : 'ranges';
}

/** What one copy takes: gzip bytes in the user's Drive app data, base64 characters in the user cache. */
export interface ReplicaSize {
  readonly records: number;
  readonly driveFiles: number;
  readonly driveGzipBytes: number;
  readonly cachePieces: number;
  readonly cacheBase64Chars: number;
  /** The same per 10,000 records held; null without records. */
  readonly per10k: { readonly driveGzipBytes: number; readonly cacheBase64Chars: number } | null;
}

/** The sizes of the one copy a session's user holds (each scenario's session holds one). */
export function replicaSize(session: Session, records: number): ReplicaSize {
  const user = session.studio.user;
  const files = session.runtime.drive.files(user);
  const shards = files.filter((file) => file.name.endsWith('.gz'));
  const driveGzipBytes = shards.reduce((sum, file) => sum + file.size, 0);
  const heads = Object.entries(session.runtime.userCache(user))
    .filter(([key]) => key.startsWith('jrr1:') && key.endsWith(':h'))
    .map(([, value]) => JSON.parse(value) as { pieces?: number; characters?: number });
  const cachePieces = heads.reduce((sum, head) => sum + (head.pieces ?? 0), 0);
  const cacheBase64Chars = heads.reduce((sum, head) => sum + (head.characters ?? 0), 0);
  const scale = records > 0 ? 10_000 / records : null;
  return {
    records,
    driveFiles: files.length,
    driveGzipBytes,
    cachePieces,
    cacheBase64Chars,
    per10k:
      scale === null
        ? null
        : { driveGzipBytes: driveGzipBytes * scale, cacheBase64Chars: cacheBase64Chars * scale },
  };
}

/** A session whose data source reads through the private copy (the report cache is off). */
export function copySetup(plan: ChartPlan, limit: ConnectorSetup['limit']): ConnectorSetup {
  return {
    connector: 'ours',
    limit,
    privateCopy: true,
    cacheMinutes: 0,
    source: { object: plan.object, dateField: plan.dateField },
  };
}

/** The same chart's data source without the copy and without the report cache. */
export function liveSource(session: Session, plan: ChartPlan): Promise<DataSource> {
  return session.studio.connect({
    object: plan.object,
    dateField: plan.dateField,
    privateCopy: 'false',
    cacheMinutes: '0',
  });
}

/**
 * The one progress line of a running getData, for the query CLI and the playground page alike:
 * records read of how many the read holds (its first page's totalCount), elapsed time, cost, and
 * what the connector is waiting for when it sleeps.
 */
import type { ExecutionProgress, Wait } from './fetch-monitor';

const number = (value: number): string => value.toLocaleString('en-US');

/** 0.4 s, 23 s, 4 min 05 s, 1 h 02 min: what a person reads at a glance. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.floor(seconds)} s`;
  const wholeSeconds = Math.floor(seconds);
  const minutes = Math.floor(wholeSeconds / 60);
  if (minutes < 60) return `${minutes} min ${String(wholeSeconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "waiting 12 s for Jobber's rate limit", counting down to `now`; undefined when there is nothing to say. */
function waitText(wait: Wait | undefined, now: number): string | undefined {
  if (!wait) return undefined;
  const left = Math.ceil(Math.max(0, wait.until - now) / 1000);
  const seconds = left >= 1 ? `${number(left)} s` : 'a moment';
  switch (wait.reason) {
    case 'rate_limit':
      return `waiting ${seconds} for Jobber's rate limit`;
    case 'retry':
      return `waiting ${seconds} before trying Jobber again`;
    case 'shared_read':
      // Charts of one page share one read: a short pause while the others join is not news.
      return wait.ms >= 1000 ? `waiting ${seconds} for other charts to join the read` : undefined;
  }
}

/** "1,200 of 3,667 records": the read's own connection, named when it is not the object itself. */
function recordsText(object: string, progress: Readonly<ExecutionProgress>): string {
  const what =
    progress.connection === undefined || progress.connection === object ? 'records' : progress.connection;
  const read = number(progress.nodes);
  return progress.total === undefined ? `${read} ${what}` : `${read} of ${number(progress.total)} ${what}`;
}

export function progressLine(
  object: string,
  progress: Readonly<ExecutionProgress> | undefined,
  elapsedMs: number,
  now: number,
): string {
  const started = progress !== undefined && progress.pages > 0;
  const parts = [`${object}: ${started ? recordsText(object, progress) : 'asking Jobber'}`];
  if (started) {
    parts.push(`${number(progress.pages)} page${progress.pages === 1 ? '' : 's'}`);
    parts.push(`cost ${number(progress.actualQueryCost)}`);
    if (progress.throttled > 0) parts.push(`${number(progress.throttled)} throttled`);
  }
  parts.push(formatDuration(elapsedMs));
  const waiting = waitText(progress?.waiting, now);
  if (waiting) parts.push(waiting);
  return parts.join(' · ');
}

import type { ExecutionError } from '../protocol';
import { USER_ERROR_MARK, type UserErrorMark } from './data-studio/responses';
import { HtmlOutput } from './html-service';

/** The JSON the caller receives: an HtmlOutput becomes { html, title }; undefined stays absent. */
export function serializeResult(value: unknown): string | undefined {
  if (value instanceof HtmlOutput)
    return JSON.stringify({ html: value.getContent(), title: value.getTitle() });
  if (value === undefined) return undefined;
  return JSON.stringify(value);
}

/** A web app's answer: an HtmlOutput as { html, title }; anything else is no answer (undefined). */
export function serializeWebAppResult(value: unknown): string | undefined {
  return value instanceof HtmlOutput ? serializeResult(value) : undefined;
}

/**
 * A thrown value as Looker Studio sees it: built by newUserError().throwException() (or an Error
 * whose message starts with the legacy "DS_USER:") is a user error; anything else an exception.
 */
export function classifyError(error: unknown): ExecutionError {
  const mark = markOf(error);
  if (mark?.kind === 'user') return { kind: 'user', text: mark.text, debugText: mark.debugText };
  if (mark?.kind === 'debug') return { kind: 'exception', text: `Debug error: ${mark.text}` };
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { name, message, stack } = error as { name?: unknown; message?: unknown; stack?: unknown };
    const text = String(message);
    if (text.startsWith('DS_USER:')) return { kind: 'user', text: text.slice('DS_USER:'.length).trim() };
    return {
      kind: 'exception',
      text: `${String(name ?? 'Error')}: ${text}`,
      stack: typeof stack === 'string' ? stack : undefined,
    };
  }
  return { kind: 'exception', text: String(error) };
}

function markOf(error: unknown): UserErrorMark | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  return (error as { [USER_ERROR_MARK]?: UserErrorMark })[USER_ERROR_MARK];
}

import type { ServerResponse } from 'node:http';
import type { FaultSpec } from '../control-types';
import { sendJson, sendText } from './http';
import { reshapePage } from './page-faults';
import type { SandboxState } from './state';

export const THROTTLE_DOCUMENTATION =
  'https://developer.getjobber.com/docs/using_jobbers_api/api_rate_limits';
export const DISCONNECTED_MESSAGE =
  'User has disconnected this app from their account. Please delete this token';
export const INACTIVE_MESSAGE = 'This account is not active';

export interface FaultExtras {
  /** The GraphQL `extensions` (cost and versioning) a faulted GraphQL answer carries. */
  readonly extensions?: () => Record<string, unknown>;
  /** The root field a permission error names. */
  readonly rootField?: string;
}

/** Changes a normal JSON answer before it is sent (the `malformedPage` fault). */
export type AnswerChange = (body: Record<string, unknown>) => Record<string, unknown>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Answers a request the way the armed fault says (or, for `slow`, normally after a delay; for
 * `malformedPage`, normally with its page changed).
 */
export async function applyFault(
  state: SandboxState,
  fault: FaultSpec,
  res: ServerResponse,
  normal: (change?: AnswerChange) => Promise<void> | void,
  extras: FaultExtras = {},
): Promise<void> {
  const extensions = extras.extensions?.() ?? {};
  switch (fault.kind) {
    case 'http':
      return sendText(
        res,
        fault.status,
        `<html><body><h1>${fault.status}</h1></body></html>`,
        'text/html; charset=utf-8',
      );
    case 'unavailable':
      return sendJson(res, 503, { message: 'Service temporarily unavailable' });
    case 'slow':
      await sleep(fault.delayMs);
      return normal();
    case 'timeout':
      return holdWithoutAnswer(state, res, fault.holdMs ?? 120_000);
    case 'answerLost':
      loseAnswer(res);
      return normal();
    case 'throttled':
      return sendJson(res, 200, {
        errors: [
          { message: 'Throttled', extensions: { code: 'THROTTLED', documentation: THROTTLE_DOCUMENTATION } },
        ],
        extensions,
      });
    case 'rateLimited':
      return sendJson(
        res,
        429,
        { message: 'Too Many Requests' },
        { 'retry-after': String(fault.retryAfterSeconds ?? 10) },
      );
    case 'unauthorized':
      return sendJson(res, 401, { message: 'Invalid Token Error' });
    case 'malformedJson':
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      return void res.end('{"data":{"items":{"nodes":[{"id":"');
    case 'malformedPage':
      return normal((body) => reshapePage(body, fault.shape));
    case 'graphqlError':
      return sendJson(res, 200, {
        data: null,
        errors: [
          {
            message: fault.message ?? 'Internal server error',
            extensions: { code: fault.code ?? 'INTERNAL_SERVER_ERROR' },
          },
        ],
        extensions,
      });
    case 'hiddenField':
      return sendJson(res, 200, {
        data: null,
        errors: [
          {
            message: `The field ${fault.field ?? extras.rootField ?? 'account'} on an object of type Query was hidden due to permissions`,
          },
        ],
        extensions,
      });
    case 'disconnected':
      return sendJson(res, 401, { message: DISCONNECTED_MESSAGE });
    case 'inactiveAccount':
      return sendJson(res, 403, { error: { message: INACTIVE_MESSAGE } });
    case 'invalidGrant':
      return sendJson(res, 400, {
        error: 'invalid_grant',
        error_description: 'The refresh token is invalid',
      });
  }
}

/** The answer the request handler prepares is thrown away: the socket closes unanswered instead. */
function loseAnswer(res: ServerResponse): void {
  res.writeHead = (() => res) as unknown as ServerResponse['writeHead'];
  res.end = (() => {
    res.socket?.destroy();
    return res;
  }) as unknown as ServerResponse['end'];
}

function holdWithoutAnswer(state: SandboxState, res: ServerResponse, holdMs: number): void {
  const timer = setTimeout(() => res.socket?.destroy(), holdMs);
  state.onStop(() => clearTimeout(timer));
  res.on('close', () => clearTimeout(timer));
}

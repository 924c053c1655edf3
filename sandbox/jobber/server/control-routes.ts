import type { IncomingMessage, ServerResponse } from 'node:http';
import { encodeId, idOfKind } from '../core/ids';
import {
  PAGE_SHAPE_FAULTS,
  type ConsentChoice,
  type FaultSpec,
  type MintedTokens,
  type SandboxAccount,
} from '../control-types';
import { HttpError, parseJsonObject, readBody, sendJson } from './http';
import { isCollectionName } from '../data/collections';
import { createRoute, deleteRoute, touchRoute, updateRoute } from './record-routes';
import { dumpCollection } from './records-dump';
import type { SandboxState } from './state';

type Handler = (
  state: SandboxState,
  body: Record<string, unknown>,
  match: RegExpExecArray,
  url: URL,
) => unknown;

/** The `/_sandbox/*` control API (documented in docs/sandbox.md; typed client in control-client.ts). */
const ROUTES: readonly (readonly [string, RegExp, Handler])[] = [
  ['GET', /^\/_sandbox\/health$/, () => ({ ok: true })],
  ['GET', /^\/_sandbox\/clock$/, (state) => ({ now: state.clock.now(), mode: state.clock.mode })],
  [
    'POST',
    /^\/_sandbox\/clock\/sleep$/,
    (state, body) => ({ now: state.clock.sleep(numberIn(body, 'ms'), optionalNumber(body, 'from')) }),
  ],
  [
    'POST',
    /^\/_sandbox\/clock\/advance$/,
    (state, body) => ({ now: state.clock.advance(numberIn(body, 'ms')) }),
  ],
  ['GET', /^\/_sandbox\/faults$/, (state) => ({ faults: state.faults.list() })],
  ['POST', /^\/_sandbox\/faults$/, (state, body) => ({ id: state.faults.add(faultSpec(body)) })],
  ['DELETE', /^\/_sandbox\/faults$/, (state) => (state.faults.clear(), {})],
  [
    'GET',
    /^\/_sandbox\/requests$/,
    (state, _body, _match, url) => ({
      requests: state.log.since(Number(url.searchParams.get('since') ?? 0)),
    }),
  ],
  ['DELETE', /^\/_sandbox\/requests$/, (state) => (state.log.clear(), {})],
  [
    'POST',
    /^\/_sandbox\/consent$/,
    (state, body) => (state.setConsent(body as unknown as ConsentChoice), {}),
  ],
  [
    'GET',
    /^\/_sandbox\/accounts$/,
    (state) => ({ accounts: state.specs.map((spec) => describeAccount(state, spec.index)) }),
  ],
  [
    'POST',
    /^\/_sandbox\/accounts\/([^/]+)\/disconnect$/,
    (state, _b, m) => ({
      revokedGrants: state.grants.revokeAccount(account(state, m), null, 'disconnected'),
    }),
  ],
  [
    'POST',
    /^\/_sandbox\/accounts\/([^/]+)\/deactivate$/,
    (state, _b, m) => (state.inactiveAccounts.add(account(state, m)), {}),
  ],
  [
    'POST',
    /^\/_sandbox\/accounts\/([^/]+)\/activate$/,
    (state, _b, m) => (state.inactiveAccounts.delete(account(state, m)), {}),
  ],
  [
    'POST',
    /^\/_sandbox\/accounts\/([^/]+)\/tokens$/,
    (state, body, m) => mint(state, account(state, m), body),
  ],
  [
    'POST',
    /^\/_sandbox\/accounts\/([^/]+)\/throttle$/,
    (state, body, m) => setBudget(state, account(state, m), numberIn(body, 'currentlyAvailable')),
  ],
  [
    'GET',
    /^\/_sandbox\/accounts\/([^/]+)\/records$/,
    (state, _b, m) => recordCounts(state, account(state, m)),
  ],
  [
    'GET',
    /^\/_sandbox\/accounts\/([^/]+)\/records\/([A-Za-z]+)$/,
    (state, _b, m) => records(state, account(state, m), m[2] ?? ''),
  ],
  [
    'POST',
    /^\/_sandbox\/accounts\/([^/]+)\/records\/([A-Za-z]+)$/,
    (state, body, m) => createRoute(state, account(state, m), m[2] ?? '', body),
  ],
  [
    'POST',
    /^\/_sandbox\/accounts\/([^/]+)\/records\/([A-Za-z]+)\/touch$/,
    (state, body, m) => touchRoute(state, account(state, m), m[2] ?? '', body),
  ],
  [
    'PATCH',
    /^\/_sandbox\/records\/([A-Za-z]+)\/([^/]+)$/,
    (state, body, m) => updateRoute(state, m[1] ?? '', m[2] ?? '', body),
  ],
  [
    'DELETE',
    /^\/_sandbox\/records\/([A-Za-z]+)\/([^/]+)$/,
    (state, _body, m) => deleteRoute(state, m[1] ?? '', m[2] ?? ''),
  ],
  ['POST', /^\/_sandbox\/reset$/, (state) => reset(state)],
];

export async function handleControl(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const route = ROUTES.find(([method, pattern]) => method === req.method && pattern.test(url.pathname));
  if (!route) return sendJson(res, 404, { error: `No control endpoint ${req.method ?? ''} ${url.pathname}` });
  const text = await readBody(req);
  const body = text.trim() === '' ? {} : parseJsonObject(text);
  if (!body) return sendJson(res, 400, { error: 'Control bodies are JSON objects' });
  const match = route[1].exec(url.pathname) as RegExpExecArray;
  try {
    const result = route[2](state, body, match, url);
    if (state.clock.mode === 'virtual') res.setHeader('x-sandbox-now', String(state.clock.now()));
    sendJson(res, 200, result);
  } catch (error) {
    if (error instanceof HttpError) return sendJson(res, error.status, error.body);
    sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}

/** A fault as posted; a `malformedPage` without a known `shape` is refused rather than ignored. */
function faultSpec(body: Record<string, unknown>): FaultSpec {
  if (body.kind === 'malformedPage' && !PAGE_SHAPE_FAULTS.some((shape) => shape === body.shape))
    throw new HttpError(400, { error: `"shape" must be one of ${PAGE_SHAPE_FAULTS.join(', ')}` });
  return body as unknown as FaultSpec;
}

function numberIn(body: Record<string, unknown>, key: string): number {
  const value = body[key];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new HttpError(400, { error: `"${key}" must be a number` });
  return value;
}

function optionalNumber(body: Record<string, unknown>, key: string): number | undefined {
  return body[key] === undefined ? undefined : numberIn(body, key);
}

function account(state: SandboxState, match: RegExpExecArray): number {
  const index = state.accountIndex(decodeURIComponent(match[1] ?? ''));
  if (index === undefined)
    throw new HttpError(404, { error: 'Unknown account id (use the EncodedId from GET /_sandbox/accounts)' });
  return index;
}

export function describeAccount(state: SandboxState, index: number): SandboxAccount {
  const data = state.account(index);
  return {
    id: encodeId('Account', index),
    name: data.spec.name,
    timeZone: data.spec.timeZone,
    active: !state.inactiveAccounts.has(index),
    users: data.records.users.map((user) => ({
      id: encodeId('User', user.id),
      email: user.email,
      name: `${user.firstName} ${user.lastName}`,
      isAccountOwner: user.isAccountOwner,
      isAccountAdmin: user.isAccountAdmin,
      status: user.status,
      timeZone: user.timeZone,
    })),
  };
}

/** Tokens for an account without the authorize dance (the demo tokens are minted this way). */
export function mint(state: SandboxState, index: number, body: Record<string, unknown>): MintedTokens {
  const users = state.account(index).records.users;
  const wanted = typeof body.userId === 'string' ? idOfKind(body.userId, 'User') : users[0]?.id;
  const user = users.find((candidate) => candidate.id === wanted);
  if (!user) throw new HttpError(404, { error: 'Unknown user for this account' });
  const pair = state.grants.createGrant(state.demoApp.clientId, index, user.id, state.clock.now());
  return {
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    accountId: encodeId('Account', index),
    userId: encodeId('User', user.id),
  };
}

function setBudget(state: SandboxState, index: number, available: number): unknown {
  const key = state.bucketKey(state.demoApp.clientId, index);
  state.throttle.set(key, available, state.clock.now());
  return { throttleStatus: state.throttle.status(key, state.clock.now()) };
}

function recordCounts(state: SandboxState, index: number): unknown {
  const data = state.account(index);
  return {
    collections: Object.fromEntries(
      Object.entries(data.records).map(([name, list]) => [name, (list as unknown[]).length]),
    ),
  };
}

function records(state: SandboxState, index: number, collection: string): unknown {
  if (!isCollectionName(collection)) throw new HttpError(404, { error: `Unknown collection ${collection}` });
  return { records: dumpCollection(state.account(index), collection, state.clock.now()) };
}

function reset(state: SandboxState): unknown {
  state.faults.clear();
  state.log.clear();
  state.throttle.clear();
  state.guard.clear();
  return {};
}

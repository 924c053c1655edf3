import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { encodeId } from '../core/ids';
import type { RequestLogEntry } from '../control-types';
import { prepare, rootFieldName, run, type GraphqlRequest } from '../graphql/execute';
import { pageOfRequest } from '../graphql/page';
import { MAXIMUM_AVAILABLE } from '../graphql/throttle';
import { authenticate, type Caller } from './auth';
import { applyFault, INACTIVE_MESSAGE, THROTTLE_DOCUMENTATION, type AnswerChange } from './fault-responses';
import { mediaType, parseJsonObject, readBody, sendJson } from './http';
import type { SandboxState } from './state';
import { checkVersion, type Versioning } from './versioning';

type LogBase = Omit<RequestLogEntry, 'seq' | 'status'>;

/**
 * POST /api/graphql. Order of checks: JSON body, version header, faults, access token, account
 * state, request guard, query validation and cost, throttle; then execution and the cost charge.
 */
export async function handleGraphql(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const at = state.clock.now();
  const parsed = await parseRequest(req);
  if ('error' in parsed) {
    state.log.add({ endpoint: 'graphql', at, status: 400, outcome: 'bad_request' });
    return sendJson(res, 400, { errors: [{ message: parsed.error }] });
  }
  const request = parsed;
  const operationName = operationNameOf(request);
  const base: LogBase = {
    endpoint: 'graphql',
    at,
    query: request.query,
    variables: request.variables,
    operationName,
  };
  const versioning = checkVersion(req.headers['x-jobber-graphql-version']);
  if ('error' in versioning) {
    state.log.add({ ...base, status: 400, outcome: 'version' });
    return sendJson(res, 400, { errors: [{ message: versioning.error }] });
  }
  const caller = authenticate(state, req.headers.authorization);
  const accountId = caller.ok ? encodeId('Account', caller.accountIndex) : undefined;
  const logged: LogBase = {
    ...base,
    accountId,
    userId: caller.ok ? encodeId('User', caller.userId) : undefined,
  };
  const fault = state.faults.take({
    endpoint: 'graphql',
    query: request.query,
    operationName,
    accountId,
    page: () => pageOfRequest(request),
  });
  if (fault) {
    state.log.add({ ...logged, status: 0, fault: fault.kind });
    const throttled = fault.kind === 'throttled' ? throttleForFault(state, request, caller) : null;
    const extensions = (): Record<string, unknown> => ({
      cost: costExtension(state, caller, throttled?.requested ?? 0, 0, throttled?.at),
      versioning,
    });
    const normal = (change?: AnswerChange): void =>
      answer(state, request, caller, versioning, res, logged, change);
    return applyFault(state, fault, res, normal, { extensions, rootField: rootFieldFromText(request) });
  }
  return answer(state, request, caller, versioning, res, logged);
}

async function parseRequest(req: IncomingMessage): Promise<GraphqlRequest | { error: string }> {
  const text = await readBody(req);
  if (mediaType(req) !== 'application/json')
    return { error: 'The GraphQL endpoint accepts application/json bodies only' };
  const body = parseJsonObject(text);
  if (!body || typeof body.query !== 'string')
    return { error: 'The body must be a JSON object with a "query" string' };
  const variables = body.variables ?? {};
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables))
    return { error: '"variables" must be an object' };
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  return { query: body.query, variables: variables as Record<string, unknown>, operationName };
}

/** The operation's name as sent, or as written in a document that names its only operation. */
function operationNameOf(request: GraphqlRequest): string | undefined {
  return (
    request.operationName ?? /^\s*(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(request.query)?.[1]
  );
}

function answer(
  state: SandboxState,
  request: GraphqlRequest,
  caller: Caller,
  versioning: Versioning,
  res: ServerResponse,
  base: LogBase,
  change?: AnswerChange,
): void {
  if (!caller.ok) {
    state.log.add({ ...base, status: caller.status, outcome: caller.outcome });
    return sendJson(res, caller.status, caller.body);
  }
  if (state.inactiveAccounts.has(caller.accountIndex)) {
    state.log.add({ ...base, status: 403, outcome: 'account_inactive' });
    return sendJson(res, 403, { error: { message: INACTIVE_MESSAGE } });
  }
  const now = state.clock.now();
  const key = state.bucketKey(caller.clientId, caller.accountIndex);
  const retryAfter = state.guard.admit(key, now);
  if (retryAfter > 0) {
    state.log.add({ ...base, status: 429, outcome: 'request_guard' });
    return sendJson(res, 429, { message: 'Too Many Requests' }, { 'retry-after': String(retryAfter) });
  }
  execute(state, request, caller, versioning, res, base, change);
}

function execute(
  state: SandboxState,
  request: GraphqlRequest,
  caller: Extract<Caller, { ok: true }>,
  versioning: Versioning,
  res: ServerResponse,
  base: LogBase,
  change: AnswerChange = (body) => body,
): void {
  const now = state.clock.now();
  const key = state.bucketKey(caller.clientId, caller.accountIndex);
  const reply = (body: Record<string, unknown>, requested: number, actual: number, outcome: string): void => {
    const cost = costExtension(state, caller, requested, actual);
    state.log.add({
      ...base,
      status: 200,
      requestedCost: requested,
      actualCost: actual,
      throttleStatus: cost.throttleStatus,
      outcome,
    });
    sendJson(res, 200, change({ ...body, extensions: { cost, versioning } }));
  };
  const prepared = prepare(state.schema, request);
  if (!prepared.ok)
    return reply({ errors: prepared.errors.map((error) => error.toJSON()) }, 0, 0, 'invalid_query');
  const requested = prepared.query.requested;
  if (requested > MAXIMUM_AVAILABLE) {
    const error = new GraphQLError(
      `Query cost ${requested} exceeds the maximum of ${MAXIMUM_AVAILABLE}: it can never run. Ask for fewer nodes per page.`,
      {
        extensions: { code: 'MAX_COST_EXCEEDED', documentation: THROTTLE_DOCUMENTATION },
      },
    );
    return reply({ errors: [error.toJSON()] }, requested, 0, 'MAX_COST_EXCEEDED');
  }
  if (!state.throttle.allows(key, requested, now)) {
    const errors = [
      { message: 'Throttled', extensions: { code: 'THROTTLED', documentation: THROTTLE_DOCUMENTATION } },
    ];
    return reply({ errors }, requested, 0, 'THROTTLED');
  }
  const context = {
    data: state.account(caller.accountIndex),
    userId: caller.userId,
    appName: caller.appName,
    now,
    disconnectApp: () => state.grants.revokeGrant(caller.grantId, 'disconnected'),
  };
  const { result, actual } = run(prepared.query, request, context);
  state.throttle.charge(key, actual, now);
  const body: Record<string, unknown> = { data: result.data ?? null };
  if (result.errors) body.errors = result.errors.map((error) => error.toJSON());
  reply(body, requested, actual, result.errors ? 'errors' : 'ok');
}

/**
 * An injected THROTTLED stands for other readers having drained the bucket: the bucket really is
 * left just short of the query's requested cost, and the answer reports that cost, as Jobber's does.
 * A client that waits what the throttle status says is then served; one that retries blindly is not.
 */
function throttleForFault(
  state: SandboxState,
  request: GraphqlRequest,
  caller: Caller,
): { readonly requested: number; readonly at: number } {
  const at = state.clock.now();
  if (!caller.ok) return { requested: 0, at };
  const prepared = prepare(state.schema, request);
  if (!prepared.ok) return { requested: 0, at };
  const requested = prepared.query.requested;
  const key = state.bucketKey(caller.clientId, caller.accountIndex);
  const available = state.throttle.status(key, at).currentlyAvailable;
  if (requested > 0) state.throttle.set(key, Math.min(available, requested - 1), at);
  return { requested, at };
}

/**
 * The cost extension of an answer. A THROTTLED answer reports the bucket as it was when the query
 * was refused (`at`), as Jobber's does, not after the few milliseconds of refill since.
 */
function costExtension(state: SandboxState, caller: Caller, requested: number, actual: number, at?: number) {
  const key = caller.ok ? state.bucketKey(caller.clientId, caller.accountIndex) : 'anonymous';
  return {
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: state.throttle.status(key, at ?? state.clock.now()),
  };
}

function rootFieldFromText(request: GraphqlRequest): string {
  const prepared = /\{\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(request.query.replace(/^[^{]*/, ''));
  return prepared?.[1] ?? rootFieldName(undefined);
}

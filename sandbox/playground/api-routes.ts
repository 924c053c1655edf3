/** The page's JSON API: every call walks the connector through the Looker Studio driver. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsentChoice } from '../jobber/control-types';
import type { ConfigParams, DateRange, GetDataResponse } from '../studio';
import { chartFor } from './chart';
import { displayRows, isNumericField } from './format';
import { HttpProblem, readJson, sendJson } from './http';
import type { PlaygroundSession, StepOutcome } from './session';

/** Rows the page's table shows at most (the chart uses every row). */
export const TABLE_ROWS = 500;

export async function handleApi(
  session: PlaygroundSession,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path}`;
  switch (route) {
    case 'GET /api/status':
      return sendJson(res, 200, await statusOf(session));
    case 'GET /api/progress':
      return sendJson(res, 200, { load: session.loadProgress() });
    case 'POST /api/admin': {
      const body = await readJson(req);
      if (typeof body['admin'] !== 'boolean') throw new HttpProblem(400, '{ "admin": true|false } expected');
      session.setAdmin(body['admin']);
      return sendJson(res, 200, await statusOf(session));
    }
    case 'POST /api/reset':
      await readJson(req);
      return sendJson(res, 200, await session.resetAuth());
    case 'POST /api/config': {
      const body = await readJson(req);
      const params = body['configParams'] === undefined ? undefined : configParams(body['configParams']);
      return sendJson(res, 200, await session.config(params));
    }
    case 'POST /api/connect':
      return sendJson(res, 200, await session.connect(configParams((await readJson(req))['configParams'])));
    case 'POST /api/data': {
      const body = await readJson(req);
      const chart = { fields: fieldList(body['fields']), ...dateRange(body['dateRange']) };
      return sendJson(res, 200, withChart(await session.getData(chart, body['refresh'] === true)));
    }
    default:
      throw new HttpProblem(404, `No such API: ${route}`);
  }
}

async function statusOf(session: PlaygroundSession): Promise<Record<string, unknown>> {
  const { backend } = session;
  const { authorized, admin } = await session.status();
  const account = authorized ? session.accountName() : undefined;
  return {
    user: session.user,
    authorized,
    ...(account === undefined ? {} : { account }),
    admin,
    mode: backend.target.kind,
    jobberBaseUrl: backend.jobberBaseUrl,
    redirectUri: backend.redirectUri,
    ...(backend.target.kind === 'sandbox'
      ? {
          sandbox: { size: backend.target.size, clock: backend.target.clock },
          consent: await consentChoices(session),
        }
      : {}),
  };
}

interface ConsentOption {
  readonly value: string;
  readonly label: string;
}

const consentCache = new WeakMap<PlaygroundSession, Promise<ConsentOption[]>>();

/** Who may consent in the sandbox (read once: the accounts do not change while it runs). */
function consentChoices(session: PlaygroundSession): Promise<ConsentOption[]> {
  let choices = consentCache.get(session);
  if (!choices) {
    choices = readConsentChoices(session);
    choices.catch(() => consentCache.delete(session));
    consentCache.set(session, choices);
  }
  return choices;
}

/** The active admins of each sandbox account, and a denial. */
async function readConsentChoices(session: PlaygroundSession): Promise<ConsentOption[]> {
  const sandbox = session.backend.sandbox;
  if (!sandbox) return [];
  const accounts = await sandbox.control.accounts();
  const approvals = accounts
    .filter((account) => account.active)
    .flatMap((account) =>
      account.users
        .filter((user) => user.isAccountAdmin && user.status === 'ACTIVATED')
        .map((user) => ({
          value: `approve:${account.id}:${user.id}`,
          label: `${account.name} — approve as ${user.name}${user.isAccountOwner ? ' (owner)' : ''}`,
        })),
    );
  return [...approvals, { value: 'deny', label: 'Deny access (the user clicks “Cancel” at Jobber)' }];
}

export function consentChoice(value: string | null): ConsentChoice | undefined {
  if (value === null || value === '') return undefined;
  if (value === 'deny') return { mode: 'deny' };
  const [mode, accountId, userId] = value.split(':');
  if (mode !== 'approve' || !accountId || !userId)
    throw new HttpProblem(400, `Unknown consent choice ${value}`);
  return { mode: 'approve', accountId, userId };
}

function withChart(outcome: StepOutcome<GetDataResponse>): Record<string, unknown> {
  if (!outcome.ok) return outcome;
  const response = outcome.value;
  return {
    ok: true,
    reports: outcome.reports,
    value: {
      schema: response.schema,
      filtersApplied: response.filtersApplied ?? false,
      rowCount: response.rows.length,
      display: displayRows({ ...response, rows: response.rows.slice(0, TABLE_ROWS) }),
      numericColumns: response.schema.map(isNumericField),
      chart: chartFor(response),
    },
  };
}

function configParams(value: unknown): ConfigParams {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new HttpProblem(400, 'configParams must be an object');
  const params: Record<string, string | boolean> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string' && typeof entry !== 'boolean')
      throw new HttpProblem(400, `configParams.${key} must be a string or a boolean`);
    params[key] = entry;
  }
  return params;
}

function fieldList(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((entry) => typeof entry === 'string'))
    throw new HttpProblem(400, 'Pick at least one field');
  return value as string[];
}

function dateRange(value: unknown): { dateRange?: DateRange } {
  if (value === undefined || value === null) return {};
  const range = value as Record<string, unknown>;
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const { startDate, endDate } = range;
  if (
    typeof startDate !== 'string' ||
    typeof endDate !== 'string' ||
    !day.test(startDate) ||
    !day.test(endDate)
  )
    throw new HttpProblem(400, 'dateRange must be { startDate, endDate } as YYYY-MM-DD');
  if (startDate > endDate) throw new HttpProblem(400, 'The date range starts after it ends');
  return { dateRange: { startDate, endDate } };
}

// The result views: the Looker Studio error box, the stats beside the chart, the rows, each
// request to Jobber with its GraphQL and cost, and every execution with its logs.

import { duration, el, number } from './dom.js';

/** An error as Looker Studio shows it: the user text; the debug text only for admins. */
export function errorView(error) {
  if (error.kind === 'user') {
    const debug = error.debugText
      ? [
          el('p', {}, 'Error details (shown because isAdminUser() is true):'),
          el('pre', { id: 'debug-text' }, error.debugText),
        ]
      : [
          el(
            'p',
            { className: 'note' },
            error.admin ? 'No debug text.' : 'Admins (ADMIN_EMAILS) also see the debug text.',
          ),
        ];
    return el(
      'div',
      { className: 'looker-error', role: 'alert', dataset: { kind: 'user' } },
      el('p', { className: 'headline' }, 'Looker Studio cannot connect to your data set.'),
      el('p', { id: 'user-text' }, error.text),
      ...debug,
      el('p', { className: 'note' }, `${error.functionName} answered with a user error.`),
    );
  }
  if (error.kind === 'contract')
    return el(
      'div',
      { className: 'looker-error', role: 'alert', dataset: { kind: 'contract' } },
      el(
        'p',
        { className: 'headline' },
        `The connector broke Looker Studio’s contract in ${error.functionName}.`,
      ),
      el(
        'ul',
        {},
        error.problems.map((problem) => el('li', {}, problem)),
      ),
      el(
        'p',
        { className: 'note' },
        'Looker Studio would show an opaque error with an Error ID: this is a connector bug.',
      ),
    );
  return el(
    'div',
    { className: 'looker-error', role: 'alert', dataset: { kind: 'failure' } },
    el('p', {}, error.message),
  );
}

const ANSWERED_FROM = { copy: 'private copy', live: 'Jobber, live' };

/** Jobber requests, cost, throttling, where the rows came from, cache and time, from the getData execution's report. */
export function statsView(report, rowCount) {
  const usage = report.usage ?? {};
  const items = [
    ['Rows', number(rowCount)],
    ['Jobber requests', number(usage.requests ?? report.requests.filter((r) => r.kind === 'graphql').length)],
    ['Query cost (requested)', number(usage.requestedQueryCost ?? 0)],
    ['Query cost (actual)', number(usage.actualQueryCost ?? 0)],
    ['Throttled answers', number(usage.throttledResponses ?? 0)],
    ['Throttle waits', `${number(usage.waits ?? 0)} · ${duration(usage.waitedMs ?? 0)}`],
    ['Retries', number(usage.retries ?? 0)],
    ['Token refreshes', number(usage.tokenRefreshes ?? 0)],
    ['Answered from', ANSWERED_FROM[report.answeredFrom] ?? '—'],
    ['Cache', report.cache ?? '—'],
    ['Time taken', duration(report.elapsedMs)],
  ];
  if (report.virtualElapsedMs !== undefined)
    items.push(['Time on the sandbox clock', duration(report.virtualElapsedMs)]);
  return el(
    'dl',
    { id: 'stats-list' },
    items.flatMap(([name, value]) => [el('dt', {}, name), el('dd', { dataset: { stat: name } }, value)]),
  );
}

export function rowsView(table, schema, display, numeric) {
  table.tHead.replaceChildren(
    el(
      'tr',
      {},
      schema.map((field) => el('th', { title: field.label }, field.name)),
    ),
  );
  table.tBodies[0].replaceChildren(
    ...display.map((values) =>
      el(
        'tr',
        {},
        values.map((value, index) => el('td', { className: numeric[index] ? 'num' : '' }, value)),
      ),
    ),
  );
}

function outcomeOf(request) {
  if (request.status === null) return ['no answer', 'status-bad'];
  if (request.errorCode) return [`${request.status} ${request.errorCode}`, 'status-bad'];
  return [String(request.status), request.status < 400 ? 'status-ok' : 'status-bad'];
}

export function requestView(request) {
  const [outcome, outcomeClass] = outcomeOf(request);
  const summary = el(
    'summary',
    {},
    el('strong', {}, `#${request.index}`),
    el(
      'span',
      {},
      request.kind === 'graphql'
        ? (request.operationName ?? 'GraphQL')
        : request.kind === 'token'
          ? `token (${request.grantType ?? '?'})`
          : `${request.method} ${request.url}`,
    ),
    el('span', { className: outcomeClass }, outcome),
    request.requestedQueryCost !== undefined
      ? el(
          'span',
          {},
          `cost ${number(request.requestedQueryCost)} requested · ${number(request.actualQueryCost ?? 0)} actual`,
        )
      : null,
    request.currentlyAvailable !== undefined
      ? el(
          'span',
          { className: 'hint' },
          `bucket ${number(request.currentlyAvailable)}/${number(request.maximumAvailable ?? 0)}`,
        )
      : null,
    request.nodes !== undefined ? el('span', {}, `${number(request.nodes)} records`) : null,
    el('span', { className: 'hint' }, `${number(request.ms)} ms · ${number(request.responseBytes)} bytes`),
  );
  const body = [];
  if (request.query) body.push(el('pre', { className: 'query' }, request.query));
  if (request.variables !== undefined)
    body.push(
      el('pre', { className: 'variables' }, `variables ${JSON.stringify(request.variables, null, 2)}`),
    );
  if (request.errorMessage) body.push(el('pre', {}, `error: ${request.errorMessage}`));
  if (request.kind === 'token') body.push(el('pre', {}, `POST ${request.url} (credentials are never shown)`));
  return el('details', { className: 'request', dataset: { kind: request.kind } }, summary, ...body);
}

export function executionView(report) {
  const time = duration(report.elapsedMs);
  return el(
    'div',
    { className: 'execution' },
    el('strong', {}, report.functionName),
    ` · ${report.ok ? 'ok' : 'failed'} · ${time} · ${report.requests.length} fetches`,
    report.logs.length > 0
      ? el('pre', {}, report.logs.map((line) => `${line.level}: ${line.message}`).join('\n'))
      : null,
  );
}

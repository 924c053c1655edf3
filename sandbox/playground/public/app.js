// The playground page: walks the connector as Looker Studio does, through the server's JSON API.

import { drawChart } from './chart.js';
import { missingChoices, readConfig, renderConfig } from './config-form.js';
import { $, el, getJson, number, postJson } from './dom.js';
import { errorView, executionView, requestView, rowsView, statsView } from './views.js';

const state = { config: null, connected: null, picked: [], running: false };

function show(selector, visible = true) {
  $(selector).hidden = !visible;
}

function notice(text) {
  $('#notice').textContent = text;
  show('#notice', Boolean(text));
}

/** Every step's executions: the requests to Jobber and the logs, under the result. */
function showReports(reports) {
  show('#step-result');
  const requests = reports.flatMap((report) => report.requests);
  $('#requests').replaceChildren(
    ...(requests.length > 0
      ? requests.map(requestView)
      : [el('p', { className: 'hint' }, 'This step made no request to Jobber.')]),
  );
  $('#execution-list').replaceChildren(...reports.map(executionView));
}

function showError(error) {
  show('#step-result');
  show('#result', false);
  $('#error').replaceChildren(errorView(error));
  show('#error');
}

function clearError() {
  show('#error', false);
  $('#error').replaceChildren();
}

async function refreshStatus() {
  const status = await getJson('/api/status');
  $('#user').textContent = status.user;
  $('#admin').checked = status.admin;
  $('#mode').textContent =
    status.mode === 'sandbox'
      ? `Jobber sandbox · ${status.sandbox.size} data · ${status.sandbox.clock} clock`
      : `Real Jobber · ${status.jobberBaseUrl}`;
  $('#auth-status').textContent = status.authorized ? 'Authorized (isAuthValid() is true)' : 'Not authorized';
  $('#auth-status').dataset.authorized = String(status.authorized);
  if (status.consent && $('#consent').options.length === 0) {
    $('#consent').replaceChildren(
      ...status.consent.map((choice) => el('option', { value: choice.value }, choice.label)),
    );
    show('#consent-row');
  }
  show('#step-config', status.authorized);
  if (status.authorized && !state.config) await loadConfig();
  return status;
}

/** Looker Studio opens the consent page in a popup and asks isAuthValid() again once it closes. */
function authorize() {
  const consent = $('#consent').value;
  const url = `/authorize${consent ? `?consent=${encodeURIComponent(consent)}` : ''}`;
  const popup = window.open(url, 'jobber-authorize', 'width=720,height=640');
  if (!popup) {
    window.location.href = url;
    return;
  }
  const timer = setInterval(() => {
    if (!popup.closed) return;
    clearInterval(timer);
    refreshStatus().catch((error) => notice(error.message));
  }, 400);
}

async function resetAuth() {
  const outcome = await postJson('/api/reset');
  showReports(outcome.reports);
  state.config = null;
  state.connected = null;
  show('#step-fields', false);
  await refreshStatus();
}

async function loadConfig(params) {
  const outcome = await postJson('/api/config', params ? { configParams: params } : {});
  showReports(outcome.reports);
  if (!outcome.ok) return showError(outcome.error);
  clearError();
  state.config = outcome.value;
  renderConfig($('#config-form'), state.config, params ?? {}, onConfigChange);
  const stepped = state.config.isSteppedConfig === true;
  show('#config-stepped', stepped);
  $('#connect').disabled = stepped;
}

/** A stepped or dynamic choice changed: Looker Studio calls getConfig again with the answers so far. */
async function onConfigChange() {
  const params = readConfig($('#config-form'), state.config);
  if (missingChoices(state.config, params).length > 0 && state.config.isSteppedConfig) return;
  await loadConfig(params);
}

async function connect() {
  const params = readConfig($('#config-form'), state.config);
  const outcome = await postJson('/api/connect', { configParams: params });
  showReports(outcome.reports);
  show('#step-fields', outcome.ok);
  if (!outcome.ok) return showError(outcome.error);
  clearError();
  state.connected = outcome.value;
  const schema = state.connected.schema;
  state.picked = defaultPicks(schema, params);
  renderSchema();
  show('#date-range', state.connected.dateRangeRequired);
  $('#date-from').value = state.connected.defaultDateRange.startDate;
  $('#date-to').value = state.connected.defaultDateRange.endDate;
}

/** The date the range applies to, then the connector's default dimension and metric. */
function defaultPicks(schema, params) {
  const dateChoice = state.config.configParams.find((entry) => entry.name === 'dateField');
  const dateName = params.dateField ?? dateChoice?.options?.[0]?.value;
  const byConcept = (concept) =>
    schema.find((field) => field.semantics.conceptType === concept && field.isDefault) ??
    schema.find((field) => field.semantics.conceptType === concept);
  const names = [dateName, byConcept('DIMENSION')?.name, byConcept('METRIC')?.name];
  return [...new Set(names.filter((name) => schema.some((field) => field.name === name)))];
}

function renderSchema() {
  const filter = $('#field-filter').value.trim().toLowerCase();
  const rows = state.connected.schema
    .filter(
      (field) =>
        !filter || `${field.name} ${field.label} ${field.group ?? ''}`.toLowerCase().includes(filter),
    )
    .map((field) => {
      const box = el('input', {
        type: 'checkbox',
        checked: state.picked.includes(field.name),
        dataset: { field: field.name },
      });
      box.addEventListener('change', () => togglePick(field.name, box.checked));
      const kind = field.semantics.conceptType;
      return el(
        'tr',
        { className: state.picked.includes(field.name) ? 'picked' : '', dataset: { field: field.name } },
        el('td', {}, box),
        el('td', {}, el('code', {}, field.name)),
        el('td', { title: field.description ?? '' }, field.label),
        el('td', {}, el('span', { className: `kind ${kind}` }, kind === 'METRIC' ? 'metric' : 'dimension')),
        el('td', {}, field.semantics.semanticType),
        el('td', {}, field.dataType),
        el('td', {}, field.defaultAggregationType ?? ''),
        el('td', {}, field.group ?? ''),
      );
    });
  $('#schema').tBodies[0].replaceChildren(...rows);
  $('#picked').textContent = state.picked.length > 0 ? state.picked.join(', ') : 'none';
}

function togglePick(name, on) {
  state.picked = on
    ? [...state.picked.filter((field) => field !== name), name]
    : state.picked.filter((field) => field !== name);
  renderSchema();
}

async function watchProgress() {
  while (state.running) {
    const { running } = await getJson('/api/progress');
    const data = running.find((execution) => execution.functionName === 'getData');
    if (data && state.running)
      $('#progress').textContent =
        `Running getData… ${number(data.requests)} requests, ${number(data.nodes)} records, cost ${number(data.actualQueryCost)} so far`;
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

async function run(refresh) {
  if (state.picked.length === 0) return notice('Pick at least one field.');
  notice('');
  const body = { fields: state.picked, refresh };
  if (state.connected.dateRangeRequired)
    body.dateRange = { startDate: $('#date-from').value, endDate: $('#date-to').value };
  state.running = true;
  $('#run').disabled = true;
  $('#progress').textContent = 'Running getData…';
  void watchProgress().catch(() => undefined);
  try {
    const outcome = await postJson('/api/data', body);
    showReports(outcome.reports);
    if (!outcome.ok) return showError(outcome.error);
    clearError();
    showResult(
      outcome.value,
      outcome.reports.find((report) => report.functionName === 'getData'),
    );
  } finally {
    state.running = false;
    $('#run').disabled = false;
    $('#progress').textContent = '';
  }
}

function showResult(value, report) {
  show('#result');
  drawChart($('#chart'), value.chart);
  $('#stats').replaceChildren(statsView(report, value.rowCount));
  rowsView($('#rows'), value.schema, value.display, value.numericColumns);
  const shown = value.display.length < value.rowCount ? `, first ${number(value.display.length)} shown` : '';
  $('#row-count').textContent =
    `${number(value.rowCount)} rows${shown}${value.filtersApplied ? ', filters applied by the connector' : ''}`;
}

function guard(action) {
  return () =>
    action().catch((error) => {
      notice(error.message);
    });
}

$('#authorize').addEventListener('click', authorize);
$('#reset-auth').addEventListener('click', guard(resetAuth));
$('#admin').addEventListener(
  'change',
  guard(async () => postJson('/api/admin', { admin: $('#admin').checked })),
);
$('#connect').addEventListener('click', guard(connect));
$('#field-filter').addEventListener('input', renderSchema);
$('#run').addEventListener(
  'click',
  guard(() => run(false)),
);
$('#refresh').addEventListener(
  'click',
  guard(() => run(true)),
);
window.addEventListener('message', (event) => {
  if (event.origin === window.location.origin && event.data === 'jobber-authorized') void refreshStatus();
});
guard(refreshStatus)();

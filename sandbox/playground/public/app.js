// The playground page: walks the connector as Looker Studio does, through the server's JSON API.

import { drawChart, redrawChart } from './chart.js';
import { missingChoices, readConfig, renderConfig } from './config-form.js';
import { $, el, getJson, number, postJson } from './dom.js';
import { errorView, executionView, requestView, rowsView, statsView } from './views.js';

const state = {
  config: null,
  connected: null,
  picked: [],
  /** Bumped whenever the data source changes: answers for an older one are dropped. */
  source: 0,
  /** The source whose data is loading, or null: one load at a time per data source. */
  loading: null,
  /** Bumped by every getConfig call: an answer to an older one, arriving late, is dropped. */
  configCall: 0,
};

function show(selector, visible = true) {
  $(selector).hidden = !visible;
}

/** An error (or a plain note) in the step that caused it: auth, config or data. */
function showStepError(step, error) {
  const box = $(`#${step}-error`);
  box.replaceChildren(
    typeof error === 'string' ? el('p', { className: 'step-note' }, error) : errorView(error),
  );
  box.hidden = false;
  box.scrollIntoView({ block: 'nearest' });
}

function clearStepError(step) {
  const box = $(`#${step}-error`);
  box.hidden = true;
  box.replaceChildren();
}

/** The requests to Jobber and the executions of the last step, at the bottom of the page. */
function showCalls(step, reports) {
  show('#calls');
  $('#calls-step').textContent = step;
  const requests = reports.flatMap((report) => report.requests);
  $('#requests').replaceChildren(
    ...(requests.length > 0
      ? requests.map(requestView)
      : [el('p', { className: 'hint' }, 'This step made no request to Jobber.')]),
  );
  $('#execution-list').replaceChildren(...reports.map(executionView));
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
  $('#account-name').textContent = status.account ?? '';
  show('#account', Boolean(status.account));
  if (status.consent && $('#consent').options.length === 0) {
    $('#consent').replaceChildren(
      ...status.consent.map((choice) => el('option', { value: choice.value }, choice.label)),
    );
    show('#consent-row');
  }
  show('#step-config', status.authorized);
  if (!status.authorized) forgetDataSource();
  if (status.authorized && !state.config) await loadConfig();
  return status;
}

/** Looker Studio opens the consent page in a popup and asks isAuthValid() again once it closes. */
function authorize() {
  clearStepError('auth');
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
    refreshStatus().catch((error) => showStepError('auth', { kind: 'failure', message: error.message }));
  }, 400);
}

async function resetAuth() {
  clearStepError('auth');
  const outcome = await postJson('/api/reset');
  showCalls('resetAuth', outcome.reports);
  if (!outcome.ok) showStepError('auth', outcome.error);
  state.config = null;
  forgetDataSource();
  await refreshStatus();
}

async function loadConfig(params = {}) {
  const call = ++state.configCall;
  const first = Object.keys(params).length === 0; // Looker Studio's first call carries no answers
  const outcome = await postJson('/api/config', first ? {} : { configParams: params });
  // Two calls can overlap (after consent the popup's message and its closing both ask): only the
  // latest draws step 2, so a late answer never wipes out what the user chose meanwhile.
  if (call !== state.configCall) return;
  showCalls('getConfig', outcome.reports);
  if (!outcome.ok) return showStepError('config', outcome.error);
  // Nor does the latest: choices that ask nothing of Jobber (a date, a text) made while it was on
  // its way are not in it, so the answer is for other choices than the form's; ask again.
  const shown = state.config ? readConfig($('#config-form'), state.config) : params;
  if (!sameChoices(shown, params)) return loadConfig(shown);
  clearStepError('config');
  state.config = outcome.value;
  renderConfig($('#config-form'), state.config, params, onConfigChange);
  const stepped = state.config.isSteppedConfig === true;
  show('#config-stepped', stepped);
  $('#connect').disabled = stepped;
}

function sameChoices(left, right) {
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => left[key] === right[key]);
}

/** Steps 3 and 4 belong to the connected data source: they go once its configuration changes. */
function forgetDataSource() {
  state.connected = null;
  state.picked = [];
  state.source += 1;
  state.loading = null;
  show('#step-fields', false);
  show('#step-result', false);
  show('#progress', false);
  clearStepError('data');
  $('#field-filter').value = '';
  updateLoadButtons();
}

/** A stepped or dynamic choice changed: Looker Studio calls getConfig again with the answers so far. */
async function onConfigChange() {
  const params = readConfig($('#config-form'), state.config);
  if (missingChoices(state.config, params).length > 0 && state.config.isSteppedConfig) return;
  await loadConfig(params);
}

async function connect() {
  clearStepError('config');
  forgetDataSource();
  const source = state.source;
  const params = readConfig($('#config-form'), state.config);
  const outcome = await postJson('/api/connect', { configParams: params });
  if (source !== state.source) return;
  showCalls('getConfig, getSchema', outcome.reports);
  if (!outcome.ok) return showStepError('config', outcome.error);
  state.connected = outcome.value;
  state.picked = defaultPicks(state.connected.schema, params);
  renderSchema();
  show('#step-fields');
  show('#date-range', state.connected.dateRangeRequired);
  $('#date-from').value = state.connected.defaultDateRange.startDate;
  $('#date-to').value = state.connected.defaultDateRange.endDate;
  updateLoadButtons();
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
  if (!state.connected) return;
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

/** Get data and Refresh data stay disabled while this data source loads. */
function updateLoadButtons() {
  const busy = state.loading !== null && state.loading === state.source;
  $('#run').disabled = busy || !state.connected;
  $('#refresh').disabled = busy || !state.connected;
}

/** The server's progress line (records of N, elapsed, waits) every 400 ms while the load runs. */
async function watchProgress(source) {
  while (state.loading === source) {
    const { load } = await getJson('/api/progress');
    if (state.loading !== source) return;
    if (load) {
      $('#progress-line').textContent = load.line;
      const bar = $('#progress-bar');
      if (load.total) {
        bar.max = load.total;
        bar.value = Math.min(load.records, load.total);
      } else bar.removeAttribute('value');
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

async function run(refresh) {
  if (state.loading === state.source || !state.connected) return;
  if (state.picked.length === 0) return showStepError('data', 'Pick at least one field.');
  clearStepError('data');
  const source = state.source;
  const body = { fields: state.picked, refresh };
  if (state.connected.dateRangeRequired)
    body.dateRange = { startDate: $('#date-from').value, endDate: $('#date-to').value };
  state.loading = source;
  updateLoadButtons();
  $('#progress-line').textContent = `${state.connected.configParams.object}: asking Jobber`;
  $('#progress-bar').removeAttribute('value');
  show('#progress');
  void watchProgress(source).catch(() => undefined);
  try {
    const outcome = await postJson('/api/data', body);
    if (source !== state.source) return; // the data source changed meanwhile: not its rows
    showCalls('getData', outcome.reports);
    if (!outcome.ok) {
      show('#step-result', false);
      return showStepError('data', outcome.error);
    }
    showResult(
      outcome.value,
      outcome.reports.find((report) => report.functionName === 'getData'),
    );
  } finally {
    if (state.loading === source) {
      state.loading = null;
      show('#progress', false);
      updateLoadButtons();
    }
  }
}

function showResult(value, report) {
  show('#step-result');
  drawChart($('#chart'), value.chart);
  $('#stats').replaceChildren(statsView(report, value.rowCount));
  rowsView($('#rows'), value.schema, value.display, value.numericColumns);
  const shown = value.display.length < value.rowCount ? `, first ${number(value.display.length)} shown` : '';
  $('#row-count').textContent =
    `${number(value.rowCount)} rows${shown}${value.filtersApplied ? ', filters applied by the connector' : ''}`;
}

/** Runs an action; an exception (the server down, a refused request) shows in the step that caused it. */
function guard(step, action) {
  return () =>
    action().catch((error) => {
      showStepError(step, { kind: 'failure', message: error.message });
    });
}

$('#authorize').addEventListener('click', authorize);
$('#reset-auth').addEventListener('click', guard('auth', resetAuth));
$('#admin').addEventListener(
  'change',
  guard('auth', async () => postJson('/api/admin', { admin: $('#admin').checked })),
);
$('#config-form').addEventListener('input', () => state.connected && forgetDataSource());
$('#config-form').addEventListener('change', () => state.connected && forgetDataSource());
$('#connect').addEventListener('click', guard('config', connect));
$('#field-filter').addEventListener('input', renderSchema);
$('#run').addEventListener(
  'click',
  guard('data', () => run(false)),
);
$('#refresh').addEventListener(
  'click',
  guard('data', () => run(true)),
);
window.addEventListener('resize', () => redrawChart($('#chart')));
window.addEventListener('message', (event) => {
  if (event.origin === window.location.origin && event.data === 'jobber-authorized') void refreshStatus();
});
guard('auth', refreshStatus)();

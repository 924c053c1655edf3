/**
 * A tiny community connector for driver tests, written as connectors are: OAuth2 wired the
 * documented way (user properties, cache and one shared user lock), a stepped config, a schema,
 * and getData that reads rows from JOBBER_BASE_URL + /rows once per date range and user, under the
 * user lock, caching them for the other charts. `mode` (step 2) makes it break the contract on purpose.
 */
export const TEST_CONNECTOR = `
var cc = DataStudioApp.createCommunityConnector();
var userLock = LockService.getUserLock();

function props() { return PropertiesService.getScriptProperties(); }
function base() { return props().getProperty('JOBBER_BASE_URL'); }
function service() {
  return OAuth2.createService('jobber')
    .setAuthorizationBaseUrl(base() + '/api/oauth/authorize')
    .setTokenUrl(base() + '/api/oauth/token')
    .setClientId(props().getProperty('JOBBER_CLIENT_ID'))
    .setClientSecret(props().getProperty('JOBBER_CLIENT_SECRET'))
    .setCallbackFunction('authCallback')
    .setPropertyStore(PropertiesService.getUserProperties())
    .setCache(CacheService.getUserCache())
    .setLock(userLock);
}

function getAuthType() { return cc.newAuthTypeResponse().setAuthType(cc.AuthType.OAUTH2).build(); }
function isAuthValid() { try { return service().hasAccess(); } catch (e) { return false; } }
function resetAuth() { service().reset(); }
function get3PAuthorizationUrls() { return service().getAuthorizationUrl(); }
function isAdminUser() { return false; }
function authCallback(request) {
  var ok = false;
  try { ok = !!request.parameter.code && service().handleCallback(request); } catch (e) { ok = false; }
  return HtmlService.createHtmlOutput(ok ? 'Connected. You can close this tab.' : 'Not connected.').setTitle('Jobber');
}

function getConfig(request) {
  var config = cc.getConfig();
  var chosen = (request.configParams || {}).object;
  config.newSelectSingle().setId('object').setName('Object').setIsDynamic(true)
    .addOption(config.newOptionBuilder().setLabel('Invoices').setValue('invoices'))
    .addOption(config.newOptionBuilder().setLabel('Jobs').setValue('jobs'));
  if (chosen) {
    config.newCheckbox().setId('archived').setName('Include archived');
    config.newTextInput().setId('mode').setName('Mode');
  }
  return config.setIsSteppedConfig(!chosen).setDateRangeRequired(true).build();
}

function fields() {
  var f = cc.getFields();
  f.newDimension().setId('day').setName('Day').setType(cc.FieldType.YEAR_MONTH_DAY);
  f.newDimension().setId('client').setName('Client').setType(cc.FieldType.TEXT);
  f.newMetric().setId('total').setName('Total').setType(cc.FieldType.CURRENCY_USD).setAggregation(cc.AggregationType.SUM);
  return f;
}
function getSchema(request) { return cc.newGetSchemaResponse().setFields(fields()).build(); }

function getData(request) {
  var mode = request.configParams.mode || '';
  if (mode === 'crash') return null.rows;
  if (mode === 'user-error') cc.newUserError().setText('Reconnect Jobber').setDebugText('token revoked').throwException();
  var names = request.fields.map(function (field) { return field.name; });
  if (mode === 'misordered') names.reverse();
  var all = fields().build();
  var schema = names.map(function (name) { return all.filter(function (field) { return field.name === name; })[0]; });
  var rows = cachedRows(request.dateRange).map(function (row) {
    var values = names.map(function (name) { return row[name]; });
    if (mode === 'wide-row') values.push('extra');
    if (mode === 'bad-date') values = values.map(function (v, i) { return names[i] === 'day' ? '2025-01-01' : v; });
    return { values: values };
  });
  return { schema: schema, rows: rows, filtersApplied: mode === 'claims-filters' };
}

function cachedRows(range) {
  var cache = CacheService.getUserCache();
  var key = 'rows:' + range.startDate + ':' + range.endDate;
  userLock.waitLock(30000);
  try {
    var hit = cache.get(key);
    if (hit) return JSON.parse(hit);
    var text = UrlFetchApp.fetch(base() + '/rows?start=' + range.startDate + '&end=' + range.endDate, {
      headers: { Authorization: 'Bearer ' + service().getAccessToken() },
    }).getContentText();
    cache.put(key, text, 300);
    return JSON.parse(text);
  } finally {
    userLock.releaseLock();
  }
}
`;

/**
 * A small Apps Script project that talks to Drive v3's REST API with UrlFetchApp and
 * ScriptApp.getOAuthToken(), the way the connector will: multipart creates of gzip bytes, lists of
 * the app data folder, downloads, media and metadata PATCHes, deletes. Every call answers
 * `{ status, json, headers }` (muted HTTP exceptions) so tests can read Drive's answers.
 */
export const APPDATA_SCOPE = 'https://www.googleapis.com/auth/drive.appdata';
export const EXTERNAL_REQUEST_SCOPE = 'https://www.googleapis.com/auth/script.external_request';
export const DRIVE_WHITELIST = [
  'https://www.googleapis.com/drive/v3/',
  'https://www.googleapis.com/upload/drive/v3/',
];
/** The manifest a Drive-using deployment needs. */
export const DRIVE_MANIFEST = {
  oauthScopes: [EXTERNAL_REQUEST_SCOPE, APPDATA_SCOPE],
  urlFetchWhitelist: DRIVE_WHITELIST,
};

export const DRIVE_SCRIPT = `
var FILES = 'https://www.googleapis.com/drive/v3/files';
var UPLOAD = 'https://www.googleapis.com/upload/drive/v3/files';

function token() { return ScriptApp.getOAuthToken(); }
function tokens() { return [ScriptApp.getOAuthToken(), ScriptApp.getOAuthToken()]; }

function call(method, url, options) {
  options = options || {};
  var params = { method: method, muteHttpExceptions: true,
    headers: options.headers || { Authorization: 'Bearer ' + (options.token || ScriptApp.getOAuthToken()) } };
  if (options.payload !== undefined) params.payload = options.payload;
  if (options.contentType) params.contentType = options.contentType;
  var response = UrlFetchApp.fetch(url, params);
  return answer(response);
}

function answer(response) {
  var headers = response.getHeaders();
  var type = headers['Content-Type'] || '';
  var text = response.getContentText();
  return { status: response.getResponseCode(), headers: headers,
    json: type.indexOf('application/json') === 0 && text ? JSON.parse(text) : null };
}

function attempt(method, url, options) { try { return call(method, url, options); } catch (e) { return String(e); } }

/** A multipart/related body: media as a byte array, or as a string of single-byte characters (fast for big ones). */
function multipart(metadata, media, mediaType) {
  var boundary = 'b0undary' + Utilities.getUuid();
  var head = '--' + boundary + '\\r\\nContent-Type: application/json; charset=UTF-8\\r\\n\\r\\n' +
    JSON.stringify(metadata) + '\\r\\n--' + boundary + '\\r\\nContent-Type: ' + mediaType + '\\r\\n\\r\\n';
  var tail = '\\r\\n--' + boundary + '--';
  var payload = typeof media === 'string' ? head + media + tail
    : Utilities.newBlob(head).getBytes().concat(media).concat(Utilities.newBlob(tail).getBytes());
  return { contentType: 'multipart/related; boundary=' + boundary, payload: payload };
}

function gzipOf(text) { return Utilities.gzip(Utilities.newBlob(text, 'application/json')).getBytes(); }

/** Creates an app data file holding gzip(text). */
function create(name, text, appProperties, fields) {
  var body = multipart({ name: name, parents: ['appDataFolder'], mimeType: 'application/gzip',
    appProperties: appProperties || {} }, gzipOf(text), 'application/gzip');
  return call('post', UPLOAD + '?uploadType=multipart' + (fields ? '&fields=' + encodeURIComponent(fields) : ''), body);
}

/** Creates a file of n zero bytes with any metadata. */
function createSized(metadata, n) {
  var body = multipart(metadata, '\\u0000'.repeat(n), 'application/octet-stream');
  return call('post', UPLOAD + '?uploadType=multipart', body);
}

function list(query) { return call('get', FILES + '?' + query); }
function get(id, query) { return call('get', FILES + '/' + id + (query ? '?' + query : '')); }

/** Downloads a file and ungzips it. */
function read(id) {
  var response = UrlFetchApp.fetch(FILES + '/' + id + '?alt=media',
    { headers: { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() } });
  return Utilities.ungzip(response.getBlob().setContentType('application/x-gzip')).getDataAsString();
}
function tryRead(id) { try { return read(id); } catch (e) { return String(e); } }

function md5Of(id) {
  var response = UrlFetchApp.fetch(FILES + '/' + id + '?alt=media',
    { headers: { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() } });
  return Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, response.getContent())
    .map(function (b) { return ('0' + (b & 255).toString(16)).slice(-2); }).join('');
}

function replace(id, text) {
  return call('patch', UPLOAD + '/' + id + '?uploadType=media&fields=id,version,size,md5Checksum,modifiedTime',
    { payload: gzipOf(text), contentType: 'application/gzip' });
}

function patch(id, metadata, query) {
  return call('patch', FILES + '/' + id + (query ? '?' + query : ''),
    { payload: JSON.stringify(metadata), contentType: 'application/json' });
}

function remove(id) { return call('delete', FILES + '/' + id); }

/** Several Drive requests in one UrlFetchApp.fetchAll. */
function listMany(n) {
  var request = { url: FILES + '?spaces=appDataFolder',
    headers: { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() }, muteHttpExceptions: true };
  var requests = [];
  for (var i = 0; i < n; i++) requests.push(request);
  return UrlFetchApp.fetchAll(requests).map(function (r) { return r.getResponseCode(); });
}

function saveToken() { PropertiesService.getUserProperties().setProperty('token', ScriptApp.getOAuthToken()); }
function listWithSavedToken() {
  return call('get', FILES + '?spaces=appDataFolder', { token: PropertiesService.getUserProperties().getProperty('token') });
}
`;

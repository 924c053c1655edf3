/**
 * The global functions Looker Studio calls, and the web app's doGet/doPost (the owner's setup page).
 * Each is one line inside the one error boundary; the build fails if any of them is missing or is
 * not a top-level function in dist/Code.js.
 */
import { runEntryPoint, runEntryPointOr } from './connector';

export function getAuthType(): unknown {
  return runEntryPoint('getAuthType', (connector) => connector.getAuthType());
}

export function isAuthValid(): boolean {
  return runEntryPointOr('isAuthValid', false, (connector) => connector.isAuthValid());
}

export function resetAuth(): void {
  return runEntryPoint('resetAuth', (connector) => connector.resetAuth());
}

export function get3PAuthorizationUrls(): string {
  return runEntryPoint('get3PAuthorizationUrls', (connector) => connector.get3PAuthorizationUrls());
}

export function authCallback(request: unknown): unknown {
  return runEntryPoint('authCallback', (connector) => connector.authCallback(request));
}

export function isAdminUser(): boolean {
  return runEntryPointOr('isAdminUser', false, (connector) => connector.isAdminUser());
}

export function getConfig(request: unknown): unknown {
  return runEntryPoint('getConfig', (connector) => connector.getConfig(request));
}

export function getSchema(request: unknown): unknown {
  return runEntryPoint('getSchema', (connector) => connector.getSchema(request));
}

export function getData(request: unknown): unknown {
  return runEntryPoint('getData', (connector) => connector.getData(request));
}

export function doGet(event: unknown): unknown {
  return runEntryPoint('doGet', (connector) => connector.doGet(event));
}

export function doPost(event: unknown): unknown {
  return runEntryPoint('doPost', (connector) => connector.doPost(event));
}

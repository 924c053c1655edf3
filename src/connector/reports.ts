import type { AuthEntryPoints } from '../auth/entry-points';
import { ConnectorError } from '../errors';
import type { Platform } from '../platform/platform';

export interface ReportEntryPoints {
  getConfig(request: unknown): unknown;
  getSchema(request: unknown): unknown;
  getData(request: unknown): unknown;
}

export function createReportEntryPoints(_platform: Platform, _auth: AuthEntryPoints): ReportEntryPoints {
  const notReady = (): never => {
    throw new ConnectorError('INTERNAL', 'Jobber reports are not available in this build yet.');
  };
  return { getConfig: notReady, getSchema: notReady, getData: notReady };
}

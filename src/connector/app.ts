import { createAuthEntryPoints, type AuthEntryPoints } from '../auth/entry-points';
import { ConnectorError } from '../errors';
import type { JobberApi } from '../jobber/api';
import type { Platform } from '../platform/platform';
import { createReportEntryPoints, type ReportEntryPoints } from './reports';

/** Everything Looker Studio can call, built for one execution from its Platform. */
export type Connector = AuthEntryPoints & ReportEntryPoints;

/** The composition root: the only place where the connector's parts are wired together. */
export function createConnector(platform: Platform): Connector {
  const auth = createAuthEntryPoints(platform);
  const reports = createReportEntryPoints({ platform, jobberApi: () => jobberApiNotReady() });
  return { ...auth, ...reports };
}

function jobberApiNotReady(): JobberApi {
  throw new ConnectorError('INTERNAL', 'Jobber access is not available in this build yet.');
}

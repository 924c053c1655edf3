import { createAuthEntryPoints, type AuthEntryPoints } from '../auth/entry-points';
import type { Platform } from '../platform/platform';
import { createReportEntryPoints, type ReportEntryPoints } from './reports';

/** Everything Looker Studio can call, built for one execution from its Platform. */
export type Connector = AuthEntryPoints & ReportEntryPoints;

/** The composition root: the only place where the connector's parts are wired together. */
export function createConnector(platform: Platform): Connector {
  const auth = createAuthEntryPoints(platform);
  const reports = createReportEntryPoints(platform, auth);
  return { ...auth, ...reports };
}

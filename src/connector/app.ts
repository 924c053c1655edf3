import { createJobberAccess } from '../auth/jobber-access';
import type { AuthEntryPoints } from '../auth/entry-points';
import { createReportCache } from '../cache';
import type { Platform } from '../platform/platform';
import { createSetupPage, type SetupPage } from '../setup/page';
import { createReportEntryPoints, type ReportEntryPoints } from './reports';

/** Everything Looker Studio can call, built for one execution from its Platform. */
export type Connector = AuthEntryPoints & ReportEntryPoints & SetupPage;

/** The composition root: the only place where the connector's parts are wired together. */
export function createConnector(platform: Platform): Connector {
  const cache = createReportCache(platform);
  const access = createJobberAccess(platform, { onReset: () => cache.clear() });
  const reports = createReportEntryPoints({ platform, jobberApi: () => access.api, cache });
  return {
    ...access.entryPoints,
    ...reports,
    ...createSetupPage(platform),
    getData: (request) => access.logged('getData', () => reports.getData(request)),
  };
}

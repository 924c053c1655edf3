import { createJobberAccess } from '../auth/jobber-access';
import type { AuthEntryPoints } from '../auth/entry-points';
import type { Platform } from '../platform/platform';
import { createReportEntryPoints, type ReportEntryPoints } from './reports';

/** Everything Looker Studio can call, built for one execution from its Platform. */
export type Connector = AuthEntryPoints & ReportEntryPoints;

/** The composition root: the only place where the connector's parts are wired together. */
export function createConnector(platform: Platform): Connector {
  // onReset: the cache's clear() goes here once the cache lands (resetAuth and new authorizations).
  const access = createJobberAccess(platform, {});
  const reports = createReportEntryPoints(platform, access.entryPoints);
  return {
    ...access.entryPoints,
    ...reports,
    getData: (request) => access.logged('getData', () => reports.getData(request)),
  };
}

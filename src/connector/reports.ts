import { buildConfig } from './config';
import { parseReportConfig, configParamsOf } from './config-params';
import { getData, type ReportDependencies } from './data';
import { schemaResponse } from './schema';

export interface ReportEntryPoints {
  getConfig(request: unknown): unknown;
  getSchema(request: unknown): unknown;
  getData(request: unknown): unknown;
}

/** getConfig, getSchema and getData for one execution. */
export function createReportEntryPoints(deps: ReportDependencies): ReportEntryPoints {
  const connector = deps.platform.connectorApi;
  return {
    getConfig: (request) => buildConfig(connector, request),
    getSchema: (request) => {
      const config = parseReportConfig(configParamsOf(request));
      return schemaResponse(connector, config.object, config.currency);
    },
    getData: (request) => getData(deps, request),
  };
}

import { exception } from '../bridge';
import { Config } from './config';
import { Fields } from './fields';
import {
  ConnectorErrorBuilder,
  GetAuthTypeResponse,
  GetDataResponse,
  GetSchemaResponse,
  SetCredentialsResponse,
} from './responses';
import { AggregationType, AuthType, BigQueryParameterType, FieldType } from './types';

/** DataStudioApp: the builders produce exactly the JSON Looker Studio receives. */
export function createDataStudioApp(): Record<string, unknown> {
  return {
    createCommunityConnector: () => ({
      AggregationType,
      AuthType,
      BigQueryParameterType,
      FieldType,
      getConfig: () => new Config(),
      getFields: () => new Fields(),
      newAuthTypeResponse: () => new GetAuthTypeResponse(),
      newGetSchemaResponse: () => new GetSchemaResponse(),
      newGetDataResponse: () => new GetDataResponse(),
      newSetCredentialsResponse: () => new SetCredentialsResponse(),
      newUserError: () => new ConnectorErrorBuilder('user'),
      newDebugError: () => new ConnectorErrorBuilder('debug'),
      newBigQueryConfig: () => {
        throw exception('BigQuery configs are not available in the local runtime.');
      },
    }),
  };
}

/** The Jobber client's public surface: what the rest of the connector may use. */
export { forgetAccount, storedAccount } from './account';
export type {
  ConnectionQuery,
  ConnectionResult,
  ExecutionStats,
  GraphQLRequest,
  JobberAccount,
  JobberApi,
  ReadOptions,
} from './api';
export { RuntimeBudget, runtimeBudgetMs } from './budget';
export { createJobberClient, type JobberClient } from './client';
export { jobberEndpoints, type JobberEndpoints } from './endpoints';
export { newExecutionStats } from './stats';

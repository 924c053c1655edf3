import type { PropertyStore } from '../platform';

/** The GraphQL API version every request pins (jobber-api.md §3.3: the newest documented one). */
export const JOBBER_API_VERSION = '2025-04-16';
export const API_VERSION_HEADER = 'X-JOBBER-GRAPHQL-VERSION';

/** Script property that points the connector at another Jobber host (the sandbox, in tests). */
export const BASE_URL_PROPERTY = 'JOBBER_BASE_URL';
export const DEFAULT_BASE_URL = 'https://api.getjobber.com';

export interface JobberEndpoints {
  readonly authorize: string;
  readonly token: string;
  readonly graphql: string;
}

/** Jobber's URLs, built once from the base URL (script property, else Jobber's own host). */
export function jobberEndpoints(scriptProperties: PropertyStore): JobberEndpoints {
  const configured = (scriptProperties.getProperty(BASE_URL_PROPERTY) ?? '').trim();
  const base = (configured || DEFAULT_BASE_URL).replace(/\/+$/, '');
  return {
    authorize: `${base}/api/oauth/authorize`,
    token: `${base}/api/oauth/token`,
    graphql: `${base}/api/graphql`,
  };
}

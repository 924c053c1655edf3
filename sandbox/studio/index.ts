import type { Runtime } from '../runtime';
import { LookerStudio, type StudioOptions } from './looker-studio';

export { followAuthorizeRedirect, type Consent } from './consent';
export { DataSource, type ChartOutcome } from './data-source';
export { ContractViolation, LookerUserError, isLookerUserError } from './errors';
export {
  LookerStudio,
  type AuthorizationOutcome,
  type StudioExecution,
  type StudioOptions,
} from './looker-studio';
export { addDays, dateIn, defaultDateRange, sampleDateRange } from './requests';
export type * from './types';
export type { ConfigAnswer } from './validate-config';

/** Looker Studio for one user of the runtime's script. */
export function createStudio(runtime: Runtime, user: string, options: StudioOptions = {}): LookerStudio {
  return new LookerStudio(runtime, user, options);
}

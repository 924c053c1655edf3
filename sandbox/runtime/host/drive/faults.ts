/** Faults a test injects into the Drive stand-in, and its latency model. */
import {
  backendError,
  domainPolicy,
  insufficientScopes,
  invalidCredentials,
  rateLimitExceeded,
  storageQuotaExceeded,
  userRateLimitExceeded,
  type DriveError,
} from './errors';

export type DriveFaultKind =
  /** 403 usageLimits userRateLimitExceeded ("User Rate Limit Exceeded"). */
  | 'userRateLimitExceeded'
  /** 403 usageLimits rateLimitExceeded. */
  | 'rateLimitExceeded'
  /** 429 usageLimits rateLimitExceeded. */
  | 'tooManyRequests'
  /** 500 backendError. */
  | 'backendError'
  /** 502 backendError. */
  | 'badGateway'
  /** 503 backendError ("The service is currently unavailable."). */
  | 'serviceUnavailable'
  /** 403 insufficientPermissions: the user did not grant drive.appdata (granular consent). */
  | 'insufficientScopes'
  /** 403 domainPolicy: a Workspace admin turned Drive apps off. */
  | 'domainPolicy'
  /** 403 usageLimits storageQuotaExceeded. */
  | 'storageQuotaExceeded'
  /** 401 authError: the token was revoked. */
  | 'authError'
  /** No answer: UrlFetchApp's `Timeout: <url>` after 60 s (virtual on a virtual clock). */
  | 'timeout';

/** What a request does, for matching faults. */
export type DriveOperation =
  'create' | 'list' | 'get' | 'download' | 'update' | 'updateContent' | 'delete' | 'other';

export interface DriveFault {
  readonly kind: DriveFaultKind;
  /** How many matching requests fail: default 1; Infinity fails them all until clearFaults(). */
  readonly times?: number;
  /** Only this Google user's requests (default: any user). */
  readonly user?: string;
  /** Only these operations (default: any). */
  readonly operation?: DriveOperation | readonly DriveOperation[];
  /**
   * The request takes effect, then the answer is the fault (a write that happened although the
   * script saw a 5xx or a time-out). Default false: the request fails before touching anything.
   */
  readonly afterEffect?: boolean;
}

export interface DriveLatency {
  /** Fixed time per request, ms. */
  readonly perRequestMs: number;
  /** Transfer rate for request plus response bodies, bytes per second. */
  readonly bytesPerSecond: number;
}

/** Assumed, not measured (docs/runtime.md): ~120 ms per call, 20 MB/s, so a 5 MB shard takes ~370 ms. */
export const DEFAULT_DRIVE_LATENCY: DriveLatency = { perRequestMs: 120, bytesPerSecond: 20_000_000 };

export function latencyMs(model: DriveLatency, bytes: number): number {
  return Math.ceil(model.perRequestMs + (bytes * 1000) / model.bytesPerSecond);
}

interface PendingFault {
  readonly fault: DriveFault;
  readonly app: string;
  remaining: number;
}

export interface FaultMatch {
  readonly user: string;
  readonly app: string;
  readonly operation: DriveOperation;
  readonly afterEffect: boolean;
}

/** Faults waiting for their requests, first injected first served. */
export class DriveFaults {
  private pending: PendingFault[] = [];

  inject(fault: DriveFault, app: string): void {
    const times = fault.times ?? 1;
    if (!(times > 0)) throw new Error(`A Drive fault needs times > 0, got ${String(fault.times)}`);
    this.pending.push({ fault, app, remaining: times });
  }

  /** The fault this request meets, if any (counted), as an error or a time-out. */
  take(match: FaultMatch): DriveError | 'timeout' | null {
    const found = this.pending.find(
      ({ fault, app, remaining }) => remaining > 0 && matches(fault, app, match),
    );
    if (!found) return null;
    found.remaining -= 1;
    this.pending = this.pending.filter((entry) => entry.remaining > 0);
    return found.fault.kind === 'timeout' ? 'timeout' : faultError(found.fault.kind, match.operation);
  }

  count(): number {
    return this.pending.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  clear(): void {
    this.pending = [];
  }
}

function matches(fault: DriveFault, app: string, match: FaultMatch): boolean {
  const operations = fault.operation === undefined ? null : ([] as DriveOperation[]).concat(fault.operation);
  return (
    app === match.app &&
    (fault.afterEffect ?? false) === match.afterEffect &&
    (fault.user === undefined || fault.user === match.user) &&
    (operations === null || operations.includes(match.operation))
  );
}

function faultError(kind: Exclude<DriveFaultKind, 'timeout'>, operation: DriveOperation): DriveError {
  switch (kind) {
    case 'userRateLimitExceeded':
      return userRateLimitExceeded();
    case 'rateLimitExceeded':
      return rateLimitExceeded(403);
    case 'tooManyRequests':
      return rateLimitExceeded(429);
    case 'backendError':
      return backendError(500);
    case 'badGateway':
      return backendError(502);
    case 'serviceUnavailable':
      return backendError(503);
    case 'insufficientScopes':
      return insufficientScopes(rpcMethod(operation));
    case 'domainPolicy':
      return domainPolicy();
    case 'storageQuotaExceeded':
      return storageQuotaExceeded();
    case 'authError':
      return invalidCredentials();
  }
}

/** The RPC name Drive reports in an insufficient-scope error's ErrorInfo. */
export function rpcMethod(operation: DriveOperation): string {
  const names: Record<DriveOperation, string> = {
    create: 'Create',
    list: 'List',
    get: 'Get',
    download: 'Get',
    update: 'Update',
    updateContent: 'Update',
    delete: 'Delete',
    other: 'Get',
  };
  return `google.apps.drive.v3.DriveFiles.${names[operation]}`;
}

import type { DriveFault, DriveLatency } from './faults';
import type { LocalDrive } from './local-drive';

export type { DriveFault, DriveFaultKind, DriveLatency, DriveOperation } from './faults';

/** A file of an app data folder, as the host API reports it. */
export interface DriveFileInfo {
  readonly id: string;
  readonly name: string;
  readonly mimeType: string;
  readonly size: number;
  readonly md5Checksum: string;
  readonly version: number;
  readonly createdTime: string;
  readonly modifiedTime: string;
  readonly appProperties: Readonly<Record<string, string>>;
}

/** Which app's folder (default: the runtime's own app). */
export interface DriveTarget {
  readonly app?: string;
}

export interface DriveFileSeed {
  readonly name: string;
  readonly content: Buffer | Uint8Array | string;
  readonly mimeType?: string;
  readonly appProperties?: Readonly<Record<string, string>>;
}

export interface DriveCorruption extends DriveTarget {
  /** The byte to flip (default: the middle one). */
  readonly at?: number;
  /**
   * 'updated' (default): Drive's size, checksums, version and modifiedTime describe the new bytes,
   * as after any other writer. 'unchanged': they still describe the old bytes.
   */
  readonly metadata?: 'updated' | 'unchanged';
}

/**
 * The Drive stand-in, seen from one runtime (`runtime.drive`): inspect and damage users' app data,
 * set storage quotas, inject faults and set the latency. Users are Google accounts (the emails
 * runtime.run takes); files are named by id or, when unambiguous, by name.
 */
export interface DriveHost {
  /** The OAuth client this runtime's script uses (the `cloudProject` option, default the scriptId). */
  readonly app: string;
  /** The world behind it, to hand to another runtime (RuntimeOptions.drive). */
  readonly world: LocalDrive;
  /** The user's app data files, oldest first. */
  files(user: string, target?: DriveTarget): DriveFileInfo[];
  file(user: string, idOrName: string, target?: DriveTarget): DriveFileInfo;
  content(user: string, idOrName: string, target?: DriveTarget): Buffer;
  /** Seeds a file as if the app had written it (no 5 MB or quota check on its size). */
  putFile(user: string, seed: DriveFileSeed, target?: DriveTarget): DriveFileInfo;
  /** Flips one byte. */
  corrupt(user: string, idOrName: string, corruption?: DriveCorruption): void;
  /** Keeps only the first `bytes` bytes. */
  truncate(user: string, idOrName: string, bytes: number, corruption?: DriveCorruption): void;
  remove(user: string, idOrName: string, target?: DriveTarget): void;
  /** Bytes the user's Drive may hold (all apps together); null: no limit. Writes over it get 403 storageQuotaExceeded. */
  setStorageQuota(user: string, bytes: number | null): void;
  storageUsed(user: string): number;
  /** The next matching request(s) of this runtime's app (or target.app) fail as `fault` says. */
  injectFault(fault: DriveFault, target?: DriveTarget): void;
  clearFaults(): void;
  /** Matching requests still to fail (Infinity for a standing fault). */
  pendingFaults(): number;
  readonly latency: DriveLatency;
  setLatency(latency: Partial<DriveLatency>): void;
  /** Every token issued to the user stops working: Drive answers 401 until getOAuthToken is called again. */
  revokeTokens(user: string): void;
}

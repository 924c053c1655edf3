/**
 * What the clasp stand-in keeps of "Google": the signed-in account, its Apps Script projects with
 * their versions and deployments, injected failures, and every call it received. One JSON file,
 * named by CLASP_STAND_IN_STATE, so a test seeds it before a run and reads it after.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface StandInDeployment {
  readonly deploymentId: string;
  /** Absent for the HEAD deployment every project has. */
  versionNumber?: number;
  description: string;
}

export interface StandInProject {
  readonly title: string;
  /** The Google account that owns it: others get "The caller does not have permission". */
  readonly owner: string;
  /** Pushed files by name (Code, appsscript), with their content. */
  files: Record<string, string>;
  versions: { versionNumber: number; description: string }[];
  deployments: StandInDeployment[];
}

export interface StandInFailure {
  /** The clasp command that fails (create-script, push, create-version, list-deployments, create-deployment, update-deployment). */
  readonly command: string;
  /** What clasp prints on stderr before exiting 1. */
  readonly message: string;
  /** How many calls fail (default 1). */
  times?: number;
}

export interface StandInCall {
  readonly argv: readonly string[];
  readonly cwd: string;
}

export interface GoogleSide {
  /** The account the stored clasp credentials belong to. */
  account: {
    email: string;
    /** Off: every API call fails as Google says when the user never enabled the Apps Script API. */
    appsScriptApi: boolean;
    /** False: the stored refresh token was revoked or expired (API calls fail with invalid_grant). */
    credentialsValid: boolean;
  };
  projects: Record<string, StandInProject>;
  failures: StandInFailure[];
  calls: StandInCall[];
}

export const API_DISABLED_TEXT =
  'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings ' +
  'then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.';
export const NOT_FOUND_TEXT = 'Requested entity was not found.';
export const NO_PERMISSION_TEXT = 'The caller does not have permission';
export const NO_MANIFEST_TEXT = 'Project contents must include a manifest file named appsscript.';

export function emptyGoogleSide(email = 'owner@example.com'): GoogleSide {
  return {
    account: { email, appsScriptApi: true, credentialsValid: true },
    projects: {},
    failures: [],
    calls: [],
  };
}

export function readGoogleSide(path: string): GoogleSide {
  if (!existsSync(path)) return emptyGoogleSide();
  return JSON.parse(readFileSync(path, 'utf8')) as GoogleSide;
}

export function writeGoogleSide(path: string, side: GoogleSide): void {
  writeFileSync(path, JSON.stringify(side, null, 2));
}

/** Shaped like Apps Script's ids: a script id of 57 characters, a deployment id starting AKfycb. */
export function newScriptId(): string {
  return `1${randomBytes(42).toString('base64url')}`;
}

export function newDeploymentId(): string {
  return `AKfycb${randomBytes(54).toString('base64url')}`;
}

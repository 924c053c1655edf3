/**
 * What setup remembers between runs, in the git-ignored project file clasp also reads
 * (.clasp.local.json: scriptId and rootDir are clasp's; clasp ignores the rest). Every step
 * writes what it achieved at once, so a rerun after any failure continues instead of repeating.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const ROOT_DIR = 'dist';

export interface SetupState {
  readonly scriptId?: string;
  readonly rootDir: string;
  /** The deployment Looker Studio and the setup page use; reused on every later run. */
  readonly deploymentId?: string;
  /** The last version created, and the build it holds (a hash of the pushed files). */
  readonly version?: number;
  readonly versionBuild?: string;
  /** The version the deployment serves. */
  readonly deployedVersion?: number;
}

export function readState(projectFile: string): SetupState {
  if (!existsSync(projectFile)) return { rootDir: ROOT_DIR };
  const parsed = JSON.parse(readFileSync(projectFile, 'utf8')) as Partial<SetupState>;
  return { ...parsed, rootDir: ROOT_DIR };
}

export class StateFile {
  constructor(
    readonly path: string,
    private current: SetupState,
  ) {}

  get state(): SetupState {
    return this.current;
  }

  update(changes: Partial<SetupState>): void {
    this.current = withoutUndefined({ ...this.current, ...changes });
    writeFileSync(this.path, `${JSON.stringify(this.current, null, 2)}\n`);
  }
}

function withoutUndefined(state: SetupState): SetupState {
  return Object.fromEntries(
    Object.entries(state).filter(([, value]) => value !== undefined),
  ) as unknown as SetupState;
}

/** The folder clasp pushes: rootDir next to the project file. */
export function contentDir(projectFile: string): string {
  return resolve(dirname(projectFile), ROOT_DIR);
}

/** Identifies what a push sends: the script and manifest files of the content folder. */
export function buildHash(projectFile: string): string {
  const dir = contentDir(projectFile);
  const hash = createHash('sha256');
  for (const name of readdirSync(dir)
    .filter((file) => /\.(js|gs|html|json)$/.test(file))
    .sort()) {
    hash
      .update(`${name}\0`)
      .update(readFileSync(join(dir, name)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

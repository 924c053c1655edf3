import type { SetupOptions } from './args';
import type { Clasp } from './clasp';
import type { Prompter } from './prompts';
import type { StateFile } from './state';

export interface BuildResult {
  readonly ok: boolean;
  readonly output: string;
}

/** Everything a step needs; main.ts builds the real one, tests may build another. */
export interface SetupContext {
  readonly root: string;
  readonly options: SetupOptions;
  /** A terminal on both ends: setup may ask. Never true in scripts and CI. */
  readonly interactive: boolean;
  readonly prompter: Prompter;
  readonly clasp: Clasp;
  readonly state: StateFile;
  readonly env: NodeJS.ProcessEnv;
  readonly print: (line: string) => void;
  /** Builds dist/ (npm run build:connector). */
  readonly build: () => BuildResult;
}

/** Whether a browser on this machine can reach clasp login's local redirect. */
export function isRemoteMachine(env: NodeJS.ProcessEnv): boolean {
  if (env.SSH_CONNECTION || env.SSH_TTY || env.CODESPACES || env.CLOUD_SHELL) return true;
  return process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY;
}

/**
 * Runs clasp 3 (the one on PATH, which `npm run` puts this repository's first; else the one in
 * node_modules) and turns its failures into causes and next steps. Commands, flags and messages
 * follow clasp 3.4.1's source (node_modules/@google/clasp/build/src).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { SetupFailure, type StepName } from './failure';

export interface ClaspResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Clasp {
  readonly path: string;
  /** Captures the output. */
  run(args: readonly string[], options?: { readonly cwd?: string }): ClaspResult;
  /** Hands the terminal to clasp (clasp login). */
  runInTerminal(args: readonly string[]): number;
}

export const LOGIN_COMMAND = 'npx clasp login';
export const REMOTE_LOGIN_COMMAND = 'npx clasp login --no-localhost';

export function findClasp(root: string, env: NodeJS.ProcessEnv): string {
  const names = process.platform === 'win32' ? ['clasp.cmd', 'clasp.exe', 'clasp'] : ['clasp'];
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), join(root, 'node_modules', '.bin')];
  for (const dir of dirs)
    for (const name of names) {
      const path = join(dir, name);
      if (existsSync(path) && statSync(path).isFile()) return path;
    }
  throw new SetupFailure(
    'Google login',
    "clasp (Google's Apps Script command line) is not installed here.",
    'Run npm ci in this repository, then npm run setup again.',
  );
}

export function claspRunner(path: string, root: string, env: NodeJS.ProcessEnv): Clasp {
  const shell = process.platform === 'win32';
  return {
    path,
    run(args, options = {}) {
      const result = spawnSync(path, [...args], { cwd: options.cwd ?? root, env, encoding: 'utf8', shell });
      if (result.error) throw result.error;
      return { ok: result.status === 0, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
    },
    runInTerminal(args) {
      const result = spawnSync(path, [...args], { cwd: root, env, stdio: 'inherit', shell });
      return result.status ?? 1;
    },
  };
}

/** Parses clasp's --json output, or fails the step saying what clasp printed. */
export function jsonOf<T>(step: StepName, command: string, result: ClaspResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new SetupFailure(
      step,
      `the clasp command "${command}" answered something setup cannot read.`,
      'Run npm run setup again; if it repeats, run the clasp command by hand to see what it says.',
      outputOf(result),
    );
  }
}

export function outputOf(result: ClaspResult): string {
  return `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '' && !/^\s+at\s/.test(line))
    .slice(0, 8)
    .join('\n');
}

export interface FailureContext {
  readonly step: StepName;
  readonly command: string;
  readonly scriptId?: string;
  readonly email?: string;
}

/** Known clasp and Google API failures, by their message; anything else is shown as clasp said it. */
export function claspFailure(context: FailureContext, result: ClaspResult): SetupFailure {
  const text = outputOf(result);
  const { step } = context;
  const account = context.email ? ` (${context.email})` : '';
  const rerun = 'then run npm run setup again.';
  if (/No credentials found/i.test(text))
    return new SetupFailure(step, 'clasp is not logged in to a Google account.', loginStep(rerun), text);
  if (/invalid_grant|invalid_rapt|expired or revoked/i.test(text))
    return new SetupFailure(
      step,
      "clasp's Google login has expired or was revoked.",
      `Run npx clasp logout, then ${loginStep(rerun)}`,
      text,
    );
  if (/Apps Script API/i.test(text))
    return new SetupFailure(
      step,
      `the Apps Script API is turned off for your Google account${account}; clasp needs it.`,
      'Turn it on at https://script.google.com/home/usersettings (Google Apps Script API: On), wait a ' +
        `minute, ${rerun}`,
      text,
    );
  if (/Requested entity was not found/i.test(text))
    return new SetupFailure(
      step,
      `Google does not know the Apps Script project ${context.scriptId ?? ''}, or this Google account${account} cannot see it.`,
      'Check the id (npm run setup -- --script-id <id or editor URL>), sign clasp in to the account that owns ' +
        `the project, or start a new one with npm run setup -- --create; ${rerun}`,
      text,
    );
  if (/caller does not have permission|PERMISSION_DENIED/i.test(text))
    return new SetupFailure(
      step,
      `this Google account${account} may not edit the Apps Script project ${context.scriptId ?? ''}.`,
      `Sign clasp in to the project's owner (npx clasp logout, then ${LOGIN_COMMAND}), or ask them to share it with you as an editor; ${rerun}`,
      text,
    );
  if (/manifest/i.test(text))
    return new SetupFailure(
      step,
      'Google refused the manifest (dist/appsscript.json) of this build.',
      `Run npm run build and check appsscript.json; ${rerun}`,
      text,
    );
  return new SetupFailure(
    step,
    `the clasp command "${context.command}" failed.`,
    `Read clasp's message below, fix what it names, ${rerun}`,
    text || 'clasp printed nothing',
  );
}

export function loginStep(after: string): string {
  return (
    `Run ${LOGIN_COMMAND} (it opens a browser; on a remote machine without one, run ` +
    `${REMOTE_LOGIN_COMMAND} and paste the code it asks for), ${after}`
  );
}

#!/usr/bin/env node
/**
 * npm run setup: from a clone to a working Looker Studio link. Checks clasp's Google login,
 * creates or takes the Apps Script project, builds, pushes, versions and deploys (always the same
 * deployment), then prints the Jobber callback URL, the scopes, the setup page and the Looker
 * Studio link. Interactive in a terminal; flags for scripts and CI (see --help).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../sandbox/paths';
import { USAGE, parseSetupArgs, type SetupOptions } from './args';
import { checkLogin, chooseProject } from './account-steps';
import { claspRunner, findClasp } from './clasp';
import type { BuildResult, SetupContext } from './context';
import { SetupFailure, UsageError, failureText } from './failure';
import { inquirerPrompter } from './prompts';
import { build, createVersion, deploy, push } from './release-steps';
import { StateFile, readState } from './state';
import { summaryLines } from './summary';

/** Runs every step; a failure stops at its step with everything done so far remembered. */
export async function runSetup(ctx: SetupContext): Promise<void> {
  const account = await checkLogin(ctx);
  const scriptId = await chooseProject(ctx, account);
  const built = build(ctx);
  push(ctx, account);
  const version = createVersion(ctx, account, built);
  const deploymentId = await deploy(ctx, account, version);
  summaryLines({ scriptId, deploymentId }).forEach((line) => ctx.print(line));
}

export interface Io {
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly interactive: boolean;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** Default: @inquirer/prompts on the process's terminal. */
  readonly prompter?: SetupContext['prompter'];
}

/** The exit code: 0 done, 1 a step failed, 2 bad flags, 130 cancelled. */
export async function main(io: Io): Promise<number> {
  let options: SetupOptions;
  try {
    options = parseSetupArgs(io.argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\n\nSee npm run setup -- --help.`);
    return 2;
  }
  if (options.help) {
    io.stdout(USAGE);
    return 0;
  }
  const projectFile = io.env.CLASP_LOCAL_PROJECT ?? join(REPO_ROOT, '.clasp.local.json');
  try {
    const ctx: SetupContext = {
      root: REPO_ROOT,
      options,
      interactive: io.interactive,
      prompter: io.prompter ?? inquirerPrompter(),
      clasp: claspRunner(findClasp(REPO_ROOT, io.env), REPO_ROOT, io.env),
      state: new StateFile(projectFile, readState(projectFile)),
      env: io.env,
      print: io.stdout,
      build: () => npmBuild(REPO_ROOT, io.env),
    };
    io.stdout('Jobber connector setup\n');
    await runSetup(ctx);
    return 0;
  } catch (error) {
    if (error instanceof SetupFailure) {
      failureText(error, projectFile, existsSync(projectFile)).forEach((line) => io.stderr(line));
      return 1;
    }
    if (error instanceof Error && error.name === 'ExitPromptError') {
      io.stderr(
        `\nSetup cancelled. What is done is remembered in ${projectFile}; npm run setup continues from there.`,
      );
      return 130;
    }
    throw error;
  }
}

function npmBuild(root: string, env: NodeJS.ProcessEnv): BuildResult {
  const result = spawnSync('npm', ['run', '--silent', 'build:connector'], {
    cwd: root,
    env,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (result.error) return { ok: false, output: result.error.message };
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

if (require.main === module) {
  main({
    argv: process.argv.slice(2),
    env: process.env,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    stdout: (line) => console.log(line),
    stderr: (line) => console.error(line),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    },
  );
}

/** Steps 1 and 2: a Google login clasp can use, and the Apps Script project to deploy to. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOGIN_COMMAND, REMOTE_LOGIN_COMMAND, claspFailure, jsonOf, loginStep, outputOf } from './clasp';
import { isRemoteMachine, type SetupContext } from './context';
import { SetupFailure, stepLabel } from './failure';
import { parseScriptId } from './script-id';

export interface Account {
  /** Undefined when clasp holds credentials Google did not confirm. */
  readonly email?: string;
}

const LOGIN = 'Google login';
const PROJECT = 'Apps Script project';

export async function checkLogin(ctx: SetupContext): Promise<Account> {
  requireClasp3(ctx);
  let status = authorizedUser(ctx);
  if (!status.loggedIn && ctx.interactive) {
    const command = isRemoteMachine(ctx.env) ? REMOTE_LOGIN_COMMAND : LOGIN_COMMAND;
    ctx.print(`${stepLabel(LOGIN)}: clasp is not logged in to a Google account.`);
    if (await ctx.prompter.confirm(`Log in now (${command})?`, true)) {
      ctx.clasp.runInTerminal(command.split(' ').slice(2));
      status = authorizedUser(ctx);
    }
  }
  if (!status.loggedIn)
    throw new SetupFailure(
      LOGIN,
      'clasp is not logged in to a Google account.',
      loginStep('then run npm run setup again.'),
    );
  if (status.email) ctx.print(`${stepLabel(LOGIN)}: logged in as ${status.email}`);
  else
    ctx.print(
      `${stepLabel(LOGIN)}: clasp has a login, but Google did not confirm it (expired, revoked, or no network). ` +
        'Continuing; if a later step says so, log in again.',
    );
  return status.email ? { email: status.email } : {};
}

function requireClasp3(ctx: SetupContext): void {
  const result = ctx.clasp.run(['--version']);
  const version = result.stdout.trim();
  if (!result.ok || !/^3\./.test(version))
    throw new SetupFailure(
      LOGIN,
      `the clasp found at ${ctx.clasp.path} is version ${version || 'unknown'}; setup needs clasp 3.`,
      'Run setup through npm run setup (it uses the clasp this repository installs), after npm ci.',
      result.ok ? '' : outputOf(result),
    );
}

function authorizedUser(ctx: SetupContext): { loggedIn: boolean; email?: string } {
  const result = ctx.clasp.run(['--json', 'show-authorized-user']);
  if (!result.ok) throw claspFailure({ step: LOGIN, command: 'show-authorized-user' }, result);
  const answer = jsonOf<{ loggedIn?: unknown; email?: unknown }>(LOGIN, 'show-authorized-user', result);
  return {
    loggedIn: answer.loggedIn === true,
    ...(typeof answer.email === 'string' && answer.email ? { email: answer.email } : {}),
  };
}

/** The project to deploy to: the one given, the one remembered, or a new one. */
export async function chooseProject(ctx: SetupContext, account: Account): Promise<string> {
  const remembered = ctx.state.state.scriptId;
  const given = ctx.options.scriptId;
  if (given !== undefined) return useGiven(ctx, given);
  if (remembered !== undefined) {
    if (ctx.options.create)
      throw new SetupFailure(
        PROJECT,
        `a project is already set up here (${remembered}); --create would make a second one.`,
        `Run npm run setup without --create to update it. To start over, delete ${ctx.state.path} (the old ` +
          'deployment keeps serving its reports), then run npm run setup -- --create.',
      );
    ctx.print(`${stepLabel(PROJECT)}: ${remembered} (remembered)`);
    return remembered;
  }
  if (ctx.options.create || ctx.options.yes) return createProject(ctx, account);
  if (!ctx.interactive)
    throw new SetupFailure(
      PROJECT,
      'no Apps Script project is set up yet, and without a terminal setup cannot ask which one to use.',
      'Run npm run setup -- --create for a new project, or npm run setup -- --script-id <Script ID or editor URL> ' +
        'for an existing one.',
    );
  const choice = await ctx.prompter.select('Which Apps Script project should the connector live in?', [
    { value: 'create', name: 'Create a new one', description: 'A standalone project in your Google Drive' },
    { value: 'existing', name: 'Use one I already have', description: 'Paste its Script ID or editor URL' },
  ]);
  if (choice === 'create') return createProject(ctx, account);
  const answer = await ctx.prompter.input('Script ID or editor URL:', (text) => {
    const result = parseScriptId(text);
    return 'problem' in result ? result.problem : true;
  });
  const parsed = parseScriptId(answer);
  if ('problem' in parsed) throw new SetupFailure(PROJECT, parsed.problem, 'Run npm run setup again.');
  return useGiven(ctx, parsed.scriptId);
}

function useGiven(ctx: SetupContext, scriptId: string): string {
  const { scriptId: remembered, deploymentId } = ctx.state.state;
  if (remembered !== undefined && remembered !== scriptId) {
    ctx.print(
      `${stepLabel(PROJECT)}: switching from ${remembered} to ${scriptId}; ` +
        (deploymentId ? `the old deployment ${deploymentId} keeps serving the old project.` : ''),
    );
    ctx.state.update({
      scriptId,
      deploymentId: undefined,
      version: undefined,
      versionBuild: undefined,
      deployedVersion: undefined,
    });
  } else ctx.state.update({ scriptId });
  ctx.print(`${stepLabel(PROJECT)}: ${scriptId}`);
  return scriptId;
}

function createProject(ctx: SetupContext, account: Account): string {
  const scratch = mkdtempSync(join(tmpdir(), 'jobber-connector-create-'));
  try {
    const args = [
      '--json',
      'create-script',
      '--type',
      'standalone',
      '--title',
      ctx.options.title,
      '--rootDir',
      '.',
    ];
    const result = ctx.clasp.run(args, { cwd: scratch });
    if (!result.ok)
      throw claspFailure({ step: PROJECT, command: 'create-script', ...emailOf(account) }, result);
    const { scriptId } = jsonOf<{ scriptId?: unknown }>(PROJECT, 'create-script', result);
    const parsed = typeof scriptId === 'string' ? parseScriptId(scriptId) : { problem: 'no scriptId' };
    if ('problem' in parsed)
      throw new SetupFailure(
        PROJECT,
        'clasp created a project but its answer names no usable script id.',
        `Find "${ctx.options.title}" at https://script.google.com/home and run npm run setup -- --script-id <its editor URL>.`,
        outputOf(result),
      );
    ctx.state.update({ scriptId: parsed.scriptId });
    ctx.print(
      `${stepLabel(PROJECT)}: created "${ctx.options.title}", https://script.google.com/d/${parsed.scriptId}/edit`,
    );
    return parsed.scriptId;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function emailOf(account: Account): { email?: string } {
  return account.email ? { email: account.email } : {};
}

#!/usr/bin/env node
/**
 * A stand-in for the `clasp` command (clasp 3.4.1), for tests of `npm run setup` without Google:
 * put a file named `clasp` that runs this one first on PATH. It answers the commands setup uses
 * as clasp does (see commands.ts), keeps Google's side in the JSON file CLASP_STAND_IN_STATE
 * (google-side.ts) and records every call there. Logged in means, as for clasp, that the
 * credential file (--auth, $clasp_config_auth, else ~/.clasprc.json) holds a token for the user.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ClaspError, runCommand, type Invocation } from './commands';
import { readGoogleSide, writeGoogleSide } from './google-side';

export const STAND_IN_VERSION = '3.4.1';

const ALIASES: Readonly<Record<string, string>> = {
  create: 'create-script',
  version: 'create-version',
  deployments: 'list-deployments',
  deploy: 'create-deployment',
  redeploy: 'update-deployment',
};
const WITH_VALUE: Readonly<Record<string, string>> = {
  '-P': 'project',
  '--project': 'project',
  '-A': 'auth',
  '--auth': 'auth',
  '-u': 'user',
  '--user': 'user',
  '-I': 'ignore',
  '--ignore': 'ignore',
  '--title': 'title',
  '--type': 'type',
  '--rootDir': 'rootDir',
  '--parentId': 'parentId',
  '-V': 'versionNumber',
  '--versionNumber': 'versionNumber',
  '-d': 'description',
  '--description': 'description',
  '-i': 'deploymentId',
  '--deploymentId': 'deploymentId',
};
const FLAGS: Readonly<Record<string, string>> = {
  '--json': 'json',
  '-f': 'force',
  '--force': 'force',
  '--no-localhost': 'noLocalhost',
  '-v': 'version',
  '--version': 'version',
};

interface Parsed {
  readonly positional: string[];
  readonly options: Record<string, string | boolean>;
}

/** Like commander: options anywhere, the first positional is the command. */
function parse(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const valued = WITH_VALUE[flag ?? ''];
    if (valued) {
      const value = inline ?? argv[(index += 1)];
      if (value === undefined) throw new ClaspError(`error: option '${arg}' argument missing`);
      options[valued] = value;
    } else if (FLAGS[arg]) options[FLAGS[arg] ?? arg] = true;
    else if (arg.startsWith('-')) throw new ClaspError(`error: unknown option '${arg}'`);
    else positional.push(arg);
  }
  return { positional, options };
}

function credentialFile(options: Parsed['options']): string {
  if (typeof options.auth === 'string') return resolve(options.auth);
  return resolve(process.env.clasp_config_auth ?? join(homedir(), '.clasprc.json'));
}

function main(argv: readonly string[]): number {
  const statePath = process.env.CLASP_STAND_IN_STATE;
  if (!statePath) throw new Error('CLASP_STAND_IN_STATE must name the stand-in’s state file');
  const side = readGoogleSide(statePath);
  side.calls.push({ argv: [...argv], cwd: process.cwd() });
  const print = (line: string): void => void process.stdout.write(`${line}\n`);
  try {
    const { positional, options } = parse(argv);
    if (options.version) return (print(STAND_IN_VERSION), 0);
    const [command = '', ...rest] = positional;
    const projectFile =
      typeof options.project === 'string' ? resolve(options.project) : resolve('.clasp.json');
    if (typeof options.project === 'string' && !existsSync(projectFile))
      throw new ClaspError(`Invalid --project path: ${options.project}. File or directory does not exist.`);
    const authFile = credentialFile(options);
    const user = typeof options.user === 'string' ? options.user : 'default';
    const invocation: Invocation = {
      command: ALIASES[command] ?? command,
      positional: rest,
      options,
      json: options.json === true,
      projectFile,
      loggedIn: hasToken(authFile, user),
      saveCredentials: () => saveToken(authFile, user),
      cwd: process.cwd(),
    };
    runCommand(side, invocation, print);
    return 0;
  } catch (error) {
    if (!(error instanceof ClaspError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    writeGoogleSide(statePath, side);
  }
}

function hasToken(path: string, user: string): boolean {
  if (!existsSync(path)) return false;
  const store = JSON.parse(readFileSync(path, 'utf8')) as { tokens?: Record<string, unknown> };
  return Boolean(store.tokens?.[user]);
}

/** A token-shaped placeholder: the stand-in never talks to Google. */
function saveToken(path: string, user: string): void {
  const store = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as { tokens?: Record<string, unknown> })
    : {};
  const tokens = { ...store.tokens, [user]: { type: 'authorized_user', access_token: 'stand-in' } };
  writeFileSync(path, JSON.stringify({ ...store, tokens }, null, 2));
}

process.exitCode = main(process.argv.slice(2));

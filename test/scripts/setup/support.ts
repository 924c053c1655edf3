import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import {
  emptyGoogleSide,
  readGoogleSide,
  writeGoogleSide,
  type GoogleSide,
} from '../../../sandbox/clasp/google-side';
import { main } from '../../../scripts/setup/main';
import { BUILD } from '../../support/paths';

export const SETUP_MAIN = join(BUILD, 'scripts', 'setup', 'main.js');
const STAND_IN_MAIN = join(BUILD, 'sandbox', 'clasp', 'main.js');

export interface SetupRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A place to run `npm run setup` offline: a temporary folder holding the project file and dist/,
 * a HOME for clasp's credentials, and a bin folder first on PATH with the clasp stand-in (and a
 * recording npm). Google's side lives in the stand-in's state file.
 */
export class SetupWorld {
  readonly dir = mkdtempSync(join(tmpdir(), 'setup-world-'));
  readonly home = join(this.dir, 'home');
  readonly bin = join(this.dir, 'bin');
  readonly projectFile = join(this.dir, '.clasp.local.json');
  readonly statePath = join(this.dir, 'google.json');
  readonly npmLog = join(this.dir, 'npm.log');
  readonly dist = join(this.dir, 'dist');

  constructor() {
    mkdirSync(this.home);
    mkdirSync(this.bin);
    writeExecutable(join(this.bin, 'clasp'), `exec "${process.execPath}" "${STAND_IN_MAIN}" "$@"`);
    // npm run --silent build:connector: records the call and writes dist/ (or fails, when told to).
    writeExecutable(
      join(this.bin, 'npm'),
      [
        `echo "$@" >> "${this.npmLog}"`,
        'if [ -n "$FAKE_BUILD_ERROR" ]; then echo "$FAKE_BUILD_ERROR" >&2; exit 2; fi',
        `mkdir -p "${this.dist}"`,
        `printf 'function getAuthType() {}\\n// %s\\n' "$FAKE_BUILD_STAMP" > "${this.dist}/Code.js"`,
        `printf '{"timeZone":"Etc/UTC"}\\n' > "${this.dist}/appsscript.json"`,
      ].join('\n'),
    );
    writeGoogleSide(this.statePath, emptyGoogleSide());
  }

  /** clasp login's effect: a token in ~/.clasprc.json. */
  logIn(): this {
    writeFileSync(
      join(this.home, '.clasprc.json'),
      JSON.stringify({ tokens: { default: { type: 'authorized_user', access_token: 'stand-in' } } }),
    );
    return this;
  }

  google(): GoogleSide {
    return readGoogleSide(this.statePath);
  }

  changeGoogle(change: (side: GoogleSide) => void): void {
    const side = this.google();
    change(side);
    writeGoogleSide(this.statePath, side);
  }

  /** An Apps Script project on Google's side, still empty (no files, versions or deployments). */
  addProject(scriptId: string, project: { readonly title: string; readonly owner: string }): void {
    this.changeGoogle((side) => {
      side.projects[scriptId] = { ...project, files: {}, versions: [], deployments: [] };
    });
  }

  /** The clasp commands run so far (options dropped), e.g. ['push'], ['create-version', 'desc']. */
  claspCommands(): string[] {
    return this.google().calls.map((call) => commandOf(call.argv));
  }

  remembered(): Record<string, unknown> {
    return existsSync(this.projectFile)
      ? (JSON.parse(readFileSync(this.projectFile, 'utf8')) as Record<string, unknown>)
      : {};
  }

  /** A dist/ as a build leaves it; `stamp` changes the build. */
  writeDist(stamp = 'one'): void {
    mkdirSync(this.dist, { recursive: true });
    writeFileSync(join(this.dist, 'Code.js'), `function getAuthType() {}\n// ${stamp}\n`);
    writeFileSync(join(this.dist, 'appsscript.json'), '{"timeZone":"Etc/UTC"}\n');
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: this.home,
      USERPROFILE: this.home,
      PATH: `${this.bin}${delimiter}${process.env.PATH ?? ''}`,
      CLASP_STAND_IN_STATE: this.statePath,
      CLASP_LOCAL_PROJECT: this.projectFile,
      ...extra,
    };
    delete env.clasp_config_auth;
    delete env.npm_execpath;
    return env;
  }

  /**
   * `npm run setup` without a terminal, as scripts and CI run it, in this process (its clasp and
   * npm are still the executables on PATH); `spawn` runs the compiled program itself.
   */
  async run(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<SetupRun> {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const status = await main({
      argv: args,
      env: this.env(extraEnv),
      interactive: false,
      stdout: (line) => stdout.push(line),
      stderr: (line) => stderr.push(line),
    });
    return { status, stdout: lines(stdout), stderr: lines(stderr) };
  }

  spawn(args: readonly string[], extraEnv: Record<string, string> = {}): SetupRun {
    const result = spawnSync(process.execPath, [SETUP_MAIN, ...args], {
      cwd: this.dir,
      env: this.env(extraEnv),
      encoding: 'utf8',
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function lines(printed: readonly string[]): string {
  return printed.length === 0 ? '' : `${printed.join('\n')}\n`;
}

function writeExecutable(path: string, body: string): void {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

const VALUED = new Set(['--project', '--title', '--type', '--rootDir', '--versionNumber', '--description']);

function commandOf(argv: readonly string[]): string {
  const words: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (VALUED.has(arg)) index += 1;
    else if (!arg.startsWith('-')) words.push(arg);
  }
  return words[0] ?? argv.join(' ');
}

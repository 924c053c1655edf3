import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { builtFile, REPO_ROOT } from '../paths';
import { LOCAL_REDIRECT_URI } from '../shared/local-apps-script';
import { SandboxControl } from './control-client';
import type { SandboxAccount } from './control-types';
import type { DataSize } from './data/accounts';
import type { SandboxInfo } from './server/app';

export interface SandboxOptions {
  /** tiny: a few hundred records per object, for fast tests; small (default); large: ≥ 100,000 invoices. */
  size?: DataSize;
  seed?: number;
  clock?: 'real' | 'virtual';
  /** Where the history ends and a virtual clock starts (ms epoch or ISO 8601); default now. */
  startTime?: number | string;
  accessTokenLifetimeSeconds?: number;
  /** Refresh-token rotation, default true. */
  rotation?: boolean;
  /** Registered callback URLs; default [LOCAL_REDIRECT_URI]. */
  redirectUris?: string[];
  /** Default 0: an ephemeral port. */
  port?: number;
  codeLifetimeSeconds?: number;
  requestGuardLimit?: number;
  /** Serve a Jobber without these fields (`Type.field`, `Type.field.argument`): an older or trimmed API. */
  hideFields?: readonly string[];
  /** Serve a Jobber with these enum values (`Enum=VALUE`), carried by some records: a newer API. */
  extraEnumValues?: readonly string[];
}

export interface SandboxHandle {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  app: { clientId: string; clientSecret: string; redirectUris: string[] };
  accounts: SandboxAccount[];
  /** Tokens of a grant made at start-up for the demo account's owner. */
  demo: { accountId: string; userId: string; accessToken: string; refreshToken: string };
  control: SandboxControl;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;

/** Starts a sandbox of its own (fresh state, own port) as a child process running the built server. */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const child = spawn(
    process.execPath,
    [builtFile('sandbox/jobber/main.js'), '--json', ...argsFor(options)],
    {
      cwd: REPO_ROOT,
      // The IPC channel is the child's lifeline: it closes when this process ends in any way (even a
      // crash or SIGKILL), and the sandbox then stops instead of running on without an owner.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, JOBBER_SANDBOX_REDIRECT_URIS: '', JOBBER_SANDBOX_ROTATION: '' },
    },
  );
  child.channel?.unref();
  const info = await readInfo(child);
  return {
    baseUrl: info.baseUrl,
    app: { ...info.app, redirectUris: [...info.app.redirectUris] },
    accounts: [...info.accounts],
    demo: info.demo,
    control: new SandboxControl(info.baseUrl, info.demo.accountId),
    stop: () => stopChild(child),
  };
}

function argsFor(options: SandboxOptions): string[] {
  const args: string[] = ['--port', String(options.port ?? 0)];
  const add = (flag: string, value: string | number | undefined): void => {
    if (value !== undefined) args.push(flag, String(value));
  };
  add('--size', options.size ?? 'small');
  add('--seed', options.seed ?? 1);
  add('--clock', options.clock ?? 'real');
  add('--start-time', options.startTime);
  add('--token-lifetime', options.accessTokenLifetimeSeconds);
  add('--code-lifetime', options.codeLifetimeSeconds);
  add('--request-guard-limit', options.requestGuardLimit);
  for (const uri of options.redirectUris ?? [LOCAL_REDIRECT_URI]) add('--redirect-uri', uri);
  for (const field of options.hideFields ?? []) add('--hide-field', field);
  for (const value of options.extraEnumValues ?? []) add('--extra-enum-value', value);
  if (options.rotation === false) args.push('--no-rotation');
  return args;
}

function readInfo(child: ChildProcess): Promise<SandboxInfo> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(
      () => fail(new Error('The sandbox did not start within 120 s')),
      START_TIMEOUT_MS,
    );
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    const fail = (error: Error): void => {
      clearTimeout(timer);
      lines.close();
      child.kill('SIGKILL');
      reject(error);
    };
    const onExit = (code: number | null): void =>
      fail(new Error(`The sandbox exited (code ${String(code)}) before starting: ${stderr.trim()}`));
    lines.once('line', (line) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      lines.close();
      child.stdout?.resume(); // drained from now on, so a chatty sandbox never blocks on a full pipe
      resolve(JSON.parse(line) as SandboxInfo);
    });
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    // 'close', not 'exit': its pipes are closed too, so nothing of it outlives the caller's teardown.
    child.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

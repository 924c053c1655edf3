/**
 * What runs behind the playground and the query CLI: the Jobber sandbox (its own process) or the
 * real Jobber API, and the local Apps Script runtime on the very dist/Code.js that ships, set up
 * with the Jobber app's credentials as script properties, as a deployed connector is.
 */
import { startSandbox, type SandboxHandle } from '../jobber/harness';
import { createRuntime, type Runtime } from '../runtime';
import { APPS_SCRIPT_ORIGIN, LOCAL_SCRIPT_ID, scriptCallbackUrl } from '../shared/local-apps-script';
import { FetchMonitor } from './fetch-monitor';
import type { Target } from './target';

export interface BackendOptions {
  readonly target: Target;
  /**
   * Where the script's /usercallback is served: the playground's own http://127.0.0.1:<port>, so a
   * browser can complete the OAuth dance. Default https://script.google.com (no browser involved).
   */
  readonly scriptOrigin?: string;
}

export interface Backend {
  readonly target: Target;
  readonly runtime: Runtime;
  readonly monitor: FetchMonitor;
  /** Null in real Jobber mode. */
  readonly sandbox: SandboxHandle | null;
  readonly jobberBaseUrl: string;
  /** The OAuth redirect URI the Jobber app must have registered. */
  readonly redirectUri: string;
  stop(): Promise<void>;
}

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const { target } = options;
  const redirectUri = scriptCallbackUrl(options.scriptOrigin ?? APPS_SCRIPT_ORIGIN, LOCAL_SCRIPT_ID);
  const sandbox =
    target.kind === 'sandbox'
      ? await startSandbox({
          size: target.size,
          seed: target.seed,
          clock: target.clock,
          redirectUris: [redirectUri],
        })
      : null;
  const {
    baseUrl: jobberBaseUrl,
    clientId,
    clientSecret,
  } = target.kind === 'jobber' ? target : sandboxApp(sandbox);
  const monitor = new FetchMonitor(`${jobberBaseUrl}/api/graphql`);
  const runtime = createRuntime({
    scriptProperties: {
      JOBBER_CLIENT_ID: clientId,
      JOBBER_CLIENT_SECRET: clientSecret,
      JOBBER_BASE_URL: jobberBaseUrl,
    },
    clock:
      sandbox && target.kind === 'sandbox' && target.clock === 'virtual'
        ? { kind: 'virtual', sandboxUrl: sandbox.baseUrl }
        : { kind: 'real' },
    allowedOrigins: [new URL(jobberBaseUrl).origin],
    ...(options.scriptOrigin ? { scriptOrigin: options.scriptOrigin } : {}),
    deploymentId: null, // the playground serves no setup page: credentials come from its target
    onFetch: monitor.observe,
    onSleep: monitor.observeSleep,
  });
  let stopped: Promise<void> | undefined;
  return {
    target,
    runtime,
    monitor,
    sandbox,
    jobberBaseUrl,
    redirectUri,
    stop: () =>
      (stopped ??= (async () => {
        await runtime.close();
        await sandbox?.stop();
      })()),
  };
}

function sandboxApp(sandbox: SandboxHandle | null): {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
} {
  if (!sandbox) throw new Error('The sandbox did not start');
  return { baseUrl: sandbox.baseUrl, clientId: sandbox.app.clientId, clientSecret: sandbox.app.clientSecret };
}

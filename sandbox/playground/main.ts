/**
 * `npm start`: the connector working in a browser on a fresh clone. Serves the page on 127.0.0.1,
 * starts the Jobber sandbox (or talks to the real Jobber with --jobber) and runs dist/Code.js in
 * the local Apps Script runtime, which serves the OAuth callback itself. Ctrl-C stops everything.
 */
import { parseArgs, UsageError, wholeNumber } from './args';
import { startBackend, type Backend } from './backend';
import { Lifecycle, Stopped } from './lifecycle';
import { listen, PortBusyError } from './server';
import { PlaygroundSession } from './session';
import { parseTarget, TARGET_FLAGS, TARGET_USAGE, type Target } from './target';

export const DEFAULT_PORT = 8700;

const USAGE = `Usage: npm start -- [options]
  --port N                   serve the page on 127.0.0.1:N (default ${DEFAULT_PORT}; 0: any free port)
  --admin                    start as an admin (ADMIN_EMAILS lists the playground user): errors show debug text
  --json                     print one JSON line { url, mode, jobberBaseUrl, redirectUri } once ready (for scripts)
${TARGET_USAGE}`;

interface StartOptions {
  readonly port: number;
  readonly admin: boolean;
  readonly json: boolean;
  readonly target: Target;
}

function parseOptions(argv: readonly string[]): StartOptions {
  const args = parseArgs(argv, {
    values: ['port', ...TARGET_FLAGS.values],
    booleans: ['admin', 'json', 'help', ...TARGET_FLAGS.booleans],
  });
  if (args.booleans.has('help')) throw new UsageError('');
  if (args.positionals.length > 0) throw new UsageError(`Unexpected argument ${args.positionals[0] ?? ''}`);
  return {
    port: wholeNumber(
      args.values.get('port') ?? (process.env.PLAYGROUND_PORT || String(DEFAULT_PORT)),
      'port',
      65535,
    ),
    admin: args.booleans.has('admin'),
    json: args.booleans.has('json'),
    target: parseTarget(args, process.env),
  };
}

const lifecycle = new Lifecycle();

async function main(): Promise<void> {
  let options: StartOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(error.message ? `${error.message}\n\n${USAGE}\n` : `${USAGE}\n`);
    return process.exit(error.message ? 2 : 0);
  }
  lifecycle.handleSignals(
    (text) => process.stderr.write(text),
    (code) => process.exit(code),
  );
  const server = await lifecycle.start(listen(options.port), (started) => started.close());
  process.stderr.write(startingLine(options.target));
  const backend = await lifecycle.start(
    startBackend({ target: options.target, scriptOrigin: server.origin }),
    (started) => started.stop(),
  );
  const session = new PlaygroundSession(backend);
  session.setAdmin(options.admin);
  server.attach(session);
  const url = `${server.origin}/`;
  process.stdout.write(
    options.json ? `${JSON.stringify(readyInfo(url, backend))}\n` : readyText(url, backend),
  );
}

function startingLine(target: Target): string {
  return target.kind === 'sandbox'
    ? `Starting the Jobber sandbox (${target.size} data, ${target.clock} clock) and the local Apps Script runtime…\n`
    : `Using Jobber at ${target.baseUrl} with the app credentials from ${target.source}…\n`;
}

function readyInfo(url: string, backend: Backend): Record<string, string> {
  return {
    url,
    mode: backend.target.kind,
    jobberBaseUrl: backend.jobberBaseUrl,
    redirectUri: backend.redirectUri,
  };
}

function readyText(url: string, backend: Backend): string {
  const jobber =
    backend.target.kind === 'sandbox'
      ? `  Jobber     the local sandbox at ${backend.jobberBaseUrl} (demo account, no login)\n`
      : `  Jobber     ${backend.jobberBaseUrl}\n` +
        `  Your Jobber app must list this redirect URI (Developer Center → your app → OAuth callback URL):\n` +
        `             ${backend.redirectUri}\n`;
  return `
Jobber connector playground: ${url}

  Connector  dist/Code.js in the local Apps Script runtime (the bundle clasp pushes)
${jobber}
Open the URL in a browser. Press Ctrl-C to stop.
`;
}

main().catch(async (error: unknown) => {
  if (error instanceof Stopped) return;
  process.stderr.write(
    error instanceof PortBusyError
      ? `${error.message}\n  npm start -- --port ${error.port + 1}\n`
      : `The playground failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  await lifecycle.stop();
  process.exit(1);
});

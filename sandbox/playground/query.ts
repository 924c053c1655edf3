/**
 * `npm run query`: starts the sandbox (or uses the real Jobber with --jobber) and the local Apps
 * Script runtime, authorizes (the sandbox consents at once; real Jobber: in your browser), runs the
 * query and prints the rows on stdout, progress and summaries on stderr. Ctrl-C stops everything.
 */
import { UsageError } from './args';
import { startBackend } from './backend';
import { Lifecycle, Stopped } from './lifecycle';
import { parseQueryArgs, QUERY_USAGE, type QueryOptions } from './query-args';
import { describe, runQuery } from './query-cli';
import { listen, PortBusyError } from './server';
import { PlaygroundSession } from './session';

const lifecycle = new Lifecycle();
const say = (text: string): void => void process.stderr.write(text);

async function main(): Promise<number> {
  let options: QueryOptions;
  const argv = process.argv.slice(2);
  try {
    options = parseQueryArgs(argv, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    say(`${error.message}\n\n${QUERY_USAGE}\n`);
    return 2;
  }
  const help = argv.includes('--help') || argv.includes('-h');
  if (help) say(`${QUERY_USAGE}\n\n`);
  lifecycle.handleSignals(say, (code) => process.exit(code));
  const session = await startSession(options);
  const code = await runQuery(session, options.request, {
    stdout: (text) => void process.stdout.write(text),
    stderr: say,
    stderrIsTty: process.stderr.isTTY,
  });
  return help ? 0 : code;
}

async function startSession(options: QueryOptions): Promise<PlaygroundSession> {
  const real = options.target.kind === 'jobber';
  const server = real ? await lifecycle.start(listen(options.port), (started) => started.close()) : null;
  say(
    options.target.kind === 'sandbox' ? `Starting the Jobber sandbox (${options.target.size} data)…\n` : '',
  );
  const backend = await lifecycle.start(
    startBackend({ target: options.target, ...(server ? { scriptOrigin: server.origin } : {}) }),
    (started) => started.stop(),
  );
  const session = new PlaygroundSession(backend);
  session.setAdmin(options.admin);
  if (!server) {
    const authorized = await session.authorizeAutomatically();
    if (!authorized.ok || !authorized.value)
      throw new Error(
        `The sandbox authorization failed: ${authorized.ok ? 'isAuthValid() is false' : describe(authorized.error)}`,
      );
    return session;
  }
  server.attach(session);
  if (!(await session.status()).authorized) {
    say(`Open ${server.origin}/authorize in a browser and allow access to your Jobber account.\n`);
    say(`(Your Jobber app must list the redirect URI ${backend.redirectUri}.)\n`);
    await session.whenAuthorized();
  }
  return session;
}

main().then(
  async (code) => {
    await lifecycle.stop();
    process.exit(code);
  },
  async (error: unknown) => {
    if (error instanceof Stopped) return;
    say(
      error instanceof PortBusyError
        ? `${error.message}\n  npm run query -- … --port ${error.port + 1}\n`
        : `The query failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    await lifecycle.stop();
    process.exit(1);
  },
);

/**
 * `npm run query`: starts the sandbox (or uses the real Jobber with --jobber) and the local Apps
 * Script runtime, authorizes (the sandbox consents at once; real Jobber: in your browser), runs the
 * query and prints the rows on stdout, progress and summaries on stderr.
 *
 * Every way out stops the sandbox: the end of the query, a failure, Ctrl-C, SIGTERM, SIGHUP, and a
 * closed stdout or stderr (`| head`, a closed terminal). An interrupted query says one line and
 * exits 128 + the signal's number (130 for Ctrl-C); a closed output exits 141, as SIGPIPE would.
 */
import { UsageError } from './args';
import { startBackend } from './backend';
import { commandEnding, Lifecycle, Stopped } from './lifecycle';
import { parseQueryArgs, QUERY_USAGE, type QueryOptions } from './query-args';
import { describe, runQuery } from './query-cli';
import { listen, PortBusyError } from './server';
import { PlaygroundSession } from './session';

const OUTPUT_CLOSED_EXIT_CODE = 141;

const lifecycle = new Lifecycle();
const exit = (code: number): never => process.exit(code);
/** Writes unless the stream broke; once interrupted, nothing more is printed but the ending. */
const write = (stream: NodeJS.WriteStream, text: string): void => {
  if (!stream.destroyed && stream.writable) stream.write(text);
};
const say = (text: string): void => {
  if (!lifecycle.interrupted) write(process.stderr, text);
};
const print = (text: string): void => {
  if (!lifecycle.interrupted) write(process.stdout, text);
};

/** A reader that went away (EPIPE), or a terminal that closed (EIO): stop everything quietly. */
for (const stream of [process.stdout, process.stderr])
  stream.on('error', () =>
    lifecycle.interrupt({ line: '', code: OUTPUT_CLOSED_EXIT_CODE }, () => undefined, exit),
  );

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
  lifecycle.handleSignals(
    (text) => write(process.stderr, text),
    exit,
    commandEnding(process.stderr.isTTY === true),
  );
  const session = await startSession(options);
  const code = await runQuery(session, options.request, {
    stdout: print,
    stderr: say,
    stderrIsTty: process.stderr.isTTY === true,
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

/** Stops everything and exits, unless an interruption already does (it says its own line). */
async function finish(code: number): Promise<void> {
  if (lifecycle.interrupted) return;
  await lifecycle.stop();
  if (!lifecycle.interrupted) exit(code);
}

main().then(finish, async (error: unknown) => {
  if (!(error instanceof Stopped))
    say(
      error instanceof PortBusyError
        ? `${error.message}\n  npm run query -- … --port ${error.port + 1}\n`
        : `The query failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  await finish(1);
});

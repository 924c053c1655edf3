/**
 * `npm run doctor`: does Jobber's API (at the pinned version) accept everything this connector can
 * ask it? Introspects Jobber's schema with your own Jobber app (as the playground's real-Jobber
 * mode authorizes: your browser, Jobber's consent page) and validates every document the catalog can
 * build; prints ok / missing / changed per field, filter, date option and nested re-read, and exits
 * non-zero on any problem. `--sandbox` checks against a sandbox it starts (run by `npm test`).
 * No token or secret is ever printed. Usage: docs/doctor.md.
 */
import { UsageError, parseArgs, type ParsedArgs } from '../sandbox/playground/args';
import { startBackend } from '../sandbox/playground/backend';
import { Lifecycle, Stopped } from '../sandbox/playground/lifecycle';
import { listen } from '../sandbox/playground/server';
import { PlaygroundSession } from '../sandbox/playground/session';
import { parseTarget, type JobberTarget } from '../sandbox/playground/target';
import { startSandbox } from '../sandbox/jobber/harness';
import { enumNames } from '../src/catalog/enums';
import { JOBBER_API_VERSION } from '../src/jobber/endpoints';
import { catalogChecks } from './doctor/documents';
import { introspect } from './doctor/jobber';
import { reportLines, summaryLine } from './doctor/report';
import { runCheck, unlabelledEnumValues } from './doctor/validate';

const USAGE = `Usage: npm run doctor [-- options]
Checks that Jobber's API (version ${JOBBER_API_VERSION}) accepts every field, filter and date option of
the connector. Exit code 0: all accepted; 1: something is missing or changed; 2: bad arguments;
3: Jobber's schema could not be read.

  (default)                  your real Jobber account, through your own Jobber app: client id and
                             secret from JOBBER_CLIENT_ID and JOBBER_CLIENT_SECRET or .playground.local.json;
                             authorize in your browser when asked (or set JOBBER_ACCESS_TOKEN to a token
                             from the Developer Center's "Test in GraphiQL")
  --port N                   where the browser returns after consent (default 8700)
  --jobber-url URL           another Jobber base URL
  --credentials FILE         read the client id and secret from FILE
  --sandbox                  check against a local Jobber sandbox started for the run
  --hide-field T.f[.arg]     with --sandbox: a sandbox without this field (to see a failing check)
  --extra-enum-value E=V     with --sandbox: a sandbox whose enum E has the value V`;

const lifecycle = new Lifecycle();
const say = (text: string): void => void process.stderr.write(text);

async function main(argv: readonly string[]): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv, {
      values: ['port', 'jobber-url', 'credentials', 'hide-field', 'extra-enum-value'],
      booleans: ['sandbox', 'help'],
    });
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  if (args.booleans.has('help')) return usage('');
  lifecycle.handleSignals(say, (code) => process.exit(code));
  let schemaSource: { baseUrl: string; token: string; what: string };
  try {
    schemaSource = args.booleans.has('sandbox') ? await sandboxSource(args, argv) : await jobberSource(args);
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  let introspected;
  try {
    introspected = await introspect(schemaSource.baseUrl, schemaSource.token);
  } catch (error) {
    say(`${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  }
  return check(introspected, schemaSource.what);
}

function check(introspected: Awaited<ReturnType<typeof introspect>>, what: string): number {
  const { schema, version, warning } = introspected;
  const results = catalogChecks().map((documentCheck) => runCheck(schema, documentCheck));
  const out: string[] = [
    `Jobber's API at ${what}, version ${JOBBER_API_VERSION} (Jobber answered as ${version ?? 'an unnamed version'})`,
    ...(warning ? [`Jobber warns: ${warning}`] : []),
    ...reportLines(results),
    '',
  ];
  const unlabelled = unlabelledEnumValues(schema, enumNames());
  if (unlabelled.length > 0)
    out.push(`Enum values the connector shows with a label made from the value: ${unlabelled.join(', ')}`);
  out.push(summaryLine(results));
  process.stdout.write(`${out.join('\n')}\n`);
  return results.every((result) => result.status === 'ok') ? 0 : 1;
}

async function sandboxSource(
  args: ParsedArgs,
  argv: readonly string[],
): Promise<{ baseUrl: string; token: string; what: string }> {
  for (const flag of ['jobber-url', 'credentials', 'port'])
    if (args.values.has(flag)) throw new UsageError(`--${flag} applies to the real Jobber, not to --sandbox`);
  const hideFields = valuesOf(argv, 'hide-field');
  const extraEnumValues = valuesOf(argv, 'extra-enum-value');
  say('Starting a Jobber sandbox…\n');
  const sandbox = await lifecycle.start(
    startSandbox({ size: 'tiny', hideFields, extraEnumValues }),
    (started) => started.stop(),
  );
  return {
    baseUrl: sandbox.baseUrl,
    token: sandbox.demo.accessToken,
    what: `the sandbox (${sandbox.baseUrl})`,
  };
}

/** Every value of a repeatable flag (parseArgs keeps the last; the doctor lets them repeat). */
function valuesOf(argv: readonly string[], flag: string): string[] {
  return argv.flatMap((arg, index) => {
    if (arg === `--${flag}`) return argv[index + 1] !== undefined ? [argv[index + 1] as string] : [];
    return arg.startsWith(`--${flag}=`) ? [arg.slice(flag.length + 3)] : [];
  });
}

async function jobberSource(args: ParsedArgs): Promise<{ baseUrl: string; token: string; what: string }> {
  for (const flag of ['hide-field', 'extra-enum-value'])
    if (args.values.has(flag)) throw new UsageError(`--${flag} applies to --sandbox only`);
  const envToken = process.env.JOBBER_ACCESS_TOKEN?.trim();
  const withJobber: ParsedArgs = { ...args, booleans: new Set([...args.booleans, 'jobber']) };
  if (envToken) {
    const baseUrl = targetUrlWithoutCredentials(withJobber);
    return { baseUrl, token: envToken, what: `${baseUrl} (token from JOBBER_ACCESS_TOKEN)` };
  }
  const target = parseTarget(withJobber, process.env) as JobberTarget;
  return { baseUrl: target.baseUrl, token: await authorize(target, args), what: target.baseUrl };
}

/** The Jobber base URL when a token is given: no client id or secret is needed to find it. */
function targetUrlWithoutCredentials(args: ParsedArgs): string {
  const env = { ...process.env, JOBBER_CLIENT_ID: 'unused', JOBBER_CLIENT_SECRET: 'unused' };
  return (parseTarget(args, env) as JobberTarget).baseUrl;
}

/** The playground's real-Jobber authorization: your browser, Jobber's consent page, the runtime's tokens. */
async function authorize(target: JobberTarget, args: ParsedArgs): Promise<string> {
  const port = Number(args.values.get('port') ?? '8700');
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError('--port must be a port number');
  say(`Using your Jobber app (credentials from ${target.source}).\n`);
  const server = await lifecycle.start(listen(port), (started) => started.close());
  const backend = await lifecycle.start(startBackend({ target, scriptOrigin: server.origin }), (started) =>
    started.stop(),
  );
  const session = new PlaygroundSession(backend);
  server.attach(session);
  if (!(await session.status()).authorized) {
    say(`Open ${server.origin}/authorize in a browser and allow access to your Jobber account.\n`);
    say(`(Your Jobber app must list the redirect URI ${backend.redirectUri}.)\n`);
    await session.whenAuthorized();
  }
  const stored = backend.runtime.userProperties(session.user)['oauth2.jobber'];
  const token = stored ? (JSON.parse(stored) as { access_token?: unknown }).access_token : undefined;
  if (typeof token !== 'string') throw new Error('The authorization left no access token');
  return token;
}

function usage(message: string): number {
  say(`${message ? `${message}\n\n` : ''}${USAGE}\n`);
  return message ? 2 : 0;
}

main(process.argv.slice(2)).then(
  async (code) => {
    await lifecycle.stop();
    process.exit(code);
  },
  async (error: unknown) => {
    if (error instanceof Stopped) return;
    say(`The doctor failed: ${error instanceof Error ? error.message : String(error)}\n`);
    await lifecycle.stop();
    process.exit(3);
  },
);

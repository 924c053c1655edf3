import { LOCAL_REDIRECT_URI } from '../shared/local-apps-script';
import type { ClockMode } from './core/clock';
import { driftedSdl } from './graphql/drift';
import { SCHEMA_SDL } from './graphql/sdl';
import type { DataSize } from './data/accounts';
import type { SandboxConfig } from './server/state';

export interface CliOptions {
  readonly config: SandboxConfig;
  readonly json: boolean;
}

export const DEFAULTS = {
  size: 'small' as DataSize,
  seed: 1,
  clock: 'real' as ClockMode,
  accessTokenLifetimeSeconds: 3600,
  codeLifetimeSeconds: 60,
  requestGuardLimit: 2500,
};

const USAGE = `Usage: node build/sandbox/jobber/main.js [options]
  --port N                 listen on 127.0.0.1:N (default 0: any free port)      env JOBBER_SANDBOX_PORT
  --size tiny|small|large  data volume (default small)                            env JOBBER_SANDBOX_SIZE
  --seed N                 data seed (default 1)                                  env JOBBER_SANDBOX_SEED
  --clock real|virtual     virtual: time moves only through /_sandbox/clock       env JOBBER_SANDBOX_CLOCK
  --start-time ISO|ms      where history ends and a virtual clock starts           env JOBBER_SANDBOX_START_TIME
  --token-lifetime S       access-token lifetime in seconds (default 3600)       env JOBBER_SANDBOX_TOKEN_LIFETIME
  --no-rotation            keep refresh tokens (rotation is on by default)       env JOBBER_SANDBOX_ROTATION=false
  --redirect-uri URI       a registered callback URL (repeat; replaces the default Apps Script callback)
                                                                                  env JOBBER_SANDBOX_REDIRECT_URIS (comma-separated)
  --code-lifetime S        authorization-code lifetime in seconds (default 60)
  --request-guard-limit N  requests per 5 minutes before 429 (default 2500, as Jobber)
  --hide-field T.f[.arg]   serve a Jobber without this field, input field or argument (repeat)
  --extra-enum-value E=V   serve a Jobber whose enum E has the value V, carried by some records (repeat)
  --json                   print one JSON line (for scripts) instead of text`;

/** Flags win over environment variables, which win over defaults. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}\n${USAGE}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const booleanFlag = name === 'json' || name === 'no-rotation' || name === 'help';
    const value = booleanFlag ? (inline ?? 'true') : (inline ?? argv[++i]);
    if (value === undefined) throw new Error(`--${name} needs a value\n${USAGE}`);
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  if (flags.has('help')) throw new Error(USAGE);
  const pick = (flag: string, envName: string): string | undefined => flags.get(flag)?.at(-1) ?? env[envName];
  const redirects = (flags.get('redirect-uri') ?? env.JOBBER_SANDBOX_REDIRECT_URIS?.split(',') ?? [])
    .map((uri) => uri.trim())
    .filter((uri) => uri !== '');
  const rotationEnv = env.JOBBER_SANDBOX_ROTATION;
  const config: SandboxConfig = {
    port: integer(pick('port', 'JOBBER_SANDBOX_PORT') ?? '0', 'port'),
    host: '127.0.0.1',
    size: oneOf(
      pick('size', 'JOBBER_SANDBOX_SIZE') ?? DEFAULTS.size,
      ['tiny', 'small', 'large'] as const,
      'size',
    ),
    seed: integer(pick('seed', 'JOBBER_SANDBOX_SEED') ?? String(DEFAULTS.seed), 'seed'),
    clock: oneOf(
      pick('clock', 'JOBBER_SANDBOX_CLOCK') ?? DEFAULTS.clock,
      ['real', 'virtual'] as const,
      'clock',
    ),
    startTime: startTime(pick('start-time', 'JOBBER_SANDBOX_START_TIME')),
    accessTokenLifetimeSeconds: integer(
      pick('token-lifetime', 'JOBBER_SANDBOX_TOKEN_LIFETIME') ?? '3600',
      'token-lifetime',
    ),
    rotation: !flags.has('no-rotation') && rotationEnv !== 'false' && rotationEnv !== '0',
    redirectUris: redirects.length > 0 ? redirects : [LOCAL_REDIRECT_URI],
    codeLifetimeSeconds: integer(
      flags.get('code-lifetime')?.at(-1) ?? String(DEFAULTS.codeLifetimeSeconds),
      'code-lifetime',
    ),
    requestGuardLimit: integer(
      flags.get('request-guard-limit')?.at(-1) ?? String(DEFAULTS.requestGuardLimit),
      'request-guard-limit',
    ),
    drift: {
      hiddenFields: flags.get('hide-field') ?? [],
      extraEnumValues: flags.get('extra-enum-value') ?? [],
    },
  };
  driftedSdl(SCHEMA_SDL, config.drift ?? {}); // a drift naming nothing in the schema fails here, at once
  return { config, json: flags.has('json') };
}

function integer(text: string, name: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number (got ${text})`);
  return Number(text);
}

function oneOf<T extends string>(text: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(text))
    throw new Error(`--${name} must be one of ${allowed.join(', ')} (got ${text})`);
  return text as T;
}

function startTime(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (Number.isNaN(ms))
    throw new Error(`--start-time must be an ISO 8601 instant or epoch milliseconds (got ${text})`);
  return ms;
}

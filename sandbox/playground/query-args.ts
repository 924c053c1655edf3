/** The query CLI's arguments: parsed and checked before anything starts. */
import { oneOf, parseArgs, UsageError, wholeNumber } from './args';
import { parseTarget, TARGET_FLAGS, TARGET_USAGE, type Target } from './target';

export type OutputFormat = 'table' | 'csv' | 'json';

export interface QueryRequest {
  readonly object?: string;
  readonly fields?: readonly string[];
  readonly from?: string;
  readonly to?: string;
  readonly format: OutputFormat;
  readonly dateField?: string;
  readonly currency?: string;
  /** The config's privateCopy: 'false' reads Jobber live only (default: the private copy). */
  readonly privateCopy?: 'true' | 'false';
  readonly limit?: number;
  /** Only list the object's fields. */
  readonly list: boolean;
}

export interface QueryOptions {
  readonly request: QueryRequest;
  readonly target: Target;
  readonly port: number;
  readonly admin: boolean;
}

export const QUERY_USAGE = `Usage: npm run query -- <object> [options]
  --fields a,b,c             field ids, in chart order (default: the object's date and default fields)
  --from YYYY-MM-DD          the report's date range (default: Looker Studio's, the last 28 days)
  --to YYYY-MM-DD
  --format table|csv|json    table (default): readable values; csv and json: values as the connector returns them
  --date-field ID            which date the range applies to (the config's "dateField"; allTime for all records)
  --currency CODE            the config's currency (default USD)
  --private-copy true|false  the config's privateCopy: false reads Jobber live only (default true: the private copy)
  --limit N                  print at most N rows
  --list                     list the object's fields (id, name, kind, type) instead of reading data
  --admin                    as an admin (ADMIN_EMAILS): errors include the debug text
  --port N                   real Jobber only: where the browser returns after consent (default 8700)
${TARGET_USAGE}

npm run query -- --help lists the objects once the connector has started.`;

/** YYYY-MM-DD naming a real day (2025-02-30 is not one). */
function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [year = 0, month = 0, day = 0] = text.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === text;
}

export function parseQueryArgs(argv: readonly string[], env: NodeJS.ProcessEnv): QueryOptions {
  const args = parseArgs(argv, {
    values: [
      'fields',
      'from',
      'to',
      'format',
      'date-field',
      'currency',
      'private-copy',
      'limit',
      'port',
      ...TARGET_FLAGS.values,
    ],
    booleans: ['list', 'admin', 'help', ...TARGET_FLAGS.booleans],
  });
  if (args.positionals.length > 1)
    throw new UsageError(`One object at a time (got ${args.positionals.join(', ')})`);
  const value = (name: string): string | undefined => args.values.get(name);
  const from = value('from');
  const to = value('to');
  for (const [name, day] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (day !== undefined && !isCalendarDay(day))
      throw new UsageError(`--${name} must be a date as YYYY-MM-DD (got "${day}")`);
  if ((from === undefined) !== (to === undefined))
    throw new UsageError('Give both --from and --to, or neither');
  if (from !== undefined && to !== undefined && from > to)
    throw new UsageError(`--from ${from} is after --to ${to}`);
  const fields = value('fields')
    ?.split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
  if (fields !== undefined && fields.length === 0)
    throw new UsageError('--fields needs at least one field id');
  const repeated = fields?.find((field, index) => fields.indexOf(field) !== index);
  if (repeated !== undefined)
    throw new UsageError(`--fields lists ${repeated} twice: a chart uses each field once`);
  const limit = value('limit');
  const privateCopy = value('private-copy');
  const object = args.positionals[0];
  const request: QueryRequest = {
    ...(object === undefined || args.booleans.has('help') ? {} : { object }),
    ...(fields ? { fields } : {}),
    ...(from !== undefined && to !== undefined ? { from, to } : {}),
    format: oneOf(value('format') ?? 'table', ['table', 'csv', 'json'] as const, 'format'),
    ...optional('dateField', value('date-field')),
    ...optional('currency', value('currency')),
    ...(privateCopy === undefined
      ? {}
      : { privateCopy: oneOf(privateCopy, ['true', 'false'] as const, 'private-copy') }),
    ...(limit === undefined ? {} : { limit: wholeNumber(limit, 'limit') }),
    list: args.booleans.has('list'),
  };
  return {
    request,
    target: parseTarget(args, env),
    port: wholeNumber(value('port') ?? (env.PLAYGROUND_PORT || '8700'), 'port', 65535),
    admin: args.booleans.has('admin'),
  };
}

export function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

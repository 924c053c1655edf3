import { native } from './bridge';

/** console and Logger. Lines go to the host, which keeps them in the execution's result. */
export function createConsole(): Record<string, unknown> {
  const timers = new Map<string, number>();
  const write =
    (level: string) =>
    (...values: unknown[]) =>
      native().log(level, values.map(describe).join(' '));
  return {
    log: write('log'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    debug: write('debug'),
    time: (label: unknown = 'default') => timers.set(String(label), native().now()),
    timeEnd: (label: unknown = 'default') => {
      const started = timers.get(String(label));
      if (started !== undefined) native().log('log', `${String(label)}: ${native().now() - started}ms`);
      timers.delete(String(label));
    },
  };
}

export function createLogger(): Record<string, unknown> {
  let log = '';
  const logger = {
    log: (data: unknown, ...values: unknown[]) => {
      const line = values.length > 0 && typeof data === 'string' ? substitute(data, values) : describe(data);
      log += line + '\n';
      native().log('logger', line);
      return logger;
    },
    getLog: () => log,
    clear: () => {
      log = '';
    },
  };
  return logger;
}

function substitute(format: string, values: unknown[]): string {
  let index = 0;
  return format.replace(/%s|%d/g, () => describe(values[index++]));
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

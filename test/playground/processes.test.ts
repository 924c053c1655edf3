import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { builtFile, REPO_ROOT } from '../../sandbox/paths';

/**
 * The entry points as people run them (node build/…/main.js and query.js, as npm start and
 * npm run query do after building): start-up output, Ctrl-C, a busy port.
 */

interface Running {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  readonly exited: Promise<number | null>;
  /** Resolves when stdout or stderr matches. */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<RegExpMatchArray>;
}

const TINY = ['--size', 'tiny', '--clock', 'virtual'];

function start(script: string, args: readonly string[]): Running {
  return watch(
    spawn(process.execPath, [builtFile(script), ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PLAYGROUND_PORT: '' },
    }),
  );
}

function watch(child: ChildProcess): Running {
  const waiters: Array<() => void> = [];
  const running: Running = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    waitFor: (pattern, stream = 'stdout') =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          const match = running[stream].match(pattern);
          if (match) resolve(match);
          return match !== null;
        };
        if (check()) return;
        waiters.push(() => void check());
        void running.exited.then(() => {
          if (!check())
            reject(new Error(`Exited before ${String(pattern)}:\n${running.stdout}\n${running.stderr}`));
        });
      }),
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    running.stdout += chunk.toString();
    for (const waiter of waiters) waiter();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    running.stderr += chunk.toString();
    for (const waiter of waiters) waiter();
  });
  return running;
}

/** Sandbox processes started with this seed still alive (the seed tags one test's sandbox). */
function sandboxesWithSeed(seed: number): string[] {
  const table = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return table
    .split('\n')
    .filter((line) => line.includes('sandbox/jobber/main.js') && line.includes(`--seed ${seed} `));
}

/** The sandboxes of this seed, once they had up to `ms` to stop on their own. */
async function sandboxesLeft(seed: number, ms = 10_000): Promise<string[]> {
  const deadline = Date.now() + ms;
  while (sandboxesWithSeed(seed).length > 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return sandboxesWithSeed(seed);
}

/**
 * A query that takes a while on the real clock: every field of invoice line items over all time costs
 * more than Jobber's bucket holds, so the connector waits for the rate limit between pages.
 */
const LONG_QUERY_FIELDS = [
  'lineItemId',
  'name',
  'description',
  'category',
  'taxable',
  'productName',
  'quantity',
  'unitPrice',
  'totalPrice',
  'serviceDate',
  'taxRateName',
  'invoiceNumber',
  'invoiceStatus',
  'issuedDate',
  'dueDate',
  'clientName',
].join(',');

/** Starts the long query and resolves once it waits for Jobber's rate limit (mid-query). */
async function longQuery(seed: number): Promise<Running> {
  const running = start('sandbox/playground/query.js', [
    'invoiceLineItems',
    '--date-field',
    'allTime',
    '--fields',
    LONG_QUERY_FIELDS,
    '--size',
    'tiny',
    '--clock',
    'real',
    '--seed',
    String(seed),
  ]);
  await running.waitFor(/waiting \d+ s for Jobber's rate limit/, 'stderr');
  return running;
}

function refused(url: string): Promise<boolean> {
  return fetch(url).then(
    () => false,
    () => true,
  );
}

function occupiedPort(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

describe('npm start', () => {
  it('serves the page, and Ctrl-C stops the server, the runtime and the sandbox child', async () => {
    const running = start('sandbox/playground/main.js', ['--port', '0', '--json', ...TINY, '--seed', '7101']);
    const [line = ''] = await running.waitFor(/^\{.*\}$/m);
    const info = JSON.parse(line) as {
      url: string;
      jobberBaseUrl: string;
      redirectUri: string;
      mode: string;
    };
    expect(info.mode).toBe('sandbox');
    expect(info.redirectUri).toBe(`${info.url}macros/d/local-jobber-connector-script/usercallback`);
    const page = await fetch(info.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Jobber connector playground</title>');
    expect(sandboxesWithSeed(7101)).toHaveLength(1);
    running.child.kill('SIGINT');
    expect(await running.exited).toBe(0);
    expect(running.stderr).toContain('Ctrl-C: stopping…');
    expect(running.stderr).toContain('Stopped.');
    expect(await refused(info.url)).toBe(true);
    expect(await refused(`${info.jobberBaseUrl}/_sandbox/clock`)).toBe(true);
    expect(sandboxesWithSeed(7101)).toEqual([]);
  });

  // Whether the signal lands before the backend is up is a race this test cannot win every time
  // (start-up takes a few hundred ms); test/playground/lifecycle.test.ts proves the mid-start path
  // deterministically. What a user sees either way: a clean exit and no sandbox left behind.
  it('stops cleanly, leaving no sandbox behind, when Ctrl-C arrives during start-up', async () => {
    const running = start('sandbox/playground/main.js', ['--port', '0', ...TINY, '--seed', '7102']);
    await running.waitFor(/Starting the Jobber sandbox/, 'stderr');
    running.child.kill('SIGINT');
    expect(await running.exited).toBe(0);
    expect(running.stderr).toContain('Stopped.');
    expect(sandboxesWithSeed(7102)).toEqual([]);
  });

  it('says when the port is busy and how to choose another, without starting anything', async () => {
    const busy = await occupiedPort();
    try {
      const port = (busy.address() as { port: number }).port;
      const running = start('sandbox/playground/main.js', ['--port', String(port), ...TINY]);
      expect(await running.exited).toBe(1);
      expect(running.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(running.stderr).toContain(`npm start -- --port ${port + 1}`);
      expect(running.stderr).not.toContain('Starting the Jobber sandbox');
    } finally {
      busy.close();
    }
  });

  it('explains a bad option with the usage', async () => {
    const running = start('sandbox/playground/main.js', ['--prot', '8700']);
    expect(await running.exited).toBe(2);
    expect(running.stderr).toMatch(/^Unknown option --prot\n\nUsage: npm start -- \[options\]/);
  });
});

describe('npm run query', () => {
  it('prints csv on stdout and progress on stderr, then stops the sandbox', async () => {
    const args = [
      'invoices',
      '--fields',
      'invoiceNumber,total',
      '--format',
      'csv',
      ...TINY,
      '--seed',
      '7103',
    ];
    const running = start('sandbox/playground/query.js', args);
    expect(await running.exited).toBe(0);
    expect(running.stdout.split('\r\n')[0]).toBe('invoiceNumber,total');
    expect(running.stderr).toContain('Starting the Jobber sandbox (tiny data)…');
    expect(running.stderr).toMatch(
      /^Reading invoices from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(Looker Studio’s default range\)/m,
    );
    expect(running.stderr).toMatch(/^\d+ rows · /m);
    expect(sandboxesWithSeed(7103)).toEqual([]);
  });
});

describe('npm run -s query (through npm, as people type it)', () => {
  it('does not rebuild a fresh build, and nothing of the build reaches its output', async () => {
    const check = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'fresh-build.mjs'), '--check'], {
      encoding: 'utf8',
    });
    if (check.status !== 0) throw new Error(`The build is stale (${check.stdout.trim()}): run npm run build`);
    const args = ['run', '-s', 'query', '--', 'invoices', '--fields', 'invoiceNumber', '--format', 'csv'];
    const running = watch(
      spawn('npm', [...args, ...TINY, '--seed', '7109'], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PLAYGROUND_PORT: '' },
      }),
    );
    expect(await running.exited).toBe(0);
    expect(running.stderr.split('\n')[0]).toBe('Starting the Jobber sandbox (tiny data)…');
    expect(running.stderr).not.toMatch(/rollup|created dist|rebuilding|tsc/i);
    expect(running.stdout.split('\r\n')[0]).toBe('invoiceNumber');
  });
});

describe('npm run query, stopped early', () => {
  it('exits 130 on Ctrl-C mid-query with one line, and stops the sandbox', async () => {
    const running = await longQuery(7104);
    expect(sandboxesWithSeed(7104)).toHaveLength(1);
    const before = running.stderr.length;
    running.child.kill('SIGINT');
    expect(await running.exited).toBe(130);
    expect(running.stderr.slice(before).replace(/^invoiceLineItems: .*\n/gm, '')).toBe(
      'Ctrl-C: the query was interrupted.\n',
    );
    expect(running.stdout).toBe('');
    expect(sandboxesWithSeed(7104)).toEqual([]);
  });

  it('stops the sandbox on SIGTERM (143), SIGHUP (129) and even SIGKILL', async () => {
    const [terminated, hungUp, killed] = await Promise.all([7105, 7106, 7107].map(longQuery));
    if (!terminated || !hungUp || !killed) throw new Error('a query did not start');
    terminated.child.kill('SIGTERM');
    hungUp.child.kill('SIGHUP');
    killed.child.kill('SIGKILL');
    expect(await terminated.exited).toBe(143);
    expect(terminated.stderr).toMatch(/\nSIGTERM: the query was interrupted\.\n$/);
    expect(await hungUp.exited).toBe(129);
    await killed.exited;
    expect(await sandboxesLeft(7105)).toEqual([]);
    expect(await sandboxesLeft(7106)).toEqual([]);
    // Nothing runs in a process killed outright: the sandbox notices its parent is gone by itself.
    expect(await sandboxesLeft(7107)).toEqual([]);
  });

  it('stops the sandbox when its stderr is closed (a reader such as head went away)', async () => {
    const running = await longQuery(7108);
    running.child.stderr?.destroy();
    expect(await running.exited).toBe(141);
    expect(await sandboxesLeft(7108)).toEqual([]);
  });

  it('refuses a field listed twice as a usage error, naming it, before starting anything', async () => {
    const running = start('sandbox/playground/query.js', [
      'invoices',
      '--fields',
      'total,invoiceNumber,total',
      ...TINY,
    ]);
    expect(await running.exited).toBe(2);
    expect(running.stderr).toMatch(/^--fields lists total twice: a chart uses each field once\n\nUsage:/);
    expect(running.stderr).not.toContain('Starting the Jobber sandbox');
  });
});

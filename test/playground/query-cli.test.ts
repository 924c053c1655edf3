import { startBackend, type Backend } from '../../sandbox/playground/backend';
import { parseQueryArgs, type QueryRequest } from '../../sandbox/playground/query-args';
import { runQuery } from '../../sandbox/playground/query-cli';
import { PlaygroundSession } from '../../sandbox/playground/session';
import { addDays } from '../../sandbox/studio';
import { START_TIMEOUT_MS, TEST_TARGET } from './support';

interface Printed {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('npm run query', () => {
  let backend: Backend;
  let session: PlaygroundSession;
  let lastYear: { from: string; to: string };

  beforeAll(async () => {
    backend = await startBackend({ target: TEST_TARGET });
    session = new PlaygroundSession(backend);
    const authorized = await session.authorizeAutomatically();
    if (!authorized.ok || !authorized.value) throw new Error('The sandbox authorization failed');
    const today = session.studio.today();
    lastYear = { from: addDays(today, -365), to: addDays(today, -1) };
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await backend?.stop();
  });

  async function query(argv: readonly string[]): Promise<Printed> {
    const { request } = parseQueryArgs(argv, {});
    return run(request);
  }

  async function run(request: QueryRequest): Promise<Printed> {
    let stdout = '';
    let stderr = '';
    const code = await runQuery(session, request, {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      stderrIsTty: false,
    });
    return { code, stdout, stderr };
  }

  async function objects(): Promise<string[]> {
    const config = await session.config();
    if (!config.ok) throw new Error('getConfig failed');
    const choice = config.value.configParams.find((entry) => entry.name === 'object');
    return (choice?.options ?? []).map((option) => option.value);
  }

  it('prints a table for every object the connector offers', async () => {
    const offered = await objects();
    expect(offered.length).toBeGreaterThanOrEqual(15);
    for (const object of offered) {
      const printed = await query([object, '--from', lastYear.from, '--to', lastYear.to]);
      const [header = '', rule = '', ...rows] = printed.stdout.trimEnd().split('\n');
      expect({ object, code: printed.code, error: printed.code === 0 ? '' : printed.stderr }).toEqual({
        object,
        code: 0,
        error: '',
      });
      expect(header).toMatch(/^\w+( +\w+)*$/);
      expect(rule).toMatch(/^-+( +-+)*$/);
      expect({ object, rows: rows.length > 0 }).toEqual({ object, rows: true });
      expect(printed.stderr).toMatch(new RegExp(`^\\d[\\d,]* rows · `, 'm'));
    }
  });

  it('prints the chosen fields in order, readable in a table and as the connector returned them in csv and json', async () => {
    const args = [
      'invoices',
      '--fields',
      'invoiceNumber,issuedDate,total',
      '--from',
      lastYear.from,
      '--to',
      lastYear.to,
    ];
    const table = await query(args);
    const csv = await query([...args, '--format', 'csv']);
    const json = await query([...args, '--format', 'json']);
    expect([table.code, csv.code, json.code]).toEqual([0, 0, 0]);
    expect(table.stdout.split('\n')[0]).toMatch(/^invoiceNumber +issuedDate +total$/);
    expect(table.stdout.split('\n')[2]).toMatch(/^\S+ +\d{4}-\d{2}-\d{2} +[\d,]+\.\d{2}$/);
    const csvLines = csv.stdout.trimEnd().split('\r\n');
    expect(csvLines[0]).toBe('invoiceNumber,issuedDate,total');
    expect(csvLines[1]).toMatch(/^[^,]+,\d{8},-?\d+(\.\d+)?$/);
    const parsed = JSON.parse(json.stdout) as {
      schema: Array<{ name: string }>;
      rows: Array<Record<string, unknown>>;
    };
    expect(parsed.schema.map((field) => field.name)).toEqual(['invoiceNumber', 'issuedDate', 'total']);
    expect(parsed.rows).toHaveLength(csvLines.length - 1);
    expect(csvLines[1]).toBe(
      [parsed.rows[0]?.['invoiceNumber'], parsed.rows[0]?.['issuedDate'], parsed.rows[0]?.['total']].join(
        ',',
      ),
    );
  });

  it('shows a progress line on stderr for every page that arrives', async () => {
    const today = session.studio.today();
    // Live: one read of the range, whose first page counts it ("of N"); the private copy reads in
    // counts, slices and deltas instead (next test).
    const printed = await query([
      'invoices',
      '--from',
      addDays(today, -1095),
      '--to',
      addDays(today, -1),
      '--format',
      'csv',
      '--private-copy',
      'false',
    ]);
    const pattern = /^invoices: ([\d,]+) of ([\d,]+) records · (\d+) pages? · cost [\d,]+ · [\d.]+ s$/;
    const pages = printed.stderr
      .split('\n')
      .map((line) => pattern.exec(line))
      .filter((match) => match !== null)
      .map((match) => match.slice(1).map((text) => Number(text.replace(/,/g, ''))));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map(([, , page]) => page)).toEqual(pages.map((_, index) => index + 1));
    // "of N" is the read's totalCount from its first page, the same on every line; all are read at the end.
    const [[, total] = []] = pages;
    expect(pages.every(([, of]) => of === total)).toBe(true);
    expect(pages.at(-1)?.[0]).toBe(total);
  });

  it('reads through the private copy by default, and says so; --private-copy false reads live', async () => {
    const args = ['quotes', '--from', lastYear.from, '--to', lastYear.to, '--format', 'csv'];
    const fromCopy = await query(args);
    expect(fromCopy.code).toBe(0);
    expect(fromCopy.stderr).toMatch(/ · from the private copy · /);
    // Several reads, so records without "of N" once the second begins.
    expect(fromCopy.stderr).toMatch(/^quotes: [\d,]+ records · \d+ pages · cost [\d,]+ · /m);
    const live = await query([...args, '--private-copy', 'false']);
    expect(live.code).toBe(0);
    expect(live.stderr).not.toContain('private copy');
    expect(live.stderr).toMatch(/ · cache \w+ · /);
    expect(live.stdout).toBe(fromCopy.stdout);
  });

  it('says when the connector waits for Jobber’s rate limit, and how long', async () => {
    const sandbox = backend.sandbox;
    const account = sandbox?.accounts[0];
    if (!sandbox || !account) throw new Error('no sandbox');
    await sandbox.control.setThrottleBudget(account.id, 0);
    // A page of these fields costs more than the bucket refills while the charts' read gathers (1 s).
    const fields = 'invoiceNumber,dueDate,balanceDue,subtotal,taxAmount,clientName,billingCity,agingBucket';
    const printed = await query(['invoices', '--date-field', 'allTime', '--fields', fields]);
    expect(printed.code).toBe(0);
    expect(printed.stderr).toMatch(
      /^invoices: asking Jobber · [\d.]+ s · waiting \d+ s for Jobber's rate limit$/m,
    );
    expect(printed.stderr).toMatch(/throttle waits [1-9]\d* \(/);
  });

  it('names the objects when the object is missing or unknown', async () => {
    for (const argv of [[], ['invoice']]) {
      const printed = await query(argv);
      expect(printed.code).toBe(2);
      expect(printed.stdout).toBe('');
      expect(printed.stderr).toContain('Objects: invoices (Invoices), invoiceLineItems (Invoice line items)');
    }
    expect((await query(['invoice'])).stderr).toMatch(/^Unknown object "invoice"/);
  });

  it('lists the object’s fields for an unknown field, and with --list', async () => {
    const printed = await query(['invoices', '--fields', 'total,amount']);
    expect(printed.code).toBe(2);
    expect(printed.stderr).toMatch(/^invoices has no field amount\./);
    expect(printed.stderr).toMatch(/^balanceDue +Balance due +metric +CURRENCY_USD +/m);
    const listed = await query(['invoices', '--list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^field +name +kind +type +group$/m);
    expect(listed.stdout).toMatch(/^issuedDate +Issued date +dimension +YEAR_MONTH_DAY +/m);
  });

  it('reports a refused config answer and exits 1', async () => {
    const printed = await query(['invoices', '--currency', 'XYZ']);
    expect(printed.code).toBe(1);
    expect(printed.stderr).toContain('"XYZ" is not an option of config "currency"');
  });

  it('refuses bad arguments before starting anything', () => {
    const refused = (argv: string[]): string => {
      try {
        parseQueryArgs(argv, {});
      } catch (error) {
        return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
      return 'accepted';
    };
    expect(refused(['invoices', '--from', '2025-13-01', '--to', '2025-12-31'])).toBe(
      'UsageError: --from must be a date as YYYY-MM-DD (got "2025-13-01")',
    );
    expect(refused(['invoices', '--from', '2025-02-30', '--to', '2025-03-01'])).toMatch(
      /^UsageError: --from must be a date/,
    );
    expect(refused(['invoices', '--from', '2025-01-01'])).toBe(
      'UsageError: Give both --from and --to, or neither',
    );
    expect(refused(['invoices', '--from', '2025-02-01', '--to', '2025-01-01'])).toBe(
      'UsageError: --from 2025-02-01 is after --to 2025-01-01',
    );
    expect(refused(['invoices', '--format', 'xml'])).toBe(
      'UsageError: --format must be one of table, csv, json (got "xml")',
    );
    expect(refused(['invoices', '--fields'])).toBe('UsageError: --fields needs a value');
    expect(refused(['invoices', '--colour'])).toBe('UsageError: Unknown option --colour');
    expect(refused(['invoices', 'jobs'])).toBe('UsageError: One object at a time (got invoices, jobs)');
    expect(refused(['invoices', '--limit', 'ten'])).toMatch(/^UsageError: --limit must be a whole number/);
    expect(refused(['invoices', '--private-copy', 'no'])).toBe(
      'UsageError: --private-copy must be one of true, false (got "no")',
    );
  });
});

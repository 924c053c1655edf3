import { startSandbox, type SandboxHandle } from '../../../sandbox/jobber/harness';
import { data, graphql } from './support';

/** Arguments of nested connections: job visits, quote line items and jobs, visit status time zone. */
let sandbox: SandboxHandle;
type Row = Record<string, unknown> & { id: string };
let visits: Row[];

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'tiny', startTime: '2026-06-15T18:00:00Z' });
  visits = await sandbox.control.records<Row>(sandbox.demo.accountId, 'visits');
});
afterAll(() => sandbox.stop());

it('filters and sorts a job’s visits like the root visits query', async () => {
  const counts = new Map<string, number>();
  for (const visit of visits) counts.set(String(visit.jobId), (counts.get(String(visit.jobId)) ?? 0) + 1);
  const jobId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const query = `query($id: EncodedId!) { job(id: $id) {
    all: visits(first: 100, sort: [{ key: START_AT, direction: DESCENDING }]) { nodes { id startAt } }
    done: visits(first: 100, filter: { status: COMPLETED }) { nodes { id } } } }`;
  const result = await data<{
    job: { all: { nodes: { id: string; startAt: string }[] }; done: { nodes: { id: string }[] } };
  }>(sandbox, query, { id: jobId });
  const own = visits.filter((visit) => visit.jobId === jobId);
  const starts = result.job.all.nodes.map((node) => Date.parse(node.startAt));
  expect(starts).toEqual([...starts].sort((a, b) => b - a));
  expect(result.job.done.nodes.map((node) => node.id).sort()).toEqual(
    own
      .filter((visit) => visit.visitStatus === 'COMPLETED')
      .map((visit) => visit.id)
      .sort(),
  );
});

it('serves a quote’s line items (none when asking for unapproved ones) and its jobs', async () => {
  const quotes = await sandbox.control.records<Row>(sandbox.demo.accountId, 'quotes');
  const converted = quotes.find((quote) => quote.quoteStatus === 'converted');
  const query = `query($id: EncodedId!) { quote(id: $id) { lineItems { nodes { id } } unapproved: lineItems(filter: { approved: false }) { nodes { id } }
    jobs(sort: [{ key: UPDATED_AT, direction: DESCENDING }]) { nodes { id quote { id } } } } }`;
  const result = await data<{
    quote: {
      lineItems: { nodes: unknown[] };
      unapproved: { nodes: unknown[] };
      jobs: { nodes: { quote: { id: string } }[] };
    };
  }>(sandbox, query, { id: converted?.id });
  expect(result.quote.lineItems.nodes.length).toBeGreaterThan(0);
  expect(result.quote.unapproved.nodes).toEqual([]);
  expect(result.quote.jobs.nodes.map((job) => job.quote.id)).toEqual([converted?.id]);
});

it('accepts a visit-status time zone only when it is an IANA zone', async () => {
  const ok = await graphql(
    sandbox,
    '{ visits(first: 1, timezone: "America/Denver") { nodes { visitStatus(timezone: "Australia/Sydney") } } }',
  );
  expect(ok.body.errors).toBeUndefined();
  const bad = await graphql(sandbox, '{ visits(first: 1, timezone: "Mars/Olympus") { nodes { id } } }');
  expect(bad.body.errors?.[0]?.message).toMatch(/time zone/);
});

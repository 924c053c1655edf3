/**
 * Row building throughput of ours' transform path, in Node on the src modules the bundle is built
 * from: Jobber nodes → the exact date-window cut, the catalog's readers and formatters
 * (fetchTable after the read) → Looker Studio rows in request order (projectRows). The nodes are
 * synthetic invoices over three years, shaped as Jobber returns them.
 */
import { performance } from 'node:perf_hooks';
import { findField } from '../../src/catalog/catalog';
import { invoices } from '../../src/catalog/objects/invoices';
import type { FieldDef, RowContext } from '../../src/catalog/types';
import { ZonedTime } from '../../src/catalog/zoned-time';
import { DAY_MS } from '../../src/catalog/iso-dates';
import { projectRows } from '../../src/connector/data';
import { fetchTable, type FetchPlan } from '../../src/connector/fetch-table';
import type { JobberApi, JsonObject } from '../../src/jobber/api';
import { newExecutionStats } from '../../src/jobber/stats';
import { formatDate } from '../../sandbox/runtime/apps-script/format-date';
import type { BenchContext } from '../context';
import { firstFields } from '../fields';
import { progress } from '../progress';

export interface ThroughputRun {
  readonly fields: number;
  readonly rows: number;
  /** CPU time of this process (user + system), median over the repeats: what one core spends. */
  readonly cpuSeconds: number;
  /** Wall time, median: higher than cpuSeconds when other processes share the cores. */
  readonly wallSeconds: number;
  /** rows / cpuSeconds. */
  readonly rowsPerSecond: number;
}

const TIME_ZONE = 'America/Denver';
const HISTORY_END = Date.UTC(2025, 5, 1);
const HISTORY_DAYS = 3 * 365;

export function runThroughput(context: BenchContext): ThroughputRun[] {
  const { rows, fieldCounts, repeats } = context.profile.throughput;
  const nodes = syntheticInvoices(rows);
  return fieldCounts.map((count) => {
    const fields = fieldsFor(count);
    buildRows(nodes, fields); // warm-up: compiled code, not first-call costs
    const cpu: number[] = [];
    const wall: number[] = [];
    for (let repeat = 0; repeat < repeats; repeat++) {
      const startedWall = performance.now();
      const startedCpu = process.cpuUsage();
      const built = buildRows(nodes, fields);
      const used = process.cpuUsage(startedCpu);
      cpu.push((used.user + used.system) / 1e6);
      wall.push((performance.now() - startedWall) / 1000);
      if (built !== nodes.length) throw new Error(`Built ${built} rows of ${nodes.length}`);
    }
    const cpuSeconds = median(cpu);
    progress(`throughput: ${count} fields, ${Math.round(rows / cpuSeconds)} rows per CPU second`);
    return { fields: count, rows, cpuSeconds, wallSeconds: median(wall), rowsPerSecond: rows / cpuSeconds };
  });
}

/** The first `count` plain fields; past the 25 plain ones, every invoice field (KPIs included). */
function fieldsFor(count: number): FieldDef[] {
  const ids = count <= 25 ? firstFields(count) : invoices.fields.map((field) => field.id).slice(0, count);
  return ids.map((id) => {
    const field = findField(invoices, id);
    if (!field) throw new Error(`invoices has no field ${id}`);
    return field;
  });
}

/** One execution's transform: a fresh row context (its time-zone memo is per execution), all rows built. */
function buildRows(nodes: readonly JsonObject[], fields: readonly FieldDef[]): number {
  const time = new ZonedTime(formatDate, TIME_ZONE);
  const context: RowContext = { time, today: time.localDay(HISTORY_END) };
  const issuedDate = findField(invoices, 'issuedDate');
  if (!issuedDate) throw new Error('invoices has no issuedDate');
  const plan: FetchPlan = {
    object: invoices,
    filter: {},
    window: {
      range: { start: HISTORY_END - (HISTORY_DAYS + 1) * DAY_MS, end: HISTORY_END + DAY_MS },
      field: issuedDate,
    },
    sample: false,
  };
  const table = fetchTable(inMemoryApi(nodes), context, plan, fields);
  return projectRows(table, fields).length;
}

function inMemoryApi(nodes: readonly JsonObject[]): JobberApi {
  return {
    query: () => {
      throw new Error('not used');
    },
    readConnection: () => ({ nodes, complete: true, endCursor: null }),
    account: () => ({ id: 'account', name: 'Bench', timeZone: TIME_ZONE }),
    reachablePoints: () => Number.POSITIVE_INFINITY,
    stats: newExecutionStats(),
  };
}

const STATUSES = ['draft', 'awaiting_payment', 'paid', 'past_due', 'bad_debt'];
const CITIES = ['Denver', 'Aurora', 'Lakewood', 'Littleton', 'Golden'];

/** Invoices issued at local midnight (Denver) over three years, as Jobber's GraphQL shapes them. */
export function syntheticInvoices(count: number): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (let index = 0; index < count; index++) {
    const issued =
      HISTORY_END -
      HISTORY_DAYS * DAY_MS +
      Math.floor((index * HISTORY_DAYS) / count) * DAY_MS +
      7 * 3_600_000;
    const total = 100 + ((index * 7919) % 90_000) / 100;
    const paid = index % 3 === 0 ? 0 : total;
    nodes.push({
      id: `invoice-${index}`,
      invoiceNumber: String(1000 + index),
      invoiceStatus: STATUSES[index % STATUSES.length] ?? 'paid',
      issuedDate: iso(issued),
      dueDate: iso(issued + 30 * DAY_MS),
      subject: 'For Services Rendered',
      invoiceNet: 30,
      jobberWebUri: `https://app.example/invoices/${index}`,
      client: { id: `client-${index % 5000}`, name: `Client ${index % 5000}` },
      billingAddress: {
        city: CITIES[index % CITIES.length] ?? null,
        province: 'CO',
        country: 'United States',
      },
      receivedDate: paid > 0 ? iso(issued + 5 * DAY_MS) : null,
      createdAt: iso(issued + 3_600_000 + (index % 3600) * 1000),
      updatedAt: iso(issued + 5 * DAY_MS + (index % 3600) * 1000),
      dateViewedInClientHub: index % 2 === 0 ? iso(issued + DAY_MS) : null,
      amounts: {
        subtotal: total - 10,
        discountAmount: 0,
        taxAmount: 10,
        tipsTotal: 0,
        total,
        depositAmount: 0,
        paymentsTotal: paid,
        invoiceBalance: total - paid,
      },
    });
  }
  return nodes;
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

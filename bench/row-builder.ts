/**
 * How fast the catalog turns Jobber nodes into report rows (dates in the account's time zone, KPIs
 * computed, values formatted): `npm run build:tools && node build/bench/row-builder.js`.
 * The connector's target is at least 100,000 rows per second for a chart's fields.
 */
import { invoices } from '../src/catalog/objects/invoices';
import { buildTable, rowSources } from '../src/catalog/rows';
import type { FieldDef } from '../src/catalog/types';
import { ZonedTime } from '../src/catalog/zoned-time';
import type { JsonObject } from '../src/jobber/api';

const ROWS = 100_000;
const CHART_FIELDS = ['issuedDate', 'invoiceStatus', 'clientName', 'total', 'balanceDue', 'agingBucket'];

/** Utilities.formatDate stand-in on Node's time zone data (the offset probe pattern only). */
function formatDate(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const part = (type: string): string => parts.find((entry) => entry.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

function invoiceNodes(): JsonObject[] {
  const start = Date.parse('2023-01-01T07:00:00Z');
  return Array.from({ length: ROWS }, (_, index) => {
    const at = new Date(start + index * 600_000).toISOString().replace('.000Z', 'Z');
    return {
      id: `SW52b2ljZS8${index}`,
      invoiceNumber: String(index),
      invoiceStatus: index % 3 === 0 ? 'awaiting_payment' : 'paid',
      issuedDate: at,
      dueDate: at,
      receivedDate: at,
      createdAt: at,
      updatedAt: at,
      client: { id: 'Q2xpZW50LzE=', name: 'Acme Lawns' },
      amounts: {
        subtotal: 100,
        discountAmount: 5,
        taxAmount: 8,
        tipsTotal: 0,
        total: 103,
        invoiceBalance: 3,
      },
    };
  });
}

function rowsPerSecond(fields: readonly FieldDef[], nodes: readonly JsonObject[]): number {
  const time = new ZonedTime(formatDate, 'America/Denver');
  const context = { time, today: time.localDay(Date.now()) };
  const started = process.hrtime.bigint();
  buildTable(fields, rowSources(invoices, nodes), context);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return Math.round(nodes.length / seconds);
}

const nodes = invoiceNodes();
const chart = invoices.fields.filter((field) => CHART_FIELDS.includes(field.id));
for (let round = 1; round <= 3; round++) {
  const chartRate = rowsPerSecond(chart, nodes);
  const allRate = rowsPerSecond(invoices.fields, nodes);
  console.log(
    `round ${round}: ${chartRate.toLocaleString('en-US')} rows/s for a ${chart.length}-field chart, ` +
      `${allRate.toLocaleString('en-US')} rows/s with all ${invoices.fields.length} invoice fields`,
  );
}

/**
 * The private copy's coordination between charts (src/replica/replicas.ts, lease.ts), end to end:
 * a chart arriving right after another chart's sync of the same object is answered from that sync
 * only when the sync covered it; otherwise it syncs what it needs, and never gets a progress error
 * for work nobody is doing.
 */
import { addDays, type ChartSpec, type DataSource } from '../../sandbox/studio';
import { useWorld } from '../support/e2e';
import { answeredFrom, LIVE_ONLY, rowSet } from './support/reports';

describe('charts of one object through the private copy, one after another', () => {
  // A virtual clock: no time passes between two charts, as when a dashboard's charts arrive together.
  const world = useWorld({ sandbox: { size: 'tiny', clock: 'virtual', startTime: '2026-03-12T18:00:00Z' } });
  let copy: DataSource;
  let live: DataSource;

  beforeAll(async () => {
    const studio = await world().connect();
    copy = await studio.connect({ object: 'invoices', dateField: 'issuedDate' });
    live = await studio.connect({ object: 'invoices', dateField: 'issuedDate', ...LIVE_ONLY });
  });

  const lastDays = (days: number, fields: string[]): ChartSpec => {
    const today = world().studio().today();
    return { fields, dateRange: { startDate: addDays(today, -days), endDate: addDays(today, -1) } };
  };

  it('answers a wider range right after a narrower one’s sync, by syncing what it lacks', async () => {
    const year = lastDays(365, ['invoiceNumber', 'total']);
    const threeYears = lastDays(1095, ['invoiceNumber', 'total']);
    expect((await copy.getData(year)).rows.length).toBeGreaterThan(0);
    const wider = await copy.getData(threeYears);
    expect(answeredFrom(world().studio())).toBe('copy');
    expect(rowSet(wider)).toEqual(rowSet(await live.getData(threeYears)));
    expect(wider.rows.length).toBeGreaterThan((await copy.getData(year)).rows.length);
  });

  it('answers a field the last sync did not read, right after it', async () => {
    const chart = lastDays(365, ['invoiceNumber', 'clientName', 'balanceDue']);
    const fromCopy = await copy.getData(chart);
    expect(answeredFrom(world().studio())).toBe('copy');
    expect(rowSet(fromCopy)).toEqual(rowSet(await live.getData(chart)));
  });
});

import type { ExecutionProgress, WaitReason } from '../../sandbox/playground/fetch-monitor';
import { formatDuration, progressLine } from '../../sandbox/playground/progress-line';

describe('the progress line of a running getData (CLI and page alike)', () => {
  const progress = (extra: Partial<ExecutionProgress> = {}): ExecutionProgress => ({
    executionId: 1,
    functionName: 'getData',
    requests: 3,
    pages: 2,
    nodes: 200,
    connection: 'invoices',
    total: 3_667,
    actualQueryCost: 2_810,
    throttled: 0,
    ...extra,
  });

  it('says records of how many, pages, cost and elapsed time', () => {
    expect(progressLine('invoices', progress(), 23_400, 0)).toBe(
      'invoices: 200 of 3,667 records · 2 pages · cost 2,810 · 23 s',
    );
    expect(progressLine('invoiceLineItems', progress({ throttled: 2 }), 4_200, 0)).toBe(
      'invoiceLineItems: 200 of 3,667 invoices · 2 pages · cost 2,810 · 2 throttled · 4.2 s',
    );
    expect(progressLine('jobs', progress({ connection: 'jobs', total: undefined }), 0, 0)).toBe(
      'jobs: 200 records · 2 pages · cost 2,810 · 0.0 s',
    );
    expect(progressLine('invoices', undefined, 400, 0)).toBe('invoices: asking Jobber · 0.4 s');
  });

  it('counts a wait down, and says what it waits for', () => {
    const waiting = (reason: WaitReason, ms = 12_000): ExecutionProgress =>
      progress({ waiting: { ms, until: 50_000, reason } });
    expect(progressLine('invoices', waiting('rate_limit'), 61_000, 38_000)).toBe(
      "invoices: 200 of 3,667 records · 2 pages · cost 2,810 · 1 min 01 s · waiting 12 s for Jobber's rate limit",
    );
    expect(progressLine('invoices', waiting('rate_limit'), 61_000, 45_500)).toMatch(/waiting 5 s for/);
    expect(progressLine('invoices', waiting('retry'), 0, 49_900)).toMatch(
      /waiting 1 s before trying Jobber again$/,
    );
    expect(progressLine('invoices', waiting('rate_limit'), 0, 60_000)).toMatch(
      /waiting a moment for Jobber's rate limit$/,
    );
    expect(progressLine('invoices', waiting('shared_read', 300), 0, 49_800)).not.toContain('waiting');
  });

  it('formats durations as a person reads them', () => {
    expect(
      [0, 950, 9_940, 10_000, 59_999, 60_000, 245_000, 3_599_000, 3_600_000, 7_380_000].map(formatDuration),
    ).toEqual([
      '0.0 s',
      '0.9 s',
      '9.9 s',
      '10 s',
      '59 s',
      '1 min 00 s',
      '4 min 05 s',
      '59 min 59 s',
      '1 h 00 min',
      '2 h 03 min',
    ]);
  });
});

import { CostPacer, DEFAULT_MAXIMUM_AVAILABLE } from '../../src/jobber/pacing';
import { MAX_PAGE_SIZE, calibratedCostPerNode, pageCost, pageSizeFor } from '../../src/jobber/page-size';

const status = (currentlyAvailable: number) => ({
  maximumAvailable: 10_000,
  currentlyAvailable,
  restoreRate: 500,
});

describe('predicting the cost bucket', () => {
  it('knows nothing and never waits before Jobber reported a throttleStatus', () => {
    const pacer = new CostPacer();
    expect(pacer.predictedAvailable(0)).toBeUndefined();
    expect(pacer.waitBeforeMs(9_999, 0)).toBe(0);
    expect(pacer.maximumAvailable()).toBe(DEFAULT_MAXIMUM_AVAILABLE);
  });

  it('adds elapsed time × restoreRate to what was available, capped at the maximum', () => {
    const pacer = new CostPacer();
    pacer.observe(status(1_000), 50_000);
    expect(pacer.predictedAvailable(50_000)).toBe(1_000);
    expect(pacer.predictedAvailable(52_500)).toBe(2_250);
    expect(pacer.predictedAvailable(80_000)).toBe(10_000);
  });

  it('waits exactly until the bucket holds the next query’s cost', () => {
    const pacer = new CostPacer();
    pacer.observe(status(1_000), 0);
    expect(pacer.waitBeforeMs(1_000, 0)).toBe(0);
    expect(pacer.waitBeforeMs(2_005, 0)).toBe(2_010);
    expect(pacer.waitBeforeMs(2_005, 1_000)).toBe(1_010);
    expect(pacer.waitBeforeMs(1_001, 0)).toBe(2);
  });

  it('uses the maximum Jobber reports', () => {
    const pacer = new CostPacer();
    pacer.observe({ maximumAvailable: 2_000, currentlyAvailable: 0, restoreRate: 100 }, 0);
    expect(pacer.maximumAvailable()).toBe(2_000);
    expect(pacer.waitBeforeMs(500, 0)).toBe(5_000);
  });
});

describe('page size from the cost per node', () => {
  it('is 100 when a full page fits the bucket', () => {
    expect(pageSizeFor(10, 5, 10_000)).toBe(MAX_PAGE_SIZE);
    expect(pageCost(100, 10, 5)).toBe(1_005);
  });

  it('shrinks for wide nodes so requestedQueryCost stays within the bucket', () => {
    const first = pageSizeFor(150, 5, 10_000);
    expect(first).toBe(66);
    expect(pageCost(first, 150, 5)).toBeLessThanOrEqual(10_000);
    expect(pageCost(first + 1, 150, 5)).toBeGreaterThan(10_000);
  });

  it('is 0 when not even one node fits', () => {
    expect(pageSizeFor(10_000, 5, 10_000)).toBe(0);
  });

  it('learns the true cost per node from the requestedQueryCost Jobber reports', () => {
    expect(calibratedCostPerNode(2_005, 100, 5, 10)).toBe(20);
    expect(calibratedCostPerNode(1_006, 100, 5, 10)).toBeCloseTo(10.01);
    expect(pageCost(100, calibratedCostPerNode(1_006, 100, 5, 10), 5)).toBe(1_006);
  });

  it('keeps the estimate when the report cannot be explained', () => {
    expect(calibratedCostPerNode(3, 100, 5, 10)).toBe(10);
    expect(calibratedCostPerNode(500, 0, 5, 10)).toBe(10);
  });
});

import { hashSeed, seededSequence } from '../../src/jobber/jitter';

describe('the seeded jitter sequence', () => {
  it('gives numbers in [0, 1), the same ones for the same seed', () => {
    const first = seededSequence('execution-1');
    const again = seededSequence('execution-1');
    const values = Array.from({ length: 1_000 }, () => first());
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(Array.from({ length: 1_000 }, () => again())).toEqual(values);
  });

  it('gives other numbers for another seed, spread over the whole range', () => {
    const one = seededSequence('chart: revenue by day');
    const other = seededSequence('chart: invoices by status');
    const values = Array.from({ length: 1_000 }, () => one());
    expect(values).not.toEqual(Array.from({ length: 1_000 }, () => other()));
    const tenths = new Set(values.map((value) => Math.floor(value * 10)));
    expect(tenths.size).toBe(10);
  });

  it('hashes seeds to unsigned 32-bit numbers', () => {
    expect(hashSeed('')).toBe(0x811c9dc5);
    expect(hashSeed('a')).toBe(0xe40c292c);
  });
});

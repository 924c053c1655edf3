import {
  contains,
  covers,
  gaps,
  halve,
  parseIntervalSet,
  subtract,
  union,
  type Interval,
  type IntervalSet,
} from '../../src/replica/coverage';

const span = (start: number, end: number): Interval => ({ start, end });

describe('coverage: interval sets of a date field', () => {
  it('merges overlapping and touching intervals into one', () => {
    let set: IntervalSet = [];
    set = union(set, span(10, 20));
    set = union(set, span(30, 40));
    expect(set).toEqual([span(10, 20), span(30, 40)]);
    expect(union(set, span(20, 30))).toEqual([span(10, 40)]);
    expect(union(set, span(15, 35))).toEqual([span(10, 40)]);
    expect(union(set, span(0, 5))).toEqual([span(0, 5), span(10, 20), span(30, 40)]);
    expect(union(set, span(5, 5))).toBe(set);
  });

  it('lists what a wanted window lacks, in order', () => {
    const set = [span(10, 20), span(30, 40)];
    expect(gaps(set, span(0, 50))).toEqual([span(0, 10), span(20, 30), span(40, 50)]);
    expect(gaps(set, span(12, 18))).toEqual([]);
    expect(gaps(set, span(15, 35))).toEqual([span(20, 30)]);
    expect(covers(set, span(30, 40))).toBe(true);
    expect(covers(set, span(30, 41))).toBe(false);
    expect(gaps([], span(1, 2))).toEqual([span(1, 2)]);
  });

  it('includes starts and excludes ends', () => {
    const set = [span(10, 20)];
    expect(contains(set, 10)).toBe(true);
    expect(contains(set, 19.5)).toBe(true);
    expect(contains(set, 20)).toBe(false);
    expect(contains(set, 9)).toBe(false);
  });

  it('removes a part of the timeline', () => {
    const set = [span(10, 40)];
    expect(subtract(set, span(20, 30))).toEqual([span(10, 20), span(30, 40)]);
    expect(subtract(set, span(0, 100))).toEqual([]);
    expect(subtract(set, span(40, 50))).toEqual([span(10, 40)]);
  });

  it('halves an interval at a whole second, and refuses to cut below two seconds', () => {
    expect(halve(span(0, 10_000))).toEqual([span(0, 5_000), span(5_000, 10_000)]);
    expect(halve(span(0, 3_500))).toEqual([span(0, 1_000), span(1_000, 3_500)]);
    expect(halve(span(0, 1_999))).toBeNull();
  });

  it('refuses to cut an interval narrower than the narrowest slice its date field can tell apart', () => {
    const day = 86_400_000;
    expect(halve(span(0, 2 * day), 2 * day)).toEqual([span(0, day), span(day, 2 * day)]);
    expect(halve(span(0, 2 * day - 1_000), 2 * day)).toBeNull();
    expect(halve(span(0, 1_999), 1_000)).toBeNull();
  });

  it('agrees with a point-by-point model on random operations', () => {
    let seed = 7;
    const random = (limit: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % limit;
    };
    let set: IntervalSet = [];
    const points = new Set<number>();
    for (let step = 0; step < 400; step++) {
      const start = random(100);
      const interval = span(start, start + 1 + random(15));
      if (random(3) === 0) {
        set = subtract(set, interval);
        for (let point = interval.start; point < interval.end; point++) points.delete(point);
      } else {
        set = union(set, interval);
        for (let point = interval.start; point < interval.end; point++) points.add(point);
      }
      const held = Array.from({ length: 120 }, (_, point) => contains(set, point));
      expect(held).toEqual(Array.from({ length: 120 }, (_, point) => points.has(point)));
      expect(parseIntervalSet(JSON.parse(JSON.stringify(set)))).toEqual(set);
    }
  });

  it('parses only sorted, disjoint, finite intervals back from storage', () => {
    expect(parseIntervalSet([{ start: 1, end: 2 }])).toEqual([span(1, 2)]);
    expect(parseIntervalSet([{ start: 2, end: 1 }])).toBeNull();
    expect(parseIntervalSet([span(5, 6), span(1, 2)])).toBeNull();
    expect(parseIntervalSet([span(1, 3), span(2, 4)])).toBeNull();
    expect(parseIntervalSet([{ start: '1', end: 2 }])).toBeNull();
    expect(parseIntervalSet({})).toBeNull();
  });
});

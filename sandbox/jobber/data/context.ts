import { Random } from '../core/random';
import { TimeZone } from '../core/time-zone';
import { ID_BLOCK, type AccountSpec, type SizeProfile } from './accounts';
import type { Collections } from './collections';
import type { PropertyRecord } from './records';

export const DAY_MS = 86_400_000;
/** About three years of history end at the sandbox's "now"; some work is scheduled after it. */
export const HISTORY_DAYS = 3 * 365;
export const FUTURE_DAYS = 45;

/** Everything a generator step needs: the account, its randomness, its calendar, its records. */
export class GenContext {
  readonly zone: TimeZone;
  /** The local day containing `now`. */
  readonly today: number;
  readonly firstDay: number;
  private readonly counters = new Map<string, number>();
  private readonly pickers = new Map<string, DayPicker>();
  private propertiesByClient: Map<number, PropertyRecord[]> | undefined;
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly spec: AccountSpec,
    readonly profile: SizeProfile,
    readonly rng: Random,
    /**
     * A second stream for the rare big projects (projects.ts), so that they leave every draw of
     * the main stream, and so the rest of the history, as it was.
     */
    readonly projectRng: Random,
    readonly now: number,
    readonly records: Collections,
  ) {
    this.zone = new TimeZone(spec.timeZone);
    this.today = this.zone.localDay(now);
    this.firstDay = this.today - HISTORY_DAYS;
  }

  /** The next id of a collection: unique across accounts (each account owns a block). */
  nextId(collection: string): number {
    const next = (this.counters.get(collection) ?? 0) + 1;
    this.counters.set(collection, next);
    return this.spec.index * ID_BLOCK + next;
  }

  /** The next human-facing number (quote #, job #, invoice #), starting where a real account might. */
  nextNumber(series: string, start: number): number {
    const next = (this.counters.get(`#${series}`) ?? start - 1) + 1;
    this.counters.set(`#${series}`, next);
    return next;
  }

  /** A client's properties (index built on first use, once all properties exist). */
  propertiesOf(clientId: number): PropertyRecord[] {
    if (!this.propertiesByClient) {
      this.propertiesByClient = new Map();
      for (const property of this.records.properties) {
        const list = this.propertiesByClient.get(property.clientId) ?? [];
        list.push(property);
        this.propertiesByClient.set(property.clientId, list);
      }
    }
    return this.propertiesByClient.get(clientId) ?? [];
  }

  /** A value computed once per generation (groupings of records that no longer change). */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /** A UTC instant at a local wall time. */
  at(localDay: number, minutes: number): number {
    return this.zone.at(localDay, minutes);
  }

  /** A local day between first and last, weighted for business growth and the trade's season. */
  businessDay(first: number, last: number): number {
    const key = `${first}:${last}`;
    let picker = this.pickers.get(key);
    if (!picker) {
      picker = new DayPicker(first, last, (day) => this.dayWeight(day));
      this.pickers.set(key, picker);
    }
    return picker.pick(this.rng);
  }

  private dayWeight(day: number): number {
    const age = (day - this.firstDay) / HISTORY_DAYS;
    const growth = 0.55 + 0.6 * Math.max(0, Math.min(1.1, age));
    const dayOfYear = (((day % 365) + 365) % 365) + (this.spec.southern ? 182 : 0);
    const summer = Math.cos(((dayOfYear - 190) / 365) * 2 * Math.PI);
    const seasonality = this.spec.trade === 'cleaning' ? 0.15 : 0.55;
    const weekday = ((day % 7) + 7 + 4) % 7; // 0 = Sunday
    const weekdayFactor = weekday === 0 ? 0.1 : weekday === 6 ? 0.45 : 1;
    return growth * (1 + seasonality * summer) * weekdayFactor;
  }
}

/** Samples days by weight with a cumulative table and binary search. */
class DayPicker {
  private readonly cumulative: number[] = [];

  constructor(
    private readonly first: number,
    last: number,
    weight: (day: number) => number,
  ) {
    let sum = 0;
    for (let day = first; day <= last; day++) {
      sum += weight(day);
      this.cumulative.push(sum);
    }
  }

  pick(rng: Random): number {
    const total = this.cumulative[this.cumulative.length - 1] ?? 0;
    const target = rng.next() * total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.cumulative[mid] ?? 0) < target) low = mid + 1;
      else high = mid;
    }
    return this.first + low;
  }
}

export function cents(dollars: number): number {
  return Math.round(dollars * 100);
}

export function dollars(centsValue: number): number {
  return Math.round(centsValue) / 100;
}

export function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}

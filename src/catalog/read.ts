/** Reading values out of Jobber's JSON nodes, compiled once per path so rows are cheap to build. */
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { RowContext } from './types';

export type PathReader = (node: JsonObject) => JsonValue | undefined;

/** A reader for a dot-separated path such as `amounts.total`; undefined where the path breaks off. */
export function at(path: string): PathReader {
  const keys = path.split('.');
  const [first, second] = keys;
  if (first === undefined) return () => undefined;
  if (keys.length === 1) return (node) => node[first];
  if (keys.length === 2 && second !== undefined)
    return (node) => {
      const inner = node[first];
      return isJsonObject(inner) ? inner[second] : undefined;
    };
  return (node) => {
    let value: JsonValue | undefined = node;
    for (const key of keys) {
      if (!isJsonObject(value)) return undefined;
      value = value[key];
    }
    return value;
  };
}

export function asText(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

export function asNumber(value: JsonValue | undefined): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return null;
}

export function asBoolean(value: JsonValue | undefined): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/** An ISO datetime (or bare date) as epoch ms in the account's zone; null when absent. */
export function asTime(value: JsonValue | undefined, context: RowContext): number | null {
  return typeof value === 'string' && value !== '' ? context.time.parse(value) : null;
}

/** The nodes of a connection value (`{ nodes: [...] }`), or an empty list. */
export function nodesOf(value: JsonValue | undefined): readonly JsonObject[] {
  if (!isJsonObject(value)) return [];
  const nodes = value['nodes'];
  return Array.isArray(nodes) ? nodes.filter(isJsonObject) : [];
}

/** Whole calendar days from one instant to another in the account's zone. */
export function daysBetween(from: number | null, to: number | null, context: RowContext): number | null {
  if (from === null || to === null) return null;
  return context.time.localDay(to) - context.time.localDay(from);
}

/** Rounds money arithmetic to cents so sums of computed amounts do not drift. */
export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A percentage as Jobber gives it (54.17) → the fraction Looker Studio's PERCENT type shows (0.5417). */
export function fractionOfPercent(percentage: number): number {
  return Math.round(percentage * 1e6) / 1e8;
}

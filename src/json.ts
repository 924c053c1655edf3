/**
 * JSON as the connector receives it (Jobber's answers, Looker Studio's requests, stored cache
 * entries): the value types and the one guard for a JSON object. Every folder may use it.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** An object that is neither null nor an array. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

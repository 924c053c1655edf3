import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { formatInstant, isValidTimeZone } from '../core/time-zone';

/**
 * Jobber's custom scalars. Inputs are parsed strictly: a datetime needs a date, a time and a zone
 * (`Z` or an offset), so a client cannot rely on the server guessing a time zone.
 */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function parseDateTime(value: unknown): number {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) {
    throw new GraphQLError(
      `${JSON.stringify(value)} is not a valid ISO8601DateTime: expected a date and time with a zone, e.g. 2024-03-01T00:00:00Z`,
    );
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new GraphQLError(`${JSON.stringify(value)} is not a valid ISO8601DateTime`);
  return ms;
}

function literal(ast: ValueNode): unknown {
  if (ast.kind === Kind.STRING) return ast.value;
  if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return Number(ast.value);
  return undefined;
}

export const ISO8601DateTime = new GraphQLScalarType({
  name: 'ISO8601DateTime',
  serialize: (value) => (typeof value === 'number' ? formatInstant(value) : value),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(literal(ast)),
});

function parseEncodedId(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new GraphQLError(`${JSON.stringify(value)} is not a valid EncodedId`);
  }
  return value;
}

/** Ids are resolved to their encoded form before they reach this scalar. */
export const EncodedId = new GraphQLScalarType({
  name: 'EncodedId',
  serialize: (value) => value,
  parseValue: parseEncodedId,
  parseLiteral: (ast) => parseEncodedId(literal(ast)),
});

function parseSeconds(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new GraphQLError('Seconds must be an integer');
  return value;
}

export const Seconds = new GraphQLScalarType({
  name: 'Seconds',
  serialize: (value) => value,
  parseValue: parseSeconds,
  parseLiteral: (ast) => parseSeconds(literal(ast)),
});

function parseTimezone(value: unknown): string {
  if (typeof value !== 'string' || !isValidTimeZone(value)) {
    throw new GraphQLError(`${JSON.stringify(value)} is not a valid IANA time zone`);
  }
  return value;
}

export const Timezone = new GraphQLScalarType({
  name: 'Timezone',
  serialize: (value) => value,
  parseValue: parseTimezone,
  parseLiteral: (ast) => parseTimezone(literal(ast)),
});

export const SCALARS = [ISO8601DateTime, EncodedId, Seconds, Timezone];

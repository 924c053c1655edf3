import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

/** docs/troubleshooting.md, where every message a user can meet is listed with its next step. */
export const TROUBLESHOOTING = readFileSync(join(ROOT, 'docs', 'troubleshooting.md'), 'utf8');

const ENTITIES: Readonly<Record<string, string>> = {
  '&quot;': '"',
  '&#39;': "'",
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
};

/**
 * The longest part of a message that does not depend on the case: quoted values, parentheses,
 * URLs, paths and anything with a digit (ids, numbers) split it, as do sentence ends. The doc
 * shows those values as '…'.
 */
export function fixedPart(message: string): string {
  const text = message.replace(/&(quot|#39|amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
  return text
    .split(/"[^"]*"|\([^)]*\)|https?:\/\/\S+|\S*\/\S*|[\w.-]*\d[\w.-]*/)
    .flatMap((part) => part.split(/[.;:](?: |$)/))
    .map((part) => part.trim())
    .reduce((longest, part) => (part.length > longest.length ? part : longest), '');
}

/** Fails unless the message's fixed part (long enough to mean something) is in the doc. */
export function expectDocumented(message: string): void {
  const part = fixedPart(message);
  expect({ message, part, long: part.length > 12 }).toMatchObject({ long: true });
  expect({
    message,
    documented: TROUBLESHOOTING.includes(part) ? part : 'not in docs/troubleshooting.md',
  }).toEqual({
    message,
    documented: part,
  });
}

/**
 * Every citation of `jobber-api.md §n` in the code and the docs points at a section that exists in
 * docs/jobber-api.md, so a reader can follow it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../support/paths';

const reference = readFileSync(join(ROOT, 'docs', 'jobber-api.md'), 'utf8');
const sections = new Set(
  [...reference.matchAll(/^#{2,3} (\d+(?:\.\d+)?)[. ]/gm)].map((match) => match[1] ?? ''),
);

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : files(path);
    return /\.(ts|md)$/.test(entry.name) ? [path] : [];
  });
}

const cited = ['src', 'sandbox', 'test', 'bench', 'scripts', 'docs'].flatMap((folder) =>
  files(join(ROOT, folder)).flatMap((file) =>
    [
      ...readFileSync(file, 'utf8').matchAll(/jobber-api\.md §(\d+(?:\.\d+)?)(?:-§(\d+(?:\.\d+)?))?/g),
    ].flatMap((match) =>
      [match[1], match[2]].filter((n): n is string => n !== undefined).map((n) => ({ file, n })),
    ),
  ),
);

describe('citations of docs/jobber-api.md', () => {
  it('are found in the code and the docs', () => {
    expect(cited.length).toBeGreaterThan(20);
  });

  it('each name a section that exists', () => {
    const broken = cited
      .filter(({ n }) => !sections.has(n))
      .map(({ file, n }) => `${relative(ROOT, file)}: §${n}`);
    expect(broken).toEqual([]);
  });

  it('says the reference is the public 2025-04-16 API and the 2022 dump is secondary', () => {
    expect(reference).toContain("**The reference is Jobber's public API at the pinned version 2025-04-16**");
    expect(reference).toContain("Jobber's 2022-03-10 introspection dump");
    expect(reference).toContain('it is a secondary source only');
  });
});

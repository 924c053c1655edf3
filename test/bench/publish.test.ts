import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  COMMITTED_TARGETS,
  DOC_END,
  DOC_START,
  HEADLINE_END,
  HEADLINE_START,
  type PublishTargets,
} from '../../bench/cli';
import { headline, renderResults } from '../../bench/report';
import type { BenchResults } from '../../bench/results';
import { builtFile } from '../../sandbox/paths';

/**
 * The last step of `npm run bench` (a complete full run) on copies of the committed files: it must
 * work on the docs as they are committed, and write nothing at all when any file cannot be written.
 * It runs as the bench runs it, the built code in Node (prettier cannot load inside jest's vm).
 */
const results = JSON.parse(readFileSync(COMMITTED_TARGETS.resultsFile, 'utf8')) as BenchResults;
const markdown = renderResults(results);

/** Publishes the committed results to `targets` in a child process; rejects with its error text. */
async function publishResults(targets: PublishTargets): Promise<void> {
  const script = `
    const { readFileSync } = require('node:fs');
    const { publishResults } = require(${JSON.stringify(builtFile('bench/publish.js'))});
    const { renderResults } = require(${JSON.stringify(builtFile('bench/report.js'))});
    const [resultsFile, targets] = process.argv.slice(1);
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    publishResults(results, renderResults(results), JSON.parse(targets)).then(
      () => process.exit(0),
      (error) => { process.stderr.write(error.message); process.exit(1); },
    );`;
  const child = spawnSync(
    process.execPath,
    ['-e', script, COMMITTED_TARGETS.resultsFile, JSON.stringify(targets)],
    {
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(child.stderr || `exit ${String(child.status)}`);
}

/** The text outside a marked block, which publishing must leave alone. */
function outside(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`missing ${start} … ${end}`);
  return text.slice(0, from) + text.slice(to);
}

function inside(text: string, start: string, end: string): string {
  return text.slice(text.indexOf(start) + start.length, text.indexOf(end));
}

describe('publishing a full run’s results', () => {
  let dir: string;
  let targets: PublishTargets;
  const read = (file: string): string => readFileSync(file, 'utf8');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-publish-'));
    targets = {
      resultsFile: join(dir, 'results.json'),
      docFile: join(dir, 'benchmarks.md'),
      readmeFile: join(dir, 'README.md'),
    };
    copyFileSync(COMMITTED_TARGETS.resultsFile, targets.resultsFile);
    copyFileSync(COMMITTED_TARGETS.docFile, targets.docFile);
    copyFileSync(COMMITTED_TARGETS.readmeFile, targets.readmeFile);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('works on the committed docs: the tables between the markers, the headline, and nothing else', async () => {
    await publishResults(targets);
    const doc = read(targets.docFile);
    const committedDoc = read(COMMITTED_TARGETS.docFile);
    expect(outside(doc, DOC_START, DOC_END)).toBe(outside(committedDoc, DOC_START, DOC_END));
    const block = inside(doc, DOC_START, DOC_END);
    for (const heading of markdown.split('\n').filter((line) => line.startsWith('### ')))
      expect(block).toContain(heading);
    expect(block).toContain('| target ');
    const readme = read(targets.readmeFile);
    const committedReadme = read(COMMITTED_TARGETS.readmeFile);
    expect(outside(readme, HEADLINE_START, HEADLINE_END)).toBe(
      outside(committedReadme, HEADLINE_START, HEADLINE_END),
    );
    expect(inside(readme, HEADLINE_START, HEADLINE_END)).toBe(headline(results));
    expect(JSON.parse(read(targets.resultsFile))).toEqual(results);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'benchmarks.md', 'results.json']);
  });

  it('writes nothing, results.json included, when the doc lacks a marker', async () => {
    writeFileSync(targets.docFile, read(targets.docFile).replace(DOC_END, ''));
    writeFileSync(targets.resultsFile, '{"previous": true}\n');
    const before = [targets.resultsFile, targets.docFile, targets.readmeFile].map(read);
    await expect(publishResults(targets)).rejects.toThrow(
      `Cannot update ${targets.docFile}: The file lacks the markers`,
    );
    expect([targets.resultsFile, targets.docFile, targets.readmeFile].map(read)).toEqual(before);
  });

  it('writes nothing when one of the files cannot be written, and leaves no temporary file', async () => {
    const unwritable = { ...targets, resultsFile: join(dir, 'missing-folder', 'results.json') };
    const before = [targets.docFile, targets.readmeFile].map(read);
    await expect(publishResults(unwritable)).rejects.toThrow(
      `Cannot write ${unwritable.resultsFile}: nothing was written`,
    );
    expect([targets.docFile, targets.readmeFile].map(read)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'benchmarks.md', 'results.json']);
  });
});

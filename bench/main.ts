/**
 * `npm run bench [-- --quick] [-- --fresh-sandbox] [-- --only matrix,dashboard,…]`
 *
 * Prints the results as markdown tables. A complete full run also writes bench/results.json and
 * refreshes the results in docs/benchmarks.md between its markers; other runs write
 * build/bench/results-<profile>.json only, so the committed figures always come from a full run.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { BUILD_DIR, REPO_ROOT } from '../sandbox/paths';
import { progress } from './progress';
import { headline, renderResults } from './report';
import type { BenchResults } from './results';
import { runBench } from './run';
import { HEADLINE_END, HEADLINE_START, parseArgs, withBlock, withResultsBlock } from './cli';

const RESULTS_FILE = join(REPO_ROOT, 'bench', 'results.json');
const DOC_FILE = join(REPO_ROOT, 'docs', 'benchmarks.md');
const README_FILE = join(REPO_ROOT, 'README.md');

async function writeFormatted(file: string, text: string): Promise<void> {
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(text, { ...options, filepath: file }));
}

async function publish(results: BenchResults, markdown: string, complete: boolean): Promise<void> {
  const json = `${JSON.stringify(results, null, 2)}\n`;
  if (results.profile === 'full' && complete) {
    writeFileSync(RESULTS_FILE, json);
    await writeFormatted(DOC_FILE, withResultsBlock(readFileSync(DOC_FILE, 'utf8'), markdown));
    const readme = readFileSync(README_FILE, 'utf8');
    await writeFormatted(README_FILE, withBlock(readme, HEADLINE_START, HEADLINE_END, headline(results)));
    progress('wrote bench/results.json, docs/benchmarks.md and the headline in README.md');
    return;
  }
  const file = join(BUILD_DIR, 'bench', `results-${results.profile}.json`);
  mkdirSync(join(BUILD_DIR, 'bench'), { recursive: true });
  writeFileSync(file, json);
  progress(`wrote ${file} (the committed results come from a complete full run)`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const results = await runBench(options);
  const markdown = renderResults(results);
  process.stdout.write(`${markdown}\n`);
  await publish(results, markdown, options.sections === undefined);
}

if (require.main === module)
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });

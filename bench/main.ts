/**
 * `npm run bench [-- --quick] [-- --fresh-sandbox] [-- --only matrix,dashboard,…]`
 *
 * Prints the results as markdown tables. A complete full run also writes bench/results.json and
 * refreshes the results in docs/benchmarks.md between its markers; other runs write
 * build/bench/results-<profile>.json only, so the committed figures always come from a full run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR } from '../sandbox/paths';
import { COMMITTED_TARGETS, parseArgs } from './cli';
import { progress } from './progress';
import { publishResults } from './publish';
import { renderResults } from './report';
import type { BenchResults } from './results';
import { runBench } from './run';

async function publish(results: BenchResults, markdown: string, complete: boolean): Promise<void> {
  const json = `${JSON.stringify(results, null, 2)}\n`;
  if (results.profile === 'full' && complete) {
    await publishResults(results, markdown, COMMITTED_TARGETS);
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

/**
 * The last step of a complete full run: bench/results.json, the results block of
 * docs/benchmarks.md and the headline in README.md. All three texts are built (markers found,
 * prettier run) and every target checked writable before any file changes, and the files are then
 * swapped in by rename, so a failure leaves the committed files as they were, never half rewritten.
 */
import { accessSync, constants, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { HEADLINE_END, HEADLINE_START, withBlock, withResultsBlock, type PublishTargets } from './cli';
import { headline } from './report';
import type { BenchResults } from './results';

interface PlannedWrite {
  readonly file: string;
  readonly text: string;
}

/** The new text of every file, computed without writing; throws (naming the file) when one cannot be made. */
async function plannedWrites(
  results: BenchResults,
  markdown: string,
  targets: PublishTargets,
): Promise<PlannedWrite[]> {
  const rewritten = async (file: string, edit: (text: string) => string): Promise<PlannedWrite> => {
    try {
      const text = edit(readFileSync(file, 'utf8'));
      const options = (await resolveConfig(file)) ?? {};
      return { file, text: await format(text, { ...options, filepath: file }) };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`Cannot update ${file}: ${why}`, { cause: error });
    }
  };
  return [
    { file: targets.resultsFile, text: `${JSON.stringify(results, null, 2)}\n` },
    await rewritten(targets.docFile, (doc) => withResultsBlock(doc, markdown)),
    await rewritten(targets.readmeFile, (readme) =>
      withBlock(readme, HEADLINE_START, HEADLINE_END, headline(results)),
    ),
  ];
}

/** Writes every file or none: each to a temporary file beside it first, then all renamed into place. */
function writeAll(writes: readonly PlannedWrite[]): void {
  for (const { file } of writes) {
    try {
      accessSync(existsSync(file) ? file : dirname(file), constants.W_OK);
    } catch {
      throw new Error(`Cannot write ${file}: nothing was written`);
    }
  }
  const staged: string[] = [];
  try {
    for (const { file, text } of writes) {
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, text);
      staged.push(temporary);
    }
  } catch (error) {
    for (const temporary of staged) rmSync(temporary, { force: true });
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Nothing was written: ${why}`, { cause: error });
  }
  writes.forEach(({ file }, index) => renameSync(staged[index] ?? '', file));
}

/** plannedWrites, then writeAll. */
export async function publishResults(
  results: BenchResults,
  markdown: string,
  targets: PublishTargets,
): Promise<void> {
  writeAll(await plannedWrites(results, markdown, targets));
}

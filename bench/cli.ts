/** The command line of `npm run bench` and the marked blocks it rewrites (no file access here). */
import { join } from 'node:path';
import { REPO_ROOT } from '../sandbox/paths';
import { SECTIONS, type BenchOptions, type Section } from './run';

/** The files a complete full run rewrites together (bench/publish.ts). */
export interface PublishTargets {
  readonly resultsFile: string;
  readonly docFile: string;
  readonly readmeFile: string;
}

/** The committed files a complete full run rewrites. */
export const COMMITTED_TARGETS: PublishTargets = {
  resultsFile: join(REPO_ROOT, 'bench', 'results.json'),
  docFile: join(REPO_ROOT, 'docs', 'benchmarks.md'),
  readmeFile: join(REPO_ROOT, 'README.md'),
};

export const DOC_START = '<!-- bench:results:start (written by npm run bench; do not edit) -->';
export const DOC_END = '<!-- bench:results:end -->';
export const HEADLINE_START = '<!-- bench:headline:start (written by npm run bench) -->';
export const HEADLINE_END = '<!-- bench:headline:end -->';

export function parseArgs(argv: readonly string[]): BenchOptions {
  let profile: BenchOptions['profile'] = 'full';
  let freshPerScenario = false;
  let sections: Section[] | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--quick') profile = 'quick';
    else if (arg === '--tiny') profile = 'tiny';
    else if (arg === '--fresh-sandbox') freshPerScenario = true;
    else if (arg === '--only') sections = parseSections(argv[++index] ?? '');
    else
      throw new Error(
        `Unknown argument ${String(arg)}. Use --quick, --fresh-sandbox, --only ${SECTIONS.join(',')}`,
      );
  }
  return { profile, freshPerScenario, ...(sections ? { sections } : {}) };
}

function parseSections(text: string): Section[] {
  return text.split(',').map((name) => {
    const section = SECTIONS.find((candidate) => candidate === name.trim());
    if (!section) throw new Error(`Unknown section "${name}"; sections: ${SECTIONS.join(', ')}`);
    return section;
  });
}

/** The text with the part between the markers replaced; fails if the markers are missing. */
export function withBlock(text: string, start: string, end: string, content: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`The file lacks the markers ${start} … ${end}`);
  return `${text.slice(0, from + start.length)}${content}${text.slice(to)}`;
}

/** docs/benchmarks.md with the results block replaced. */
export function withResultsBlock(doc: string, markdown: string): string {
  return withBlock(doc, DOC_START, DOC_END, `\n\n${markdown}\n\n`);
}

/** What `npm run doctor` prints: one line per check (ok / missing / changed), then a summary. */
import type { CheckKind } from './documents';
import type { CheckResult, CheckStatus } from './validate';

const KIND_WORDS: Readonly<Record<CheckKind, string>> = {
  object: 'object',
  count: 'count',
  field: 'field',
  filter: 'filter',
  date: 'date option',
  nested: 'nested re-read',
  copy: 'private copy read',
};

export function reportLines(results: readonly CheckResult[]): string[] {
  const lines: string[] = [];
  let object = '';
  for (const result of results) {
    const { check } = result;
    if (check.object.id !== object) {
      object = check.object.id;
      lines.push('', `${check.object.label} (${object})`);
    }
    const what = `${KIND_WORDS[check.kind]} ${check.name}`;
    lines.push(`  ${result.status.padEnd(8)}${what} (${check.label})`);
    for (const problem of result.problems) lines.push(`            ${problem}`);
  }
  return lines;
}

export function summaryLine(results: readonly CheckResult[]): string {
  const counts = (status: CheckStatus) => results.filter((result) => result.status === status).length;
  const failing = results
    .filter(
      (result) => result.status !== 'ok' && result.check.kind !== 'object' && result.check.kind !== 'count',
    )
    .map((result) => `${result.check.object.id} ${KIND_WORDS[result.check.kind]} ${result.check.name}`);
  return (
    `${results.length} checks: ${counts('ok')} ok, ${counts('missing')} missing, ${counts('changed')} changed` +
    (failing.length > 0 ? `. Not accepted: ${[...new Set(failing)].join(', ')}` : '')
  );
}

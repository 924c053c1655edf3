/** Number and table formatting shared by the console output and docs/benchmarks.md. */

export function int(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export function seconds(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function times(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(value < 0.1 ? 3 : 2)}×`;
}

export function percent(value: number): string {
  return `${(value * 100).toFixed(1)} %`;
}

export function yesNo(value: boolean | null): string {
  return value === null ? 'n/a' : value ? 'yes' : 'no';
}

/** A GitHub-flavoured markdown table (also readable as plain text). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: readonly string[]): string => `| ${cells.map(escape).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

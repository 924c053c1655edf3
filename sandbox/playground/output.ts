/** The CLI's three outputs of a getData answer: an aligned table, CSV and JSON. */
import type { CellValue, GetDataResponse } from '../studio';
import { displayRows, isNumericField } from './format';

const MAX_CELL_CHARS = 48;

/** Readable values (dates as YYYY-MM-DD, money with cents), field ids as headers, numbers right-aligned. */
export function renderTable(response: GetDataResponse): string {
  const headers = response.schema.map((field) => field.name);
  const rows = displayRows(response).map((row) => row.map(clip));
  const right = response.schema.map(isNumericField);
  const widths = headers.map((header, column) =>
    rows.reduce((widest, row) => Math.max(widest, (row[column] ?? '').length), header.length),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return right[column] ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n') + '\n';
}

/** Values exactly as the connector returned them (Looker Studio's formats), RFC 4180 quoting. */
export function renderCsv(response: GetDataResponse): string {
  const lines = [
    response.schema.map((field) => csvCell(field.name)),
    ...response.rows.map((row) => row.values.map((value) => csvCell(value))),
  ];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** { schema, rows }: rows as objects keyed by field id, values as the connector returned them. */
export function renderJson(response: GetDataResponse): string {
  const schema = response.schema.map((field) => ({
    name: field.name,
    label: field.label,
    conceptType: field.semantics.conceptType,
    semanticType: field.semantics.semanticType,
  }));
  const rows = response.rows.map((row) =>
    Object.fromEntries(response.schema.map((field, index) => [field.name, row.values[index] ?? null])),
  );
  return `${JSON.stringify({ schema, rows }, null, 2)}\n`;
}

function csvCell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MAX_CELL_CHARS ? `${flat.slice(0, MAX_CELL_CHARS - 1)}…` : flat;
}

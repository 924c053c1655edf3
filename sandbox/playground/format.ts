/**
 * Rendering getData rows for people: dates in Looker Studio's compact formats (YYYYMMDD…) become
 * readable, money gets two decimals. The CLI's csv and json keep the values exactly as the
 * connector returned them.
 */
import type { CellValue, GetDataResponse, SchemaField } from '../studio';

const DATE_LAYOUTS: Readonly<Record<string, (digits: string) => string>> = {
  YEAR: (d) => d,
  YEAR_QUARTER: (d) => `${d.slice(0, 4)} Q${d.slice(4)}`,
  YEAR_MONTH: (d) => `${d.slice(0, 4)}-${d.slice(4, 6)}`,
  YEAR_WEEK: (d) => `${d.slice(0, 4)} W${d.slice(4, 6)}`,
  YEAR_MONTH_DAY: (d) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
  YEAR_MONTH_DAY_HOUR: (d) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)} ${d.slice(8, 10)}h`,
  YEAR_MONTH_DAY_MINUTE: (d) =>
    `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)} ${d.slice(8, 10)}:${d.slice(10, 12)}`,
  YEAR_MONTH_DAY_SECOND: (d) =>
    `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)} ${d.slice(8, 10)}:${d.slice(10, 12)}:${d.slice(12, 14)}`,
};

/** Whether a field is a calendar date or time Looker Studio can put on a time axis. */
export function isDateField(field: SchemaField): boolean {
  return field.semantics.semanticType in DATE_LAYOUTS && field.semantics.semanticType !== 'YEAR';
}

export function displayValue(value: CellValue, field: SchemaField): string {
  if (value === null || value === '') return '';
  const type = field.semantics.semanticType;
  const layout = DATE_LAYOUTS[type];
  if (layout && typeof value === 'string' && /^\d+$/.test(value)) return layout(value);
  if (type.startsWith('CURRENCY_') && isNumeric(value)) return money(Number(value));
  if (type === 'PERCENT' && isNumeric(value)) return `${trim(Number(value) * 100)}%`;
  if (typeof value === 'number') return trim(value);
  return String(value);
}

export function displayRows(response: GetDataResponse): string[][] {
  return response.rows.map((row) =>
    row.values.map((value, index) => {
      const field = response.schema[index];
      return field ? displayValue(value, field) : String(value ?? '');
    }),
  );
}

/** Whether a column is best right-aligned (numbers and money). */
export function isNumericField(field: SchemaField): boolean {
  return field.dataType === 'NUMBER' && !isDateField(field);
}

function isNumeric(value: CellValue): boolean {
  return (
    (typeof value === 'number' || typeof value === 'string') && value !== '' && Number.isFinite(Number(value))
  );
}

function money(amount: number): string {
  return amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function trim(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

import type { CellValue } from './types';

/**
 * Row values per semantic type (the field-type reference): dates as zero-padded digit strings,
 * numbers as numbers or decimal strings, booleans as booleans or "true"/"false". Null and "" mean
 * "no value" for every type. Returns the problem, or null when the value is well formed.
 */
export function valueProblem(semanticType: string, value: CellValue): string | null {
  if (value === null || value === '') return null;
  const check = CHECKS[semanticType] ?? (semanticType.startsWith('CURRENCY_') ? isNumeric : isText);
  return check(value) ? null : `${JSON.stringify(value)} is not a valid ${semanticType} value`;
}

type Check = (value: string | number | boolean) => boolean;

const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

const isNumeric: Check = (value) =>
  (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && DECIMAL.test(value));
const isText: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean' || value === 'true' || value === 'false';
const isUrl: Check = (value) => typeof value === 'string' && /^https?:\/\/\S+$/.test(value);

function digits(pattern: RegExp, valid: (groups: number[]) => boolean): Check {
  return (value) => {
    if (typeof value !== 'string') return false;
    const match = pattern.exec(value);
    return match !== null && valid(match.slice(1).map(Number));
  };
}

const inRange = (value: number | undefined, low: number, high: number): boolean =>
  value !== undefined && value >= low && value <= high;

function isRealDate(year: number | undefined, month: number | undefined, day: number | undefined): boolean {
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const time = (groups: number[], from: number): boolean =>
  inRange(groups[from], 0, 23) &&
  (groups[from + 1] === undefined || inRange(groups[from + 1], 0, 59)) &&
  (groups[from + 2] === undefined || inRange(groups[from + 2], 0, 59));

const CHECKS: Record<string, Check> = {
  NUMBER: isNumeric,
  PERCENT: isNumeric,
  DURATION: isNumeric,
  BOOLEAN: isBoolean,
  TEXT: isText,
  URL: isUrl,
  HYPERLINK: isText,
  IMAGE: isUrl,
  IMAGE_LINK: isText,
  YEAR: digits(/^(\d{4})$/, () => true),
  YEAR_QUARTER: digits(/^(\d{4})([1-4])$/, () => true),
  YEAR_MONTH: digits(/^(\d{4})(\d{2})$/, (groups) => inRange(groups[1], 1, 12)),
  YEAR_WEEK: digits(/^(\d{4})(\d{2})$/, (groups) => inRange(groups[1], 1, 53)),
  YEAR_MONTH_DAY: digits(/^(\d{4})(\d{2})(\d{2})$/, (groups) => isRealDate(groups[0], groups[1], groups[2])),
  YEAR_MONTH_DAY_HOUR: digits(
    /^(\d{4})(\d{2})(\d{2})(\d{2})$/,
    (groups) => isRealDate(groups[0], groups[1], groups[2]) && time(groups, 3),
  ),
  YEAR_MONTH_DAY_MINUTE: digits(
    /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/,
    (groups) => isRealDate(groups[0], groups[1], groups[2]) && time(groups, 3),
  ),
  YEAR_MONTH_DAY_SECOND: digits(
    /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/,
    (groups) => isRealDate(groups[0], groups[1], groups[2]) && time(groups, 3),
  ),
  QUARTER: digits(/^([1-4])$/, () => true),
  MONTH: digits(/^(\d{2})$/, (groups) => inRange(groups[0], 1, 12)),
  WEEK: digits(/^(\d{2})$/, (groups) => inRange(groups[0], 1, 53)),
  MONTH_DAY: digits(/^(\d{2})(\d{2})$/, (groups) => isRealDate(2024, groups[0], groups[1])),
  DAY: digits(/^(\d{2})$/, (groups) => inRange(groups[0], 1, 31)),
  DAY_OF_WEEK: digits(/^([0-6])$/, () => true),
  HOUR: digits(/^(\d{2})$/, (groups) => inRange(groups[0], 0, 23)),
  MINUTE: digits(/^(\d{2})$/, (groups) => inRange(groups[0], 0, 59)),
  LATITUDE_LONGITUDE: digits(
    /^(-?\d+(?:\.\d+)?), ?(-?\d+(?:\.\d+)?)$/,
    (groups) => inRange(groups[0], -90, 90) && inRange(groups[1], -180, 180),
  ),
};

/**
 * The ISO 8601 texts Jobber sends (YYYY-MM-DD, YYYY-MM-DDTHH:mm:ss[.fff](Z|±HH:mm)) as epoch ms, and
 * proleptic Gregorian day numbers, without Date.UTC (which reads years 0-99 as 1900-1999) and
 * without allocating: they run for every date cell of a report.
 */

export const DAY_MS = 86_400_000;

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let index = from; index < from + count; index++) {
    const code = text.charCodeAt(index) - 48;
    if (code < 0 || code > 9) return NaN;
    value = value * 10 + code;
  }
  return value;
}

export function parseDateOnly(text: string): { year: number; month: number; day: number } | null {
  if (!isDatePrefix(text)) return null;
  return { year: digits(text, 0, 4), month: digits(text, 5, 2), day: digits(text, 8, 2) };
}

/** YYYY-MM-DD at the start of the text, with a plausible month and day. */
function isDatePrefix(text: string): boolean {
  if (text.length < 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  return !Number.isNaN(year + month + day) && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const LETTER_T = 84;
const LETTER_Z = 90;

/**
 * YYYY-MM-DDTHH:mm:ss[.fraction](Z|±HH:mm), the shapes Jobber sends; null for anything else.
 * Called for every date cell of a report, so it reads character codes and allocates nothing.
 */
export function parseIsoDateTime(text: string): number | null {
  if (text.length < 20 || text.charCodeAt(10) !== LETTER_T) return null;
  if (text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON || !isDatePrefix(text)) return null;
  const hours = digits(text, 11, 2);
  const minutes = digits(text, 14, 2);
  const seconds = digits(text, 17, 2);
  if (Number.isNaN(hours + minutes + seconds)) return null;
  let position = 19;
  let millis = 0;
  if (text.charCodeAt(position) === DOT) {
    let scale = 100;
    position += 1;
    for (; position < text.length; position++) {
      const code = text.charCodeAt(position) - 48;
      if (code < 0 || code > 9) break;
      millis += code * scale;
      scale /= 10;
    }
    millis = Math.floor(millis);
  }
  const offset = zoneOffsetAt(text, position);
  if (offset === null) return null;
  const day = daysFromCivil(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
  return day * DAY_MS + hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + millis - offset;
}

/** The zone suffix starting at `position`: Z, or ±HH:mm, as milliseconds east of UTC. */
function zoneOffsetAt(text: string, position: number): number | null {
  const remaining = text.length - position;
  if (remaining === 1 && text.charCodeAt(position) === LETTER_Z) return 0;
  if (remaining !== 6 || text.charCodeAt(position + 3) !== COLON) return null;
  const signCode = text.charCodeAt(position);
  const sign = signCode === 45 ? -1 : signCode === 43 ? 1 : 0;
  const hours = digits(text, position + 1, 2);
  const minutes = digits(text, position + 4, 2);
  if (sign === 0 || Number.isNaN(hours + minutes)) return null;
  return sign * (hours * 60 + minutes) * 60_000;
}

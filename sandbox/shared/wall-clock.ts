/**
 * The wall clock of an IANA time zone on Node's time zone data, for the Jobber sandbox, the bench
 * and the tests. (The Apps Script runtime keeps its own: its services run inside the script's realm
 * and import nothing from outside it.)
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone; throws a RangeError for a zone Node does not know. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's wall clock at an instant, read as if it were UTC: whole seconds, in ms. */
export function wallClockAsUtc(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return Date.UTC(
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
}

/**
 * Utilities.formatDate for the digit patterns the connector uses (yyyy, MM, dd, HH, mm, ss and
 * literals), on Node's time zone data.
 */
export function formatDigits(epochMs: number, timeZone: string, pattern: string): string {
  const wall = new Date(wallClockAsUtc(epochMs, timeZone)).toISOString();
  const tokens: Record<string, string> = {
    yyyy: wall.slice(0, 4),
    MM: wall.slice(5, 7),
    dd: wall.slice(8, 10),
    HH: wall.slice(11, 13),
    mm: wall.slice(14, 16),
    ss: wall.slice(17, 19),
  };
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (token) => tokens[token] ?? token);
}

/**
 * Utilities.formatDate for unit tests, on Node's time zone data: the digit patterns the connector
 * uses (yyyy, MM, dd, HH, mm, ss and literals). Counts its calls so memoisation is assertable.
 */
export interface CountingFormatDate {
  (epochMs: number, timeZone: string, pattern: string): string;
  calls: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function countingFormatDate(): CountingFormatDate {
  const format = ((epochMs: number, timeZone: string, pattern: string): string => {
    format.calls++;
    const parts: Record<string, string> = {};
    for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) parts[part.type] = part.value;
    const tokens: Record<string, string> = {
      yyyy: parts['year'] ?? '',
      MM: parts['month'] ?? '',
      dd: parts['day'] ?? '',
      HH: parts['hour'] ?? '',
      mm: parts['minute'] ?? '',
      ss: parts['second'] ?? '',
    };
    return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (token) => tokens[token] ?? token);
  }) as CountingFormatDate;
  format.calls = 0;
  return format;
}

import { formatDigits } from '../../sandbox/shared/wall-clock';

/**
 * Utilities.formatDate for unit tests, on Node's time zone data: the digit patterns the connector
 * uses (yyyy, MM, dd, HH, mm, ss and literals). Counts its calls so memoisation is assertable.
 */
export interface CountingFormatDate {
  (epochMs: number, timeZone: string, pattern: string): string;
  calls: number;
}

export function countingFormatDate(): CountingFormatDate {
  const format = ((epochMs: number, timeZone: string, pattern: string): string => {
    format.calls++;
    return formatDigits(epochMs, timeZone, pattern);
  }) as CountingFormatDate;
  format.calls = 0;
  return format;
}

/**
 * A Platform for unit tests of the report entry points: a fixed clock, the test date formatter, a
 * recording logger and the fake field/config builder. Everything else refuses to be used.
 */
import type { Platform } from '../../src/platform/platform';
import { countingFormatDate } from './format-date';
import { fakePlatform, nodeCodec, RecordingLogger, type LogLine } from './platform-fakes';

export type LoggedLine = LogLine;

export function reportPlatform(nowIso = '2024-06-15T18:00:00Z'): Platform & { readonly logged: LogLine[] } {
  const logger = new RecordingLogger();
  const now = Date.parse(nowIso);
  const platform = fakePlatform({
    clock: {
      now: () => now,
      sleep: () => {
        throw new Error('clock.sleep is not used by the report code');
      },
    },
    codec: { ...nodeCodec, formatDate: countingFormatDate() },
    logger,
  });
  return { ...platform, logged: logger.lines };
}

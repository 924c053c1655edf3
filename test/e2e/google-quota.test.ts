/**
 * Google's daily UrlFetch quota, end to end: the built bundle in the local runtime, whose UrlFetchApp
 * refuses calls past the user's quota with Apps Script's own exception and resets it 24 hours after
 * the user's first call. The chart says so, and when it resets, instead of retrying four times and
 * blaming Jobber.
 */
import type { LookerStudio } from '../../sandbox/studio';
import { useWorld } from '../support/e2e';
import { CLIENTS_CHART, clientsSource, lastSequence, requestsSince, userErrorOf } from './auth-support';
import { LIVE_ONLY } from './support/reports';

const USER = 'quota@example.com';
/** Enough for connecting and a few charts; small enough to run out within the test. */
const QUOTA = 12;
const DAY_MS = 86_400_000;

/** The jobber_usage log line of the studio's last execution. */
function lastUsage(studio: LookerStudio): Record<string, unknown> {
  const result = studio.executions.at(-1)?.result;
  const line = result?.logs.map((log) => log.message).find((message) => message.includes('"jobber_usage"'));
  return line ? (JSON.parse(line) as Record<string, unknown>) : {};
}

describe('Google’s daily UrlFetch quota used up', () => {
  const world = useWorld({
    sandbox: { accessTokenLifetimeSeconds: 3_600 },
    runtime: { urlFetchDailyQuota: QUOTA },
  });

  it('says the quota, when it resets, and does not retry; the chart works again 24 hours after the first fetch', async () => {
    const sandboxNow = async (): Promise<number> => (await world().sandbox.control.clock.now()).now;
    const firstFetchAt = await sandboxNow();
    const studio = await world().connect(USER);
    // Live: each chart calls Jobber (the private copy's repeat views within seconds call nothing).
    const source = await clientsSource(studio, LIVE_ONLY);
    expect(world().runtime.urlFetchCount(USER)).toBeGreaterThan(0);

    let answered = 0;
    while (world().runtime.urlFetchCount(USER) < QUOTA) {
      await source.getData(CLIENTS_CHART);
      answered += 1;
    }
    expect(answered).toBeGreaterThan(0);
    const mark = await lastSequence(world());

    const error = await userErrorOf(source.getData(CLIENTS_CHART));

    expect(error.text).toContain("Google's daily quota of URL fetches for your Google account is used up");
    expect(error.text).toContain('Google resets the quota 24 hours after the first fetch of the day');
    expect(error.text).not.toContain('Jobber is not answering');
    // Refused by Google, so Jobber heard nothing; no retry, so no backoff either.
    expect(await requestsSince(world(), mark)).toEqual([]);
    expect(lastUsage(studio)).toMatchObject({ outcome: 'GOOGLE_QUOTA_EXCEEDED', retries: 0, waits: 0 });
    expect(studio.executions.at(-1)?.result.virtualElapsedMs ?? Infinity).toBeLessThan(1_000);

    // A minute before the day is over the access token has long expired: renewing it is refused
    // by Google the same way.
    await world().sandbox.control.clock.advance(firstFetchAt + DAY_MS - (await sandboxNow()) - 60_000);
    const renewing = await userErrorOf(source.getData(CLIENTS_CHART));
    expect(renewing.text).toBe(error.text);
    expect(await requestsSince(world(), mark)).toEqual([]);

    await world().sandbox.control.clock.advance(2 * 60_000);
    const response = await source.getData(CLIENTS_CHART);
    expect(response.rows.length).toBeGreaterThan(0);
  });
});

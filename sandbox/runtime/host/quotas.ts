import { ServiceError } from './service-error';
import { URLFETCH_DAILY_QUOTA_TEXT } from './limits';

const DAY_MS = 86_400_000;

interface QuotaDay {
  /** When the user's first call of this quota day was made: the quota resets 24 h later. */
  readonly startedAt: number;
  calls: number;
}

/**
 * Daily per-user quotas. Google's quotas page: quotas "reset 24 hours after the first request", so
 * a user's quota day starts with their first call and lasts 24 h by the host clock, not a calendar day.
 */
export class Quotas {
  private readonly urlFetchDays = new Map<string, QuotaDay>();

  constructor(
    private readonly now: () => number,
    private readonly urlFetchDailyLimit: number,
  ) {}

  /** Counts one UrlFetchApp call, or throws Apps Script's quota exception when the day's calls are used up. */
  takeUrlFetch(user: string): void {
    const day = this.currentDay(user) ?? { startedAt: this.now(), calls: 0 };
    if (day.calls >= this.urlFetchDailyLimit) throw new ServiceError(URLFETCH_DAILY_QUOTA_TEXT);
    day.calls += 1;
    this.urlFetchDays.set(user, day);
  }

  urlFetchCount(user: string): number {
    return this.currentDay(user)?.calls ?? 0;
  }

  private currentDay(user: string): QuotaDay | undefined {
    const day = this.urlFetchDays.get(user);
    return day && this.now() < day.startedAt + DAY_MS ? day : undefined;
  }
}

import { ServiceError } from './service-error';
import { URLFETCH_DAILY_QUOTA_TEXT } from './limits';

/** Daily per-user quotas, counted per UTC day of the host clock. */
export class Quotas {
  private readonly urlFetchCalls = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly urlFetchDailyLimit: number,
  ) {}

  /** Counts one UrlFetchApp call, or throws Apps Script's quota exception when the day's calls are used up. */
  takeUrlFetch(user: string): void {
    const key = this.key(user);
    const used = this.urlFetchCalls.get(key) ?? 0;
    if (used >= this.urlFetchDailyLimit) throw new ServiceError(URLFETCH_DAILY_QUOTA_TEXT);
    this.urlFetchCalls.set(key, used + 1);
  }

  urlFetchCount(user: string): number {
    return this.urlFetchCalls.get(this.key(user)) ?? 0;
  }

  private key(user: string): string {
    return `${new Date(this.now()).toISOString().slice(0, 10)} ${user}`;
  }
}

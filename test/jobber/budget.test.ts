import { ConnectorError } from '../../src/errors';
import {
  APPS_SCRIPT_LIMIT_MS,
  DEFAULT_RUNTIME_BUDGET_MS,
  RUNTIME_BUDGET_PROPERTY,
  RuntimeBudget,
  runtimeBudgetMs,
} from '../../src/jobber/budget';
import { FakeClock, MemoryProperties } from '../support/platform-fakes';

describe('the runtime budget of one execution', () => {
  const withProperty = (value?: string) => {
    const properties = new MemoryProperties();
    if (value !== undefined) properties.setProperty(RUNTIME_BUDGET_PROPERTY, value);
    return properties;
  };

  it('is 300 s by default, well under Apps Script’s 6 minutes', () => {
    expect(runtimeBudgetMs(withProperty())).toBe(DEFAULT_RUNTIME_BUDGET_MS);
    expect(DEFAULT_RUNTIME_BUDGET_MS).toBe(300_000);
  });

  it('takes the script property in seconds, and the factory option over it', () => {
    expect(runtimeBudgetMs(withProperty('120'))).toBe(120_000);
    expect(runtimeBudgetMs(withProperty('120'), 5_000)).toBe(5_000);
  });

  it.each(['', 'soon', '0', '-5', 'Infinity'])('ignores the nonsense value %j', (value) => {
    expect(runtimeBudgetMs(withProperty(value))).toBe(DEFAULT_RUNTIME_BUDGET_MS);
  });

  it.each([
    ['330', 330_000],
    ['340', 330_000],
    ['400', 330_000],
    ['329.5', 329_500],
  ])('caps %j seconds so that at least 30 s remain before Apps Script’s 6 minutes', (value, expected) => {
    expect(runtimeBudgetMs(withProperty(value))).toBe(expected);
    expect(APPS_SCRIPT_LIMIT_MS - runtimeBudgetMs(withProperty(value))).toBeGreaterThanOrEqual(30_000);
  });

  it('caps the factory option the same way', () => {
    expect(runtimeBudgetMs(withProperty(), 360_000)).toBe(330_000);
  });

  it('counts from the start of the execution and refuses a wait that would not fit', () => {
    const clock = new FakeClock();
    const budget = new RuntimeBudget(clock, clock.now(), 10_000);
    clock.nowMs += 4_000;
    expect(budget.remainingMs()).toBe(6_000);
    expect(() => budget.assertCanWait(5_999, 'test')).not.toThrow();
    expect(() => budget.assertCanWait(6_000, 'test')).toThrow(/TIME_BUDGET_EXCEEDED/);
  });

  describe('token renewals', () => {
    const renewalAt = (limitMs: number, elapsedMs: number): unknown => {
      const clock = new FakeClock();
      const budget = new RuntimeBudget(clock, clock.now(), limitMs);
      clock.nowMs += elapsedMs;
      try {
        budget.assertCanStartRenewal();
        return 'allowed';
      } catch (error) {
        return error;
      }
    };

    it('are never started in the last 30 s of the budget', () => {
      expect(renewalAt(300_000, 269_999)).toBe('allowed');
      const refused = renewalAt(300_000, 270_000);
      expect(refused).toBeInstanceOf(ConnectorError);
      expect((refused as ConnectorError).code).toBe('TIME_BUDGET_EXCEEDED');
      expect((refused as ConnectorError).userText).toContain(
        'Refresh the report: it renews the authorization first',
      );
      expect(renewalAt(330_000, 299_999)).toBe('allowed');
      expect(renewalAt(330_000, 300_000)).toBeInstanceOf(ConnectorError);
      expect(renewalAt(300_000, 400_000)).toBeInstanceOf(ConnectorError);
    });

    it('may start in the first 30 s of a budget under a minute (it ends five minutes before the limit)', () => {
      expect(renewalAt(5_000, 0)).toBe('allowed');
      expect(renewalAt(5_000, 29_999)).toBe('allowed');
      expect(renewalAt(5_000, 30_000)).toBeInstanceOf(ConnectorError);
      expect(renewalAt(45_000, 29_999)).toBe('allowed');
      expect(renewalAt(45_000, 30_000)).toBeInstanceOf(ConnectorError);
    });
  });
});

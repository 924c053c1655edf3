import {
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

  it.each(['', 'soon', '0', '-5', '400'])('ignores the nonsense value %j', (value) => {
    expect(runtimeBudgetMs(withProperty(value))).toBe(DEFAULT_RUNTIME_BUDGET_MS);
  });

  it('counts from the start of the execution and refuses a wait that would not fit', () => {
    const clock = new FakeClock();
    const budget = new RuntimeBudget(clock, clock.now(), 10_000);
    clock.nowMs += 4_000;
    expect(budget.remainingMs()).toBe(6_000);
    expect(() => budget.assertCanWait(5_999, 'test')).not.toThrow();
    expect(() => budget.assertCanWait(6_000, 'test')).toThrow(/TIME_BUDGET_EXCEEDED/);
  });
});

import { ACCOUNT_SPECS } from '../../../sandbox/jobber/data/accounts';
import { generateAccount } from '../../../sandbox/jobber/data/generate';

/** The benchmark's data set: at least 100,000 invoices in the demo account (a few seconds to generate). */
it('the large demo account has at least 100,000 invoices', () => {
  const spec = ACCOUNT_SPECS[0];
  if (!spec) throw new Error('no demo account');
  const large = generateAccount(spec, { size: 'large', seed: 1, now: Date.UTC(2026, 5, 15, 18) });
  expect(large.records.invoices.length).toBeGreaterThanOrEqual(100_000);
}, 180_000);

import { ACCOUNT_SPECS, type DataSize } from '../../../sandbox/jobber/data/accounts';
import { generateAccount } from '../../../sandbox/jobber/data/generate';

/**
 * Well-tagged clients: a few company clients in every data size carry more tags than the
 * connector's first page of tags (10), so the path that completes a client's tags is exercised.
 */
const NOW = Date.UTC(2026, 2, 12, 18);

describe('well-tagged clients', () => {
  it.each(['tiny', 'small'] as const)(
    'in %s data, every account has a company client with 11 to 15 tags',
    (size: DataSize) => {
      for (const spec of ACCOUNT_SPECS) {
        const { clients } = generateAccount(spec, { size, seed: 1, now: NOW }).records;
        const tagged = clients.filter((client) => client.tags.length > 10);
        expect(tagged.length).toBeGreaterThan(0);
        for (const client of tagged) {
          expect(client.isCompany).toBe(true);
          expect(client.tags.length).toBeLessThanOrEqual(15);
          expect(new Set(client.tags).size).toBe(client.tags.length);
        }
        expect(tagged.length).toBeLessThanOrEqual(Math.max(1, clients.length / 20));
      }
    },
  );
});

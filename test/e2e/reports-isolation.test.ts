/**
 * Two Google users connected to two Jobber accounts only ever see their own account's rows, even
 * when their charts run at the same time with the same configuration, and a user who reconnects to
 * another account sees that account's rows, not cached ones: read live (through the report cache)
 * and through the private copy (the default).
 */
import type { LookerStudio } from '../../sandbox/studio';
import { useWorld } from '../support/e2e';
import { column, rawRecords, READ_MODES } from './support/reports';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
describe.each(READ_MODES)('two users on two Jobber accounts ($mode)', ({ config }) => {
  const world = useWorld({ sandbox: { size: 'tiny', clock: 'virtual', startTime: '2026-03-12T18:00:00Z' } });

  const accountId = (index: number): string => {
    const account = world().sandbox.accounts[index];
    if (!account) throw new Error(`no account ${index}`);
    return account.id;
  };

  async function clientIdsSeenBy(studio: LookerStudio): Promise<string[]> {
    const source = await studio.connect({ object: 'clients', dateField: 'allTime', ...config });
    const response = await source.getData({ fields: ['clientId'], lastRefresh: 1 });
    return column(response, 'clientId').map(String).sort();
  }

  async function clientIdsOf(index: number): Promise<string[]> {
    return (await rawRecords(world().sandbox, accountId(index), 'clients'))
      .map((client) => String(client['id']))
      .sort();
  }

  it('see only their own account’s records, also when reading at the same time', async () => {
    const alice = await world().connect(ALICE, { mode: 'approve', accountId: accountId(0) });
    const bob = await world().connect(BOB, { mode: 'approve', accountId: accountId(1) });
    const [aliceSees, bobSees] = await Promise.all([clientIdsSeenBy(alice), clientIdsSeenBy(bob)]);
    expect(aliceSees).toEqual(await clientIdsOf(0));
    expect(bobSees).toEqual(await clientIdsOf(1));
    expect(aliceSees.filter((id) => bobSees.includes(id))).toEqual([]);
    expect(await clientIdsSeenBy(alice)).toEqual(aliceSees);
  });

  it('see the new account after reconnecting, not rows cached from the old one', async () => {
    const alice = world().studio(ALICE);
    expect(await clientIdsSeenBy(alice)).toEqual(await clientIdsOf(0));
    await alice.resetAuth();
    await world().connect(ALICE, { mode: 'approve', accountId: accountId(2) });
    expect(await clientIdsSeenBy(alice)).toEqual(await clientIdsOf(2));
  });
});

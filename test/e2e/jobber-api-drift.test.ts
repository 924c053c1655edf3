/**
 * A released connector meets a Jobber that changed under it, end to end (the built bundle in the
 * runtime, the sandbox drifted): a field Jobber no longer has becomes a user error naming the
 * chart's field and what to do; an enum value the connector has never seen shows as a readable
 * label; the account's time zone is the owner's even when someone else connects.
 */
import { isLookerUserError, type LookerStudio } from '../../sandbox/studio';
import { useWorld } from '../support/e2e';
import { LIVE_ONLY } from './support/reports';

async function userErrorOf(attempt: Promise<unknown>): Promise<{ text: string; debugText: string }> {
  try {
    await attempt;
  } catch (error) {
    if (isLookerUserError(error)) return { text: error.text, debugText: error.debugText ?? '' };
    throw error;
  }
  throw new Error('expected a user error');
}

const ALL_TIME = { startDate: '2023-01-01', endDate: '2026-03-12' };

describe('a Jobber whose API drifted from the connector’s', () => {
  const world = useWorld({
    sandbox: {
      size: 'tiny',
      clock: 'virtual',
      startTime: '2026-03-12T18:00:00Z',
      hideFields: ['Visit.title', 'Query.jobs.sort'],
      extraEnumValues: ['PaymentType=SOME_NEW_VALUE'],
    },
  });
  let studio: LookerStudio;

  beforeAll(async () => {
    studio = await world().connect();
  });

  it('names the chart’s field Jobber no longer has and what to do; admins see Jobber’s message', async () => {
    const visits = await studio.connect({ object: 'visits', dateField: 'startAt' });
    const error = await userErrorOf(visits.getData({ fields: ['visitTitle', 'visitCount'] }));
    expect(error.text).toContain('"Visit title"');
    expect(error.text).toContain('Remove it from the chart');
    expect(error.text).toContain('update the connector');
    expect(error.text).toContain('troubleshooting.md#jobbers-api-changed');
    expect(error.text).not.toMatch(/connector problem/i);
    expect(error.debugText).toContain("Field 'title' doesn't exist on type 'Visit'");
    const rest = await visits.getData({ fields: ['visitStatus', 'visitCount'] });
    expect(rest.rows.length).toBeGreaterThan(0);
  });

  it('names the date range whose newest-first sort Jobber no longer accepts', async () => {
    // Live: the chart's own range is read newest first (the private copy slices by creation instead).
    const jobs = await studio.connect({ object: 'jobs', dateField: 'updatedAt', ...LIVE_ONLY });
    const error = await userErrorOf(jobs.getData({ fields: ['jobNumber'], dateRange: ALL_TIME }));
    expect(error.text).toContain('the date range on "Last updated"');
    expect(error.debugText).toContain("Field 'jobs' doesn't accept argument 'sort'");
  });

  it('shows an enum value the connector does not know as a readable label, next to the known new methods', async () => {
    const payments = await studio.connect({ object: 'payments', dateField: 'entryDate' });
    const response = await payments.getData({ fields: ['paymentType', 'paymentCount'], dateRange: ALL_TIME });
    const methods = new Set(response.rows.map((row) => row.values[0]));
    expect(methods).toContain('Some new value');
    expect([...methods].filter((method) => method === null || method === '')).toEqual([]);
    expect(
      [...methods].some((method) =>
        ['Zelle', 'Venmo', 'Cash App', 'ACH bank payment'].includes(String(method)),
      ),
    ).toBe(true);
    expect([...methods].some((method) => /^[A-Z_]+$/.test(String(method)))).toBe(false);
  });

  it('uses the account owner’s time zone when an office manager in another zone connects', async () => {
    const account = world().sandbox.accounts[0];
    const office = account?.users.find(
      (user) => user.isAccountAdmin && !user.isAccountOwner && user.timeZone !== account.timeZone,
    );
    if (!account || !office) throw new Error('the demo account has a remote office manager');
    await world().connect('office@example.com', { mode: 'approve', userId: office.id });
    const stored = JSON.parse(world().runtime.userProperties('office@example.com')['jobber.account'] ?? '{}');
    expect(stored).toEqual({ id: account.id, name: account.name, timeZone: account.timeZone });
    expect(account.timeZone).toBe('America/Denver');
    expect(office.timeZone).toBe('America/Phoenix');
  });
});

import type { BenchProfile } from './profiles';
import type { SandboxProvider } from './sandbox';
import { openSession, type Session } from './session';
import type { ConnectorSetup } from './connectors';
import type { InvoiceCalendar } from './windows';

/** What every scenario shares: the profile, the sandbox and the account's invoices per day. */
export interface BenchContext {
  readonly profile: BenchProfile;
  readonly sandboxes: SandboxProvider;
  readonly calendar: InvoiceCalendar;
}

/** The setup of a scenario under the profile's one-execution limit (capacity, over budget). */
export function limitedSetup(context: BenchContext, connector: ConnectorSetup['connector']): ConnectorSetup {
  const bucket = context.profile.limitedStartingBucket;
  return {
    connector,
    limit: context.profile.limit,
    ...(bucket === undefined ? {} : { startingBucket: bucket }),
  };
}

/** A fresh session (runtime, authorization, full bucket) for one scenario, closed afterwards. */
export async function withSession<T>(
  context: BenchContext,
  setup: ConnectorSetup,
  body: (session: Session) => Promise<T>,
): Promise<T> {
  const session = await openSession(await context.sandboxes.forScenario(), setup);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}

import type { SleepEvent } from '../../sandbox/runtime';
import { ALICE, runtimeFor } from './support/scripts';

const SCRIPT = `function nap() { Utilities.sleep(30); Utilities.sleep(10); return 'rested'; }`;

describe('the onSleep observer', () => {
  it('hears of each Utilities.sleep as it starts, with the execution and the milliseconds', async () => {
    const events: SleepEvent[] = [];
    const runtime = runtimeFor(SCRIPT, { onSleep: (event) => events.push(event) });
    try {
      const result = await runtime.run(ALICE, 'nap');
      expect(result.value).toBe('rested');
      expect(events).toEqual([
        { executionId: result.executionId, user: ALICE, functionName: 'nap', ms: 30 },
        { executionId: result.executionId, user: ALICE, functionName: 'nap', ms: 10 },
      ]);
    } finally {
      await runtime.close();
    }
  });

  it('cannot break an execution: an observer that throws changes nothing the script sees', async () => {
    const runtime = runtimeFor(SCRIPT, {
      onSleep: () => {
        throw new Error('observer bug');
      },
    });
    const warning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      expect((await runtime.run(ALICE, 'nap')).value).toBe('rested');
      expect(warning).toHaveBeenCalledWith(expect.stringContaining('observer bug'));
    } finally {
      warning.mockRestore();
      await runtime.close();
    }
  });
});

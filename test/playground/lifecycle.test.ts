import { commandEnding, Lifecycle, signalExitCode, Stopped } from '../../sandbox/playground/lifecycle';

/** A start whose end the test decides. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('the playground lifecycle', () => {
  it('stops what started, newest first', async () => {
    const lifecycle = new Lifecycle();
    const stopped: string[] = [];
    await lifecycle.start(Promise.resolve('server'), async (thing) => void stopped.push(thing));
    await lifecycle.start(Promise.resolve('sandbox'), async (thing) => void stopped.push(thing));

    await lifecycle.stop();

    expect(stopped).toEqual(['sandbox', 'server']);
  });

  it('when stopped during a start, waits for that start, stops it too, and tells the caller Stopped', async () => {
    const lifecycle = new Lifecycle();
    const stopped: string[] = [];
    const sandbox = deferred<string>();
    const starting = lifecycle.start(sandbox.promise, async (thing) => void stopped.push(thing));

    const stopping = lifecycle.stop();
    sandbox.resolve('sandbox');

    await expect(starting).rejects.toBeInstanceOf(Stopped);
    await stopping;
    expect(stopped).toEqual(['sandbox']);
  });

  it('keeps stopping the rest when one part fails to stop', async () => {
    const lifecycle = new Lifecycle();
    const stopped: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await lifecycle.start(Promise.resolve('server'), async (thing) => void stopped.push(thing));
    await lifecycle.start(Promise.resolve('runtime'), () => Promise.reject(new Error('worker stuck')));

    await lifecycle.stop();

    expect(stopped).toEqual(['server']);
    expect(write).toHaveBeenCalledWith('While stopping: worker stuck\n');
    write.mockRestore();
  });

  it('stops once when interrupted, says the ending, exits with its code, and ignores later interruptions', async () => {
    const lifecycle = new Lifecycle();
    const stopped: string[] = [];
    const said: string[] = [];
    const exits: number[] = [];
    await lifecycle.start(Promise.resolve('sandbox'), async (thing) => void stopped.push(thing));
    const exited = new Promise<void>((resolve) => {
      lifecycle.interrupt(
        commandEnding(false)('SIGINT'),
        (text) => said.push(text),
        (code) => {
          exits.push(code);
          resolve();
        },
      );
    });
    lifecycle.interrupt(
      { line: 'closed\n', code: 141 },
      (text) => said.push(text),
      (code) => exits.push(code),
    );
    expect(lifecycle.interrupted).toBe(true);
    await exited;
    expect(stopped).toEqual(['sandbox']);
    expect(said).toEqual(['Ctrl-C: the query was interrupted.\n']);
    expect(exits).toEqual([130]);
  });

  it('exits as a shell reports a signal: 128 + its number', () => {
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => signalExitCode(signal as NodeJS.Signals))).toEqual(
      [130, 143, 129],
    );
  });
});

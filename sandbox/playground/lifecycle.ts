/**
 * Start-up and clean shutdown for `npm start` and `npm run query`: every part registers how to
 * stop it as it starts; Ctrl-C (SIGINT), SIGTERM, SIGHUP (the terminal closed) or a closed output
 * stop them in reverse order (server, runtime workers, sandbox child process), even when it arrives
 * half-way through start-up. A second signal exits at once.
 */

export class Stopped extends Error {
  override readonly name = 'Stopped';
  constructor() {
    super('Stopped while starting');
  }
}

export class Lifecycle {
  private readonly cleanups: Array<() => Promise<void>> = [];
  private readonly pending = new Set<Promise<void>>();
  private stopping: Promise<void> | null = null;
  private signals = 0;
  private interruption: Ending | null = null;

  get isStopping(): boolean {
    return this.stopping !== null;
  }

  /**
   * Waits for something to start and registers how to stop it. A shutdown that begins meanwhile
   * waits for the start to finish, then stops it too; the caller then gets Stopped.
   */
  async start<T>(starting: Promise<T>, stop: (thing: T) => Promise<void>): Promise<T> {
    const registered = starting.then((thing) => {
      this.cleanups.push(() => stop(thing));
      return thing;
    });
    const settled = registered.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    try {
      const thing = await registered;
      if (this.isStopping) throw new Stopped();
      return thing;
    } finally {
      this.pending.delete(settled);
    }
  }

  /** Stops everything registered, newest first, after any start in progress; safe to call again. */
  stop(): Promise<void> {
    const previous = this.stopping ?? Promise.resolve();
    this.stopping = previous.then(async () => {
      await Promise.all([...this.pending]);
      for (const cleanup of this.cleanups.splice(0).reverse()) {
        try {
          await cleanup();
        } catch (error) {
          process.stderr.write(`While stopping: ${error instanceof Error ? error.message : String(error)}\n`);
        }
      }
    });
    return this.stopping;
  }

  /** True once a signal or a closed output began the shutdown: that path ends the process. */
  get interrupted(): boolean {
    return this.interruption !== null;
  }

  /**
   * Ctrl-C, SIGTERM and SIGHUP stop everything, then `exit` with the ending's code; a second signal
   * exits at once. `write` prints the ending's lines (it must not be muted by `interrupted`).
   */
  handleSignals(write: (text: string) => void, exit: (code: number) => void, ending = serverEnding): void {
    const onSignal = (signal: NodeJS.Signals): void => {
      this.signals += 1;
      if (this.signals > 1) return exit(signalExitCode(signal));
      this.interrupt(ending(signal), write, exit);
    };
    for (const signal of HANDLED_SIGNALS) process.on(signal, onSignal);
  }

  /** Stops everything, says the ending's lines and exits with its code; ignored once under way. */
  interrupt(ending: Ending, write: (text: string) => void, exit: (code: number) => void): void {
    if (this.interruption) return;
    this.interruption = ending;
    if (ending.line) write(ending.line);
    void this.stop().then(() => {
      if (ending.after) write(ending.after);
      exit(ending.code);
    });
  }
}

/** What the process says and its exit code when interrupted. */
export interface Ending {
  /** Said at once (may be empty). */
  readonly line: string;
  /** Said once everything stopped. */
  readonly after?: string;
  readonly code: number;
}

const HANDLED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SIGNAL_NUMBERS: Readonly<Record<string, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** 128 + the signal's number, as a shell reports a command a signal ended: 130 for Ctrl-C. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (SIGNAL_NUMBERS[signal] ?? 0);
}

function signalName(signal: NodeJS.Signals): string {
  return signal === 'SIGINT' ? 'Ctrl-C' : signal;
}

/** A server (npm start) is stopped this way on purpose: it says so and ends normally. */
function serverEnding(signal: NodeJS.Signals): Ending {
  return { line: `\n${signalName(signal)}: stopping…\n`, after: 'Stopped.\n', code: 0 };
}

/**
 * A command (npm run query) that a signal cut short: one line, and the shell's code for it (130 for
 * Ctrl-C), so a script can tell an interrupted query from a finished one. `freshLine`: start on a
 * new line (a terminal may hold an unfinished progress line).
 */
export function commandEnding(freshLine: boolean): (signal: NodeJS.Signals) => Ending {
  return (signal) => ({
    line: `${freshLine ? '\n' : ''}${signalName(signal)}: the query was interrupted.\n`,
    code: signalExitCode(signal),
  });
}

/**
 * Start-up and clean shutdown for `npm start` and `npm run query`: every part registers how to
 * stop it as it starts; Ctrl-C (SIGINT) or SIGTERM stops them in reverse order (server, runtime
 * workers, sandbox child process), even when it arrives half-way through start-up. A second
 * Ctrl-C exits at once.
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

  /** Ctrl-C and SIGTERM stop everything, then `exit(code)`; a second signal exits at once. */
  handleSignals(say: (text: string) => void, exit: (code: number) => void): void {
    const onSignal = (signal: NodeJS.Signals): void => {
      this.signals += 1;
      if (this.signals > 1) return exit(130);
      say(`\n${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping…\n`);
      void this.stop().then(() => {
        say('Stopped.\n');
        exit(0);
      });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
}

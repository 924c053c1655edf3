/**
 * When virtual time moves. On a virtual clock the runtime is a discrete-event simulation: the
 * sandbox answers in zero virtual time and computing costs none, so time only passes while every
 * running execution waits for it to pass (asleep in Utilities.sleep, or blocked on a lock until its
 * timeout). Then the clock jumps to the earliest wake-up: a sleep's end, a lock wait's timeout, or
 * an execution's time limit. An execution that is starting, computing, or waiting for an answer
 * (HTTP, stores) holds time still; one waiting for a free worker thread neither holds nor waits.
 *
 * The host cannot see every wait (a server that answers only once virtual time has moved, a script
 * spinning in a loop): after `quietMs` of real time without any event, time moves anyway.
 *
 * On the real clock nothing is decided here: sleeps are real and the participants' reports ignored.
 */
import type { HostClock } from './clock';

export const DEFAULT_QUIET_MS = 20_000;

/** One execution, from its run() call to its end, as far as time is concerned. */
export interface TimeParticipant {
  /** Starting, computing, or waiting for an answer that takes no virtual time: time stands still. */
  hold(): void;
  /** Waiting for a worker thread: it neither holds time nor waits for it. */
  stepAside(): void;
  /** Blocked until virtual time reaches `until` (a lock wait's timeout), unless released sooner. */
  waitUntil(until: number): void;
  /** The execution's time limit on the virtual clock: time stops there, so the limit is exact. */
  limitAt(deadline: number): void;
  /** Utilities.sleep: settles once `ms` have passed on this clock. */
  sleep(ms: number): Promise<void>;
  /** Any sign of life (a log line): resets the quiet timer. */
  touch(): void;
  leave(): void;
}

export interface TimeKeeper {
  join(): TimeParticipant;
  close(): void;
}

export function createTimeKeeper(clock: HostClock, quietMs = DEFAULT_QUIET_MS): TimeKeeper {
  return clock.virtual ? new VirtualTimeKeeper(clock, quietMs) : REAL_TIME;
}

const realParticipant: TimeParticipant = {
  hold: () => undefined,
  stepAside: () => undefined,
  waitUntil: () => undefined,
  limitAt: () => undefined,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  touch: () => undefined,
  leave: () => undefined,
};

const REAL_TIME: TimeKeeper = { join: () => realParticipant, close: () => undefined };

type Phase =
  | { readonly kind: 'holding' }
  | { readonly kind: 'aside' }
  | { readonly kind: 'waiting'; readonly until: number; readonly wake?: Wake };

interface Wake {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

class VirtualParticipant implements TimeParticipant {
  phase: Phase = { kind: 'holding' };
  deadline = Infinity;

  constructor(
    private readonly keeper: VirtualTimeKeeper,
    private readonly clock: HostClock,
  ) {}

  hold(): void {
    this.become({ kind: 'holding' });
  }

  stepAside(): void {
    this.become({ kind: 'aside' });
  }

  waitUntil(until: number): void {
    this.become({ kind: 'waiting', until });
  }

  limitAt(deadline: number): void {
    this.deadline = deadline;
    this.keeper.changed();
  }

  sleep(ms: number): Promise<void> {
    const until = this.clock.now() + ms;
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) =>
      this.become({ kind: 'waiting', until, wake: { resolve, reject } }),
    );
  }

  touch(): void {
    this.keeper.changed();
  }

  leave(): void {
    this.phase = { kind: 'aside' };
    this.keeper.remove(this);
  }

  /** Virtual time moved: a sleep that has ended resumes (a lock wait is ended by the lock manager). */
  wakeIfDue(now: number): void {
    if (this.phase.kind !== 'waiting' || !this.phase.wake || this.phase.until > now) return;
    const { wake } = this.phase;
    this.hold();
    wake.resolve();
  }

  failSleep(error: Error): void {
    if (this.phase.kind !== 'waiting' || !this.phase.wake) return;
    const { wake } = this.phase;
    this.hold();
    wake.reject(error);
  }

  private become(phase: Phase): void {
    this.phase = phase;
    this.keeper.changed();
  }
}

class VirtualTimeKeeper implements TimeKeeper {
  private readonly participants = new Set<VirtualParticipant>();
  private advancing = false;
  private checkQueued = false;
  private closed = false;
  private lastEvent = Date.now();
  private valve: NodeJS.Timeout | null = null;

  constructor(
    private readonly clock: HostClock,
    private readonly quietMs: number,
  ) {
    clock.onAdvance(() => {
      const now = clock.now();
      for (const participant of [...this.participants]) participant.wakeIfDue(now);
    });
  }

  join(): TimeParticipant {
    const participant = new VirtualParticipant(this, this.clock);
    this.participants.add(participant);
    this.changed();
    return participant;
  }

  remove(participant: VirtualParticipant): void {
    this.participants.delete(participant);
    this.changed();
  }

  /** An event: decide again, once the current turn of the event loop is over. */
  changed(): void {
    this.lastEvent = Date.now();
    if (this.checkQueued || this.closed) return;
    this.checkQueued = true;
    setImmediate(() => {
      this.checkQueued = false;
      this.check();
    });
  }

  close(): void {
    this.closed = true;
    this.disarmValve();
  }

  private check(): void {
    if (this.advancing || this.closed) return;
    const { holding, target } = this.survey();
    if (target === null) return this.disarmValve();
    if (holding === 0) return void this.advance(target);
    this.armValve();
  }

  /**
   * How many participants hold time, and the earliest wake-up among those waiting (bounded by every
   * running execution's time limit), or null when nobody waits for time to pass.
   */
  private survey(): { holding: number; target: number | null } {
    const now = this.clock.now();
    let holding = 0;
    let wake = Infinity;
    let limit = Infinity;
    for (const { phase, deadline } of this.participants) {
      if (phase.kind === 'aside') continue;
      if (deadline > now) limit = Math.min(limit, deadline);
      // A wait whose moment has come is resuming (its answer is on the way): it holds time.
      if (phase.kind === 'holding' || phase.until <= now) holding += 1;
      else wake = Math.min(wake, phase.until);
    }
    return { holding, target: wake === Infinity ? null : Math.min(wake, limit) };
  }

  private async advance(target: number): Promise<void> {
    this.advancing = true;
    this.disarmValve();
    try {
      await this.clock.advanceTo(target);
      this.advancing = false;
      this.changed();
    } catch (error) {
      // The script sees the failure where it slept, as it did when each sleep called the sandbox;
      // lock waits try again after the quiet time instead of hammering a sandbox that is gone.
      this.advancing = false;
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const participant of [...this.participants]) participant.failSleep(failure);
      this.lastEvent = Date.now();
      this.armValve();
    }
  }

  /** The safety valve: after quietMs of real time without any event, time moves anyway. */
  private armValve(): void {
    if (this.valve || this.closed) return;
    const fire = (): void => {
      this.valve = null;
      if (this.advancing || this.closed) return;
      const quietFor = Date.now() - this.lastEvent;
      if (quietFor < this.quietMs)
        return void (this.valve = setTimeout(fire, this.quietMs - quietFor).unref());
      const { target } = this.survey();
      if (target !== null) void this.advance(target);
    };
    this.valve = setTimeout(fire, this.quietMs).unref();
  }

  private disarmValve(): void {
    if (this.valve) clearTimeout(this.valve);
    this.valve = null;
  }
}

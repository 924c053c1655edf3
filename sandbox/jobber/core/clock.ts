/**
 * The sandbox's sense of time. In `real` mode it is the wall clock; in `virtual` mode time stands
 * still until a client sleeps (POST /_sandbox/clock/sleep) or a test advances it, so throttle-bound
 * runs are fast and deterministic.
 */
export type ClockMode = 'real' | 'virtual';

export interface Clock {
  readonly mode: ClockMode;
  now(): number;
  /** Virtual mode: moves time to max(now, from + ms) and returns the new now. Real mode: returns now. */
  sleep(ms: number, from?: number): number;
  /** Virtual mode only: moves time forward by ms. */
  advance(ms: number): number;
}

export function createClock(mode: ClockMode, startMs: number = Date.now()): Clock {
  return mode === 'virtual' ? new VirtualClock(startMs) : new RealClock();
}

class RealClock implements Clock {
  readonly mode = 'real' as const;
  now(): number {
    return Date.now();
  }
  sleep(): number {
    return this.now();
  }
  advance(): number {
    throw new Error('The clock is real: only a virtual clock can be advanced (start with --clock virtual)');
  }
}

class VirtualClock implements Clock {
  readonly mode = 'virtual' as const;
  private current: number;
  constructor(startMs: number) {
    this.current = Math.floor(startMs);
  }
  now(): number {
    return this.current;
  }
  sleep(ms: number, from: number = this.current): number {
    this.current = Math.max(this.current, Math.floor(from + Math.max(0, ms)));
    return this.current;
  }
  advance(ms: number): number {
    if (!(ms >= 0)) throw new Error('The clock only moves forward');
    this.current += Math.floor(ms);
    return this.current;
  }
}

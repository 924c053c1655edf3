/** Deterministic coordination between a test and concurrent executions, without timing. */

/** Resolves every waiter once `size` have arrived; proves that many requests were in flight at once. */
export function barrier(size: number): { arrive(): Promise<void> } {
  const waiting: Array<() => void> = [];
  return {
    arrive: () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        if (waiting.length >= size) waiting.splice(0).forEach((release) => release());
      }),
  };
}

/** A door that stays shut until the test opens it; `reached` resolves when someone first waits at it. */
export function gate(): { wait(): Promise<void>; open(): void; reached: Promise<void> } {
  let open: () => void = () => undefined;
  let reach: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const reached = new Promise<void>((resolve) => (reach = resolve));
  return {
    wait: () => {
      reach();
      return opened;
    },
    open: () => open(),
    reached,
  };
}

export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

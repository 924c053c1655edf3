/**
 * Deterministic jitter: a sequence of numbers in [0, 1) from a seed text, so concurrent executions
 * (the charts of one dashboard) spread their retries differently while every execution's waits
 * can be replayed from its seed (tests pass their own).
 */

/** FNV-1a, 32 bits: a seed text to a number. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: small, fast and evenly spread; not for secrets. */
export function seededSequence(seed: string): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

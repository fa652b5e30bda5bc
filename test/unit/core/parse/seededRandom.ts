/**
 * Numbers in [0, 1) from a seed (mulberry32), for the parse tests and bench/fuzzParseTiers.ts. In
 * 32-bit integer arithmetic: the LCG `(seed * 1103515245 + 12345) % 2 ** 31` they used before
 * overflowed the exact range of doubles and lost its low bits, and seeds 1 to 7 all fell into the
 * same cycle of 10,466 numbers within 7,000 draws, so longer runs repeated each other's cases.
 * Kept here, beside the tests, so that the fuzzer can import it without src/core knowing of tests.
 */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

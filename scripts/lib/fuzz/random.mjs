// A small seeded PRNG, so every fuzz case is reproducible from (seed, case number).

/** mulberry32: a 32-bit PRNG, fast and good enough to pick mutations. */
function mulberry32(state) {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes the campaign seed and the case number into one PRNG state (murmur3's finalizer). */
function mix(seed, caseNumber) {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ caseNumber) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The random source of one case: the same (seed, case number) always draws
 * the same numbers, whatever ran before it.
 * @param {number} seed
 * @param {number} caseNumber
 */
export function caseRandom(seed, caseNumber) {
  const next = mulberry32(mix(seed, caseNumber));
  const random = {
    next,
    /** An integer in [0, n). */
    int: (n) => Math.floor(next() * n),
    /** True with probability p. */
    chance: (p) => next() < p,
    /** One element of a non-empty list. */
    pick: (list) => list[Math.floor(next() * list.length)],
  };
  return random;
}

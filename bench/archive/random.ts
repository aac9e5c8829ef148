// A small seeded generator, so the same seed gives the same archive on every
// machine (and a worker can make its share of the days without the others).

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  /** Any entry, each as likely. */
  any<T>(list: readonly T[]): T;
  /** An entry, early ones more often (a rough Zipf: word frequencies fall off down a list). */
  skewed<T>(list: readonly T[]): T;
  chance(probability: number): boolean;
}

/** mulberry32, seeded by a string (FNV-1a of it). */
export function randomFrom(seed: string): Random {
  let state = 2_166_136_261;
  for (let index = 0; index < seed.length; index += 1) state = Math.imul(state ^ seed.charCodeAt(index), 16_777_619);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    any: (list) => list[Math.floor(next() * list.length)]!,
    skewed: (list) => list[Math.floor(next() ** 2.2 * list.length)]!,
    chance: (probability) => next() < probability,
  };
}

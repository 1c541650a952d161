// A small seeded pseudo-random generator (mulberry32 over a 32-bit state, seeded from the text of the seed with
// FNV-1a and murmur3's finaliser): the same seed gives the same simulation, on any machine. Not for anything secret.

export interface Random {
  /** A number in [0, 1). */
  readonly next: () => number
  /** A whole number in [min, max]. */
  readonly int: (min: number, max: number) => number
  /** A number in [min, max). */
  readonly between: (min: number, max: number) => number
  /** True with probability p. */
  readonly chance: (p: number) => boolean
  /** One element of a non-empty list. */
  readonly pick: <A>(items: ReadonlyArray<A>) => A
  /** One key of a table of weights (weights > 0). */
  readonly weighted: <K extends string>(weights: Readonly<Record<K, number>>) => K
  /** A generator of its own, derived from this one's seed and `label` (keeps streams independent). */
  readonly fork: (label: string) => Random
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  // murmur3's finaliser: seeds that differ in one character get unrelated states (FNV alone leaves them close,
  // and mulberry32's first outputs from close states are visibly correlated).
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return hash >>> 0
}

export function seededRandom(seed: string): Random {
  let state = fnv1a(seed)
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError("pick from an empty list")
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
    weighted: (weights) => {
      const entries = Object.entries(weights) as Array<[keyof typeof weights & string, number]>
      const total = entries.reduce((sum, [, w]) => sum + w, 0)
      let roll = next() * total
      for (const [key, w] of entries) {
        roll -= w
        if (roll < 0) return key
      }
      return (entries[entries.length - 1] as [keyof typeof weights & string, number])[0]
    },
    fork: (label) => seededRandom(`${seed}/${label}`),
  }
  return random
}

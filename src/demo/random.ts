/** A small seeded PRNG (mulberry32): the demo must give the same bytes for the same seed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An independent stream for one key (a SKU, a file), so adding a listing does not reshuffle the others. */
  static stream(seed: number, key: string): Random {
    return new Random(hashString(`${seed}:${key}`));
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Multiplicative noise around 1 (log-normal-ish, bounded). */
  noise(spread: number): number {
    return Math.exp((this.next() + this.next() + this.next() - 1.5) * spread);
  }

  /** Poisson count; normal approximation above 30 keeps it fast. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) {
      const z = (this.next() + this.next() + this.next() + this.next() - 2) * Math.sqrt(3);
      return Math.max(0, Math.round(mean + z * Math.sqrt(mean)));
    }
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k += 1;
      p *= this.next();
    }
    return k;
  }

  /** Each of n trials succeeds with probability p. */
  binomial(n: number, p: number): number {
    if (n > 60) return Math.min(n, this.poisson(n * p));
    let k = 0;
    for (let i = 0; i < n; i += 1) if (this.next() < p) k += 1;
    return k;
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i += 1) s += String(this.int(0, 9));
    return s;
  }

  chars(n: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'): string {
    let s = '';
    for (let i = 0; i < n; i += 1) s += alphabet[this.int(0, alphabet.length - 1)] ?? 'X';
    return s;
  }
}

/** FNV-1a, 32 bits. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A ratio of two counts: null when either is unknown or the base is 0 (zero-safe, never 0 for "no data"). */
export function ratio(count: number | null | undefined, base: number | null | undefined): number | null {
  if (count == null || base == null || base === 0) return null;
  return count / base;
}

/** Rates leave the analysis layer as fractions with 4 decimals (0.1019 is 10.19%), as the CLI prints them. */
export function round4(rate: number): number;
export function round4(rate: number | null): number | null;
export function round4(rate: number | null): number | null {
  if (rate === null) return null;
  return Math.round(rate * 1e4 + (rate >= 0 ? 1e-9 : -1e-9)) / 1e4;
}

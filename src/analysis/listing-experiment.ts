/**
 * Listing experiments (issue 21, Manage Your Experiments): is version B's conversion different from A's, and did an
 * event (coupon, price change, stock-out) fall inside the test window? The two-proportion z-test with a pooled
 * proportion, as Illowsky & Dean, Introductory Statistics (OpenStax), "Comparing Two Independent Population
 * Proportions" (http://cnx.org/content/m17043/latest/) works it: z = (p̂A − p̂B) ÷ √(p̂c (1 − p̂c) (1/nA + 1/nB)),
 * p̂c = (xA + xB) ÷ (nA + nB), two-tailed p = 2 (1 − Φ(|z|)). No public layout of the MYE results download was found,
 * so there is no importer: the counts come from the caller (the page or an API user).
 */
export interface Proportions {
  /** conversions (orders or units) and the trials they came from (sessions or page views), per version */
  a: { successes: number; trials: number };
  b: { successes: number; trials: number };
}

export interface ZTest {
  p_a: number;
  p_b: number;
  pooled: number;
  z: number;
  /** two-tailed */
  p_value: number;
  significant: boolean;
}

/** Null when either version has no trials, or the pooled proportion is 0 or 1 (no variance to test against). */
export function twoProportionZTest(x: Proportions, alpha = 0.05): ZTest | null {
  const { a, b } = x;
  if (a.trials <= 0 || b.trials <= 0) return null;
  const pa = a.successes / a.trials;
  const pb = b.successes / b.trials;
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const variance = pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials);
  if (variance <= 0) return null;
  const z = (pa - pb) / Math.sqrt(variance);
  const pValue = 2 * (1 - normalCdf(Math.abs(z)));
  return { p_a: pa, p_b: pb, pooled, z, p_value: pValue, significant: pValue < alpha };
}

/** Φ(x) through erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7: four decimals of a p-value are exact). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export interface DatedEvent {
  date: string;
  kind: string;
  note?: string | null;
}

/** The events inside the test window [from, to]: each makes the result doubtful (both versions saw it, but unevenly over time). */
export function overlappingEvents(window: { from: string; to: string }, events: readonly DatedEvent[], kinds: readonly string[] = ['coupon', 'price_change', 'stockout', 'promotion']): DatedEvent[] {
  return events.filter((e) => e.date >= window.from && e.date <= window.to && kinds.includes(e.kind));
}

import { round4 } from './ratio.ts';

/**
 * Each KPI counts in a scorecard with its attainment held between these bounds, so one
 * over-achieved KPI cannot hide a missed one (a common 120% cap) and a loss cannot go below 0.
 */
export const scoreBounds = { floor: 0, cap: 1.2 } as const;

export interface ScoredKpi {
  owner: string | null;
  role: string | null;
  weight: number | null;
  attainment: number | null;
}

export interface Scorecard {
  /** the person (owner) or the role */
  name: string;
  /** Σ weight × bounded attainment ÷ Σ weight, over the KPIs with data; null when none has data */
  score: number | null;
  kpis: number;
  /** KPIs with no data: left out of the score, named so the gap is seen */
  no_data: number;
  /** the share of the weight the score stands on (1 when every KPI has data) */
  coverage: number;
}

/**
 * Missing weights are equal: with no weights at all every KPI weighs 1; where only some are
 * given, a missing one weighs the mean of the given ones (an "average" KPI).
 */
export function weightsOf(weights: readonly (number | null)[]): number[] {
  const given = weights.filter((w): w is number => w !== null && Number.isFinite(w) && w >= 0);
  const fill = given.length ? given.reduce((a, b) => a + b, 0) / given.length : 1;
  return weights.map((w) => (w !== null && Number.isFinite(w) && w >= 0 ? w : fill));
}

export function scorecard(name: string, kpis: readonly ScoredKpi[], bounds = scoreBounds): Scorecard {
  const weights = weightsOf(kpis.map((k) => k.weight));
  let total = 0, covered = 0, sum = 0, noData = 0;
  kpis.forEach((k, i) => {
    const w = weights[i] ?? 0;
    total += w;
    if (k.attainment === null) { noData += 1; return; }
    covered += w;
    sum += w * Math.min(bounds.cap, Math.max(bounds.floor, k.attainment));
  });
  return {
    name,
    score: covered > 0 ? round4(sum / covered) : null,
    kpis: kpis.length,
    no_data: noData,
    coverage: total > 0 ? round4(covered / total) : 0,
  };
}

/** One scorecard per person (owner) and one per role, over the KPIs that name them. */
export function scorecards(kpis: readonly ScoredKpi[], bounds = scoreBounds): { people: Scorecard[]; roles: Scorecard[] } {
  const by = (key: 'owner' | 'role') => {
    const groups = new Map<string, ScoredKpi[]>();
    for (const k of kpis) {
      const name = k[key];
      if (name) groups.set(name, [...(groups.get(name) ?? []), k]);
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, group]) => scorecard(name, group, bounds));
  };
  return { people: by('owner'), roles: by('role') };
}

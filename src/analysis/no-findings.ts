import { firstMonthStages } from './diagnose.ts';
import type { FunnelRow } from './funnel.ts';

/**
 * Why a diagnosis found nothing (issue 15: an empty answer says why), from the funnels it judged:
 * - `no_funnels`: no funnel in the scope and period (the app says whether the data lies elsewhere);
 * - `first_30_days`: the only low stages are in listings' first 30 days, beyond click and cart;
 * - `too_little_data`: no stage could be judged: counts unknown (no search funnel or ads report) or no
 *   volume to give a rate (no impressions, no clicks);
 * - `within_benchmark`: every stage judged is within or above its benchmark.
 */
export type NoFindingsReason = 'no_funnels' | 'first_30_days' | 'too_little_data' | 'within_benchmark';

export interface NoFindings {
  reason: NoFindingsReason;
  funnels: number;
  /** stages judged against a benchmark (low, ok or high) */
  stages_judged: number;
  /** of those, low stages not diagnosed in a listing's first 30 days */
  stages_first_30_days: number;
  /** stages left unknown: no count, or a rate over nothing */
  stages_unknown: number;
}

export function whyNoFindings(rows: readonly FunnelRow[]): NoFindings {
  let judged = 0;
  let early = 0;
  let unknown = 0;
  for (const row of rows) {
    for (const stage of row.stages) {
      if (stage.status === 'unknown') { unknown++; continue; }
      if (!stage.benchmark) continue;
      judged++;
      if (stage.status === 'low' && row.first_30_days && !firstMonthStages.includes(stage.stage)) early++;
    }
  }
  const counts = { funnels: rows.length, stages_judged: judged, stages_first_30_days: early, stages_unknown: unknown };
  if (rows.length === 0) return { reason: 'no_funnels', ...counts };
  if (early > 0) return { reason: 'first_30_days', ...counts };
  if (judged === 0) return { reason: 'too_little_data', ...counts };
  return { reason: 'within_benchmark', ...counts };
}

import { problemOf, type Problem } from '../domain/errors.ts';
import { fxStaleDays, staleFxRates, type StaleRate, type StaleScope } from '../store/fx-rates.ts';
import type { Database } from '../store/database.ts';

/**
 * `fx_stale` (issue 15.8): an amount converted with a rate more than 31 days older than its day is
 * answered, but never without a word: the problem names each stale rate's date and the days it served.
 */
export function fxStaleProblem(stale: readonly StaleRate[]): Problem | undefined {
  if (!stale.length) return undefined;
  const shown = stale.slice(0, 3);
  const more = stale.length > shown.length ? `, … (+${stale.length - shown.length})` : '';
  const en = shown.map((s) => `${s.base}→${s.quote} of ${s.rate_date} (used ${s.first_day} – ${s.last_day})`).join(', ') + more;
  const zh = shown.map((s) => `${s.base}→${s.quote} ${s.rate_date} 的汇率（用于 ${s.first_day} – ${s.last_day}）`).join('，') + more;
  return problemOf({
    en: `converted with FX rates older than ${fxStaleDays} days: ${en}; add current rates to the FX table (asterism fx set)`,
    zh: `折算使用了超过 ${fxStaleDays} 天的汇率：${zh}；请在汇率表中添加当期汇率（asterism fx set）`,
  }, { code: 'fx_stale', severity: 'warning' });
}

/** The `fx_stale` problem of a period's conversions, if any. */
export async function fxStaleCheck(db: Database, scope: StaleScope): Promise<Problem | undefined> {
  return fxStaleProblem(await staleFxRates(db, scope));
}

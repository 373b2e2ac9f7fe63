import type { Text } from '../analysis/index.ts';
import { parsePeriod, periodBefore, type KpiPeriod } from '../domain/kpi-periods.ts';
import { dataSpan } from '../store/data-span.ts';
import type { Database } from '../store/database.ts';

/** A period picked for a question asked without one, and the sentence that says so. */
export interface PeriodChoice {
  period: KpiPeriod;
  note: Text;
}

const monthOf = (day: string): KpiPeriod => parsePeriod(day.slice(0, 7));

/**
 * The month a question without `--period` answers: the latest month that has ended everywhere and
 * holds data (a month still running is partial); among those, the latest one the targets file names,
 * when it names any. Only when no month with data has ended, the running month, said so.
 */
export async function defaultMonth(db: Database, today: string, targetMonths: readonly string[] = []): Promise<PeriodChoice> {
  const span = await dataSpan(db);
  if (!span) {
    const now = monthOf(today);
    return { period: now, note: { zh: `未指定期间：尚未导入数据，显示本月 ${now.label}`, en: `No period given: no data imported yet, so this month, ${now.label}` } };
  }
  const latest = monthOf(span.last);
  const complete = latest.to < today ? latest : periodBefore(latest);
  if (complete.to < span.first) {
    return {
      period: latest,
      note: { zh: `未指定期间：没有已结束且有数据的月份，显示进行中的 ${latest.label}（数据截至 ${span.last}）`, en: `No period given: no month with data has ended, so ${latest.label}, still running (data through ${span.last})` },
    };
  }
  const targeted = targetMonths.filter((m) => m <= complete.label && parsePeriod(m).to >= span.first).sort().at(-1);
  if (targeted && targeted !== complete.label) {
    return {
      period: parsePeriod(targeted),
      note: { zh: `未指定期间：有目标且有数据的最近一个完整月份 ${targeted}（数据截至 ${span.last}）`, en: `No period given: ${targeted}, the latest complete month with data and targets (data through ${span.last})` },
    };
  }
  return {
    period: complete,
    note: { zh: `未指定期间：有数据的最近一个完整月份 ${complete.label}（数据截至 ${span.last}）`, en: `No period given: ${complete.label}, the latest complete month with data (data through ${span.last})` },
  };
}

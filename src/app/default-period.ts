import type { Text } from '../analysis/index.ts';
import { addDays, weekStartOf } from '../domain/calendar.ts';
import { parsePeriod, periodBefore, type KpiPeriod } from '../domain/kpi-periods.ts';
import type { ReportKind } from '../report/report-data.ts';
import { defaultPeriodText } from '../report/report-periods.ts';
import { dataSpan } from '../store/data-span.ts';
import { latestBusinessReportRange, type CoverageScope } from '../store/source-coverage.ts';
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

/** A review period picked for a document asked without one: the `--period` text, and the sentence that says why. */
export interface ReviewPeriodChoice {
  text: string;
  note: Text;
}

/**
 * The review's default period. Weekly: where the latest Business Report rows are an Amazon week (Sunday
 * to Saturday), that week, so sessions and conversion have their report; else the latest complete ISO
 * week (Monday to Sunday). Monthly: the latest complete month with data; daily: the latest day with data.
 */
export async function defaultReviewPeriod(db: Database, kind: ReportKind, lastDay: string, scope: CoverageScope): Promise<ReviewPeriodChoice> {
  if (kind === 'weekly') {
    const br = await latestBusinessReportRange(db, scope);
    if (br && addDays(br.from, 6) === br.to && weekStartOf(br.from) === br.from) {
      return {
        text: br.from,
        note: { zh: `未指定期间：业务报告按亚马逊周（周日至周六）提供，取有数据的最近一个完整周 ${br.from} ~ ${br.to}`, en: `No period given: the Business Reports come in Amazon weeks (Sunday to Saturday), so the latest whole week with data, ${br.from} – ${br.to}` },
      };
    }
    const text = defaultPeriodText(kind, lastDay);
    return { text, note: { zh: `未指定期间：有数据的最近一个完整 ISO 周（周一至周日）${text}（数据截至 ${lastDay}）`, en: `No period given: ${text}, the latest complete ISO week (Monday to Sunday) with data (data through ${lastDay})` } };
  }
  const text = defaultPeriodText(kind, lastDay);
  if (kind === 'monthly') return { text, note: { zh: `未指定期间：有数据的最近一个完整月份 ${text}（数据截至 ${lastDay}）`, en: `No period given: ${text}, the latest complete month with data (data through ${lastDay})` } };
  return { text, note: { zh: `未指定日期：有数据的最近一天 ${text}`, en: `No day given: ${text}, the latest day with data` } };
}

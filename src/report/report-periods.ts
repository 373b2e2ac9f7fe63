import { previousPeriod } from '../analysis/index.ts';
import { addDays, weekStartOf } from '../domain/calendar.ts';
import { AsterismError } from '../domain/errors.ts';
import { parseCalendarPeriod } from '../domain/kpi-periods.ts';
import { parseIsoDate } from '../domain/local-date.ts';
import type { ComparisonId, DateRange, ReportComparison, ReportKind } from './report-data.ts';

/** Which comparisons each document shows, in order (环比 first, then 同比). */
export const comparisonsOf: Record<ReportKind, readonly ComparisonId[]> = {
  daily: ['dod', 'wow', 'yoy'],
  weekly: ['wow', 'yoy'],
  monthly: ['mom', 'yoy'],
};

const examples: Record<ReportKind, string> = { daily: '2026-10-15', weekly: '2026-W42', monthly: '2026-10' };

/** The period text of a report: a day, an ISO week (Monday to Sunday) or a month. */
export function reportPeriod(kind: ReportKind, text: string): DateRange & { label: string } {
  if (kind === 'daily') {
    const day = parseIsoDate(text.trim(), '--period');
    return { label: day, from: day, to: day };
  }
  if (kind === 'weekly' && /^\d{4}-\d{2}-\d{2}$/.test(text.trim())) {
    // a day: the Amazon reporting week (Sunday to Saturday) holding it, as Business Reports and Brand Analytics count weeks
    const from = weekStartOf(parseIsoDate(text.trim(), '--period'));
    return { label: `${from}~${addDays(from, 6)}`, from, to: addDays(from, 6) };
  }
  const p = parseCalendarPeriod(text);
  const want = kind === 'weekly' ? 'week' : 'month';
  if (!p || p.kind !== want) throw new AsterismError('bad_request', `--period "${text}" is not a ${want} such as ${examples[kind]}${kind === 'weekly' ? ' (ISO, Monday to Sunday) or a day for its Sunday-to-Saturday week' : ''}`);
  return { label: p.label, from: p.from, to: p.to };
}

/** The default period: the last day with data (daily), else the last complete week or month ending on or before it. */
export function defaultPeriodText(kind: ReportKind, lastDay: string): string {
  if (kind === 'daily') return lastDay;
  if (kind === 'monthly') {
    const end = addDays(lastDay, 1).slice(0, 7) !== lastDay.slice(0, 7);
    const month = lastDay.slice(0, 7);
    if (end) return month;
    const [y = 0, m = 1] = month.split('-').map(Number);
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }
  // the ISO week (Monday to Sunday) ending on the last Sunday on or before the last day
  const weekday = (new Date(`${lastDay}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const sunday = weekday === 6 ? lastDay : addDays(lastDay, -(weekday + 1));
  return isoWeekLabel(sunday);
}

function isoWeekLabel(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The comparison periods: the day before, the same days 7 days, a month or a year earlier. */
export function comparisonPeriods(kind: ReportKind, period: DateRange): ReportComparison[] {
  return comparisonsOf[kind].map((id) => {
    if (id === 'dod') return { id, from: addDays(period.from, -1), to: addDays(period.to, -1) };
    // a week's year-ago is the same weekdays 52 weeks earlier, so Monday compares with Monday
    if (id === 'yoy' && kind !== 'monthly') return { id, from: addDays(period.from, -364), to: addDays(period.to, -364) };
    return { id, ...previousPeriod(period.from, period.to, id) };
  });
}

import { addDays } from './calendar.ts';
import { AsterismError } from './errors.ts';
import { parseIsoDate } from './local-date.ts';

/** Week over week, month over month, year over year (环比/同比). */
export type Comparison = 'wow' | 'mom' | 'yoy';

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The date `months` calendar months away, the day clamped to the month's length (Mar 31 → Feb 28).
 * `keepMonthEnd`: a month's last day maps to the other month's last day (Feb 28 → Jan 31), so a
 * whole month compares with the whole previous month.
 */
function shiftMonths(date: string, months: number, keepMonthEnd: boolean): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  const day = keepMonthEnd && d === daysInMonth(y, m) ? last : Math.min(d, last);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The period a WoW / MoM / YoY comparison looks back to: the same days 7 days, one calendar month or
 * one calendar year earlier. Dates are inclusive `YYYY-MM-DD`.
 */
export function previousPeriod(from: string, to: string, comparison: Comparison): { from: string; to: string } {
  parseIsoDate(from, 'from');
  parseIsoDate(to, 'to');
  if (from > to) throw new AsterismError('bad_date', `the period starts (${from}) after it ends (${to})`);
  if (comparison === 'wow') return { from: addDays(from, -7), to: addDays(to, -7) };
  const months = comparison === 'mom' ? -1 : -12;
  return { from: shiftMonths(from, months, false), to: shiftMonths(to, months, true) };
}

/** What a query compares with: WoW / MoM / YoY, or `previous`, the same number of days just before. */
export type CompareTo = Comparison | 'previous';
export const compareKinds: readonly CompareTo[] = ['wow', 'mom', 'yoy', 'previous'];

export function comparedPeriod(from: string, to: string, compare: CompareTo): { from: string; to: string } {
  if (compare !== 'previous') return previousPeriod(from, to, compare);
  parseIsoDate(from, 'from');
  parseIsoDate(to, 'to');
  if (from > to) throw new AsterismError('bad_date', `the period starts (${from}) after it ends (${to})`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

import { addDays, daysBetween } from './calendar.ts';
import { AsterismError } from './errors.ts';
import { parseIsoDate } from './local-date.ts';

/**
 * KPI periods (SPEC §5): `2026-09` (month), `2026-W38` (ISO week, Monday to Sunday), `2026-Q3`,
 * or a named special period (Prime Day, BFCM) the seller defines with its own dates.
 * Dates are inclusive marketplace-local days.
 */
export type PeriodKind = 'month' | 'week' | 'quarter' | 'special';

export interface KpiPeriod {
  /** canonical spelling: `2026-09`, `2026-W38`, `2026-Q3`, or the special period's name */
  label: string;
  kind: PeriodKind;
  from: string;
  to: string;
}

export interface SpecialPeriod {
  name: string;
  from: string;
  to: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The Monday of ISO week 1: the week holding January 4th. */
function isoWeekOneMonday(year: number): string {
  const jan4 = `${pad(year, 4)}-01-04`;
  const weekday = (new Date(`${jan4}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(jan4, -weekday);
}

export function isoWeeksInYear(year: number): number {
  return daysBetween(isoWeekOneMonday(year), isoWeekOneMonday(year + 1)) / 7;
}

function month(year: number, m: number): KpiPeriod {
  return { label: `${pad(year, 4)}-${pad(m)}`, kind: 'month', from: `${pad(year, 4)}-${pad(m)}-01`, to: `${pad(year, 4)}-${pad(m)}-${pad(lastDayOfMonth(year, m))}` };
}

function quarter(year: number, q: number): KpiPeriod {
  const first = (q - 1) * 3 + 1;
  return { label: `${pad(year, 4)}-Q${q}`, kind: 'quarter', from: month(year, first).from, to: month(year, first + 2).to };
}

function isoWeek(year: number, week: number): KpiPeriod {
  const from = addDays(isoWeekOneMonday(year), (week - 1) * 7);
  return { label: `${pad(year, 4)}-W${pad(week)}`, kind: 'week', from, to: addDays(from, 6) };
}

/** A calendar period from its text, or null when the text is not one (it may be a special period's name). */
export function parseCalendarPeriod(text: string): KpiPeriod | null {
  const t = text.trim().toUpperCase();
  let m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) {
    const mm = Number(m[2]);
    return mm >= 1 && mm <= 12 ? month(Number(m[1]), mm) : null;
  }
  m = /^(\d{4})-?W(\d{1,2})$/.exec(t);
  if (m) {
    const [year, week] = [Number(m[1]), Number(m[2])];
    return week >= 1 && week <= isoWeeksInYear(year) ? isoWeek(year, week) : null;
  }
  m = /^(\d{4})-?Q([1-4])$/.exec(t);
  return m ? quarter(Number(m[1]), Number(m[2])) : null;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A period's text → its dates; special periods are looked up by name (case-insensitive). */
export function parsePeriod(text: string, specials: readonly SpecialPeriod[] = []): KpiPeriod {
  const calendar = parseCalendarPeriod(text);
  if (calendar) return calendar;
  const special = specials.find((s) => sameName(s.name, text));
  if (special) return { label: special.name, kind: 'special', from: special.from, to: special.to };
  const known = specials.length ? `, or one of the special periods: ${specials.map((s) => s.name).join(', ')}` : '';
  throw new AsterismError('bad_request',
    `period "${text}" is not 2026-09 (month), 2026-W38 (ISO week), 2026-Q3 (quarter)${known}; define a special period with \`asterism kpi periods set\``);
}

/** Checks a special period before it is stored: a real date range, a name that is not a calendar period. */
export function checkSpecialPeriod(input: SpecialPeriod): SpecialPeriod {
  const name = input.name.trim();
  if (!name) throw new AsterismError('bad_request', 'a special period needs a name, e.g. "Prime Day 2026"');
  if (parseCalendarPeriod(name)) throw new AsterismError('bad_request', `"${name}" reads as a calendar period: give a special period another name`);
  const from = parseIsoDate(input.from, 'from');
  const to = parseIsoDate(input.to, 'to');
  if (from > to) throw new AsterismError('bad_date', `special period "${name}" starts (${from}) after it ends (${to})`);
  return { name, from, to };
}

export const daysIn = (p: { from: string; to: string }): number => daysBetween(p.from, p.to) + 1;

/** Days of the period up to and including `asOf` (0 before it starts, all of it after it ends). */
export function elapsedDays(p: { from: string; to: string }, asOf: string): number {
  if (asOf < p.from) return 0;
  if (asOf >= p.to) return daysIn(p);
  return daysBetween(p.from, asOf) + 1;
}

/** The share of the period elapsed on `asOf`, counting `asOf` itself: 0 … 1. */
export function elapsedShare(p: { from: string; to: string }, asOf: string): number {
  return elapsedDays(p, asOf) / daysIn(p);
}

function shiftYear(date: string, years: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const year = y + years;
  return `${pad(year, 4)}-${pad(m)}-${pad(Math.min(d, lastDayOfMonth(year, m)))}`;
}

/** "Prime Day 2026" → "Prime Day 2025": the special period of the year before, by name. */
function specialYearBefore(p: KpiPeriod, specials: readonly SpecialPeriod[]): KpiPeriod {
  const m = /^(.*?)(\d{4})(.*)$/.exec(p.label);
  const name = m ? `${m[1]}${Number(m[2]) - 1}${m[3]}` : null;
  const found = name ? specials.find((s) => sameName(s.name, name)) : undefined;
  if (found) return { label: found.name, kind: 'special', from: found.from, to: found.to };
  // not defined: the same dates a year earlier (special periods move, so defining last year's is better)
  return { label: `${p.label} (-1y)`, kind: 'special', from: shiftYear(p.from, -1), to: shiftYear(p.to, -1) };
}

/** The same period a year earlier: same month, quarter or ISO week number; last year's special period. */
export function periodYearBefore(p: KpiPeriod, specials: readonly SpecialPeriod[] = []): KpiPeriod {
  const year = Number(p.label.slice(0, 4));
  switch (p.kind) {
    case 'month': return month(year - 1, Number(p.label.slice(5)));
    case 'quarter': return quarter(year - 1, Number(p.label.slice(6)));
    case 'week': return isoWeek(year - 1, Math.min(Number(p.label.slice(6)), isoWeeksInYear(year - 1)));
    case 'special': return specialYearBefore(p, specials);
  }
}

/** The last comparable period: the month, week or quarter before; for a special period, last year's. */
export function periodBefore(p: KpiPeriod, specials: readonly SpecialPeriod[] = []): KpiPeriod {
  const year = Number(p.label.slice(0, 4));
  switch (p.kind) {
    case 'month': {
      const m = Number(p.label.slice(5));
      return m === 1 ? month(year - 1, 12) : month(year, m - 1);
    }
    case 'quarter': {
      const q = Number(p.label.slice(6));
      return q === 1 ? quarter(year - 1, 4) : quarter(year, q - 1);
    }
    case 'week': {
      const w = Number(p.label.slice(6));
      return w === 1 ? isoWeek(year - 1, isoWeeksInYear(year - 1)) : isoWeek(year, w - 1);
    }
    case 'special': return specialYearBefore(p, specials);
  }
}

/** 0 Sunday … 6 Saturday */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * Whether Brand Analytics (SCP, SQP, repeat purchase: Amazon weeks Sunday–Saturday, months,
 * quarters) can answer the whole period: a month or quarter, or Sunday-to-Saturday weeks. An ISO
 * week (Monday–Sunday) never can: it straddles two Amazon weeks.
 */
export function fitsAmazonWeeks(p: KpiPeriod): boolean {
  if (p.kind === 'month' || p.kind === 'quarter') return true;
  return weekday(p.from) === 0 && weekday(p.to) === 6;
}

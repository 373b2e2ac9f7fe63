import { AsterismError } from './errors.ts';
import { say } from './messages.ts';

/** Dates are marketplace-local calendar days written `YYYY-MM-DD`. */
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(text: string, what = 'date'): string {
  const m = isoDate.exec(text);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.toISOString().slice(0, 10) === text) return text;
  }
  throw new AsterismError('bad_date', say('bad_date_option', { what, value: text }));
}

/** The local calendar date of an instant in a time zone (e.g. an order's UTC timestamp in Pacific time). */
export function localDateOf(instant: Date, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** One formatter per zone: building one costs ~70 µs, and an import dates every row (a 1 GB file: millions). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

export function todayIn(timeZone: string): string {
  return localDateOf(new Date(), timeZone);
}

/** Calendar arithmetic on `YYYY-MM-DD` strings (marketplace-local days) and time-zone conversion. */
const DAY_MS = 86_400_000;

export function toEpochDay(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** 0 = Sunday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Brand Analytics and the demo's Business Report weeks run Sunday to Saturday. */
export function sundayOnOrBefore(date: string): string {
  return addDays(date, -weekday(date));
}

export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function lastDayOfMonth(month: string): string {
  return addDays(addMonths(`${month}-01`, 1), -1);
}

export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = toEpochDay(from); d <= toEpochDay(to); d += 1) out.push(fromEpochDay(d));
  return out;
}

/** Excel serial day number (1900 date system) of a date, as the ads console writes it. */
export function excelSerial(date: string): number {
  return toEpochDay(date) + 25569;
}

const partsCache = new Map<string, Intl.DateTimeFormat>();

/** A zone's UTC offset and short name within a quarter hour (zones change offset on the hour or half hour),
 * so each instant's parts come from arithmetic rather than from Intl (once per transaction, a third of the demo's writing). */
const quarterHourMs = 15 * 60 * 1000;
const zoneAt = new Map<string, { offsetMs: number; name: string }>();
const pad2 = (n: number) => String(n).padStart(2, '0');

function zoneParts(instantMs: number, timeZone: string): Record<string, string> {
  const slot = Math.floor(instantMs / quarterHourMs) * quarterHourMs;
  const key = `${timeZone}|${slot}`;
  let zone = zoneAt.get(key);
  if (!zone) {
    const p = intlParts(slot, timeZone);
    zone = { offsetMs: Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - slot, name: p.timeZoneName ?? '' };
    zoneAt.set(key, zone);
  }
  const local = new Date(instantMs + zone.offsetMs);
  return {
    year: String(local.getUTCFullYear()), month: pad2(local.getUTCMonth() + 1), day: pad2(local.getUTCDate()),
    hour: pad2(local.getUTCHours()), minute: pad2(local.getUTCMinutes()), second: pad2(local.getUTCSeconds()), timeZoneName: zone.name,
  };
}

function intlParts(instantMs: number, timeZone: string): Record<string, string> {
  let fmt = partsCache.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short',
    });
    partsCache.set(timeZone, fmt);
  }
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(new Date(instantMs))) out[p.type] = p.value;
  return out;
}

function offsetMs(instantMs: number, timeZone: string): number {
  const p = zoneParts(instantMs, timeZone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The UTC instant (ms) of a local wall-clock time in a zone. */
const offsetCache = new Map<string, number>();

export function localToUtcMs(date: string, secondOfDay: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + secondOfDay * 1000;
  // DST switches in the small hours, so one lookup per zone and date (per hour before 4 am) is enough.
  const hour = Math.floor(secondOfDay / 3600);
  const key = `${timeZone}|${date}|${hour < 4 ? hour : 'day'}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = offsetMs(wall - offsetMs(wall, timeZone), timeZone);
    offsetCache.set(key, offset);
  }
  return wall - offset;
}

/** `2019-12-10T06:27:41+00:00`, the All Orders / returns timestamp form. */
export function isoUtc(instantMs: number): string {
  return `${new Date(instantMs).toISOString().slice(0, 19)}+00:00`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Feb 1, 2020 12:24:25 AM PST`, the payments date-range report form (Pacific time). */
export function paymentsDateTime(instantMs: number): string {
  const p = zoneParts(instantMs, 'America/Los_Angeles');
  const hour = Number(p.hour);
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const month = MONTHS[Number(p.month) - 1] ?? 'Jan';
  return `${month} ${Number(p.day)}, ${p.year} ${h12}:${p.minute}:${p.second} ${hour < 12 ? 'AM' : 'PM'} ${p.timeZoneName}`;
}

export function localDateOfMs(instantMs: number, timeZone: string): string {
  const p = zoneParts(instantMs, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

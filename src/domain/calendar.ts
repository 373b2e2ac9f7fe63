/** Day arithmetic on `YYYY-MM-DD` calendar dates (no time zone: they are already local days). */

const dayMs = 86_400_000;
const toMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromMs(toMs(date) + days * dayMs);
}

/** Whole days from `from` to `to` (1 for consecutive days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / dayMs);
}

/** The Sunday that starts the Amazon reporting week (Sunday to Saturday) holding `date`. */
export function weekStartOf(date: string): string {
  return addDays(date, -new Date(toMs(date)).getUTCDay());
}

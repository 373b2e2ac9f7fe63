import { checkSpecialPeriod, type SpecialPeriod } from '../domain/kpi-periods.ts';
import type { Database } from './database.ts';

/** Special KPI periods (Prime Day, BFCM): the seller's own dates, one row per name (names match in any case). */
export interface SpecialPeriodRecord extends SpecialPeriod {
  note: string | null;
}

/** Inserts the period, or replaces the one with the same name (in any case). */
export async function setSpecialPeriod(db: Database, input: SpecialPeriod & { note?: string | null | undefined }): Promise<SpecialPeriodRecord> {
  const period = checkSpecialPeriod(input);
  const note = input.note?.trim() || null;
  await db.transaction(async () => {
    await db.run('DELETE FROM special_periods WHERE lower(name) = lower($1)', [period.name]);
    await db.run('INSERT INTO special_periods (name, date_from, date_to, note) VALUES ($1, $2::DATE, $3::DATE, $4)', [period.name, period.from, period.to, note]);
  });
  return { ...period, note };
}

export async function listSpecialPeriods(db: Database): Promise<SpecialPeriodRecord[]> {
  const rows = await db.all(
    'SELECT name, CAST(date_from AS VARCHAR) AS date_from, CAST(date_to AS VARCHAR) AS date_to, note FROM special_periods ORDER BY date_from, name',
  );
  return rows.map((r) => ({ name: String(r.name), from: String(r.date_from), to: String(r.date_to), note: r.note === null ? null : String(r.note) }));
}

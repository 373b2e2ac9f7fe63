import { say, type Texts } from '../domain/messages.ts';
import { AsterismError } from '../domain/errors.ts';
import { parseIsoDate } from '../domain/local-date.ts';
import type { Database } from './database.ts';

/** The dated FX table the user edits: 1 base = rate quote from `date` until the next rate. */
export interface FxRate {
  date: string;
  base: string;
  quote: string;
  rate: string;
}

export async function setFxRates(db: Database, rates: readonly FxRate[]): Promise<void> {
  const checked = rates.map(checkRate);
  await db.transaction(async () => {
    for (const r of checked) {
      await db.run(
        `INSERT INTO fx_rates (date, base, quote, rate) VALUES ($1::DATE, $2, $3, $4::DECIMAL(18,8))
         ON CONFLICT (date, base, quote) DO UPDATE SET rate = excluded.rate`,
        [r.date, r.base, r.quote, r.rate],
      );
    }
  });
}

export async function listFxRates(db: Database): Promise<FxRate[]> {
  const rows = await db.all('SELECT CAST(date AS VARCHAR) AS date, base, quote, CAST(rate AS VARCHAR) AS rate FROM fx_rates ORDER BY base, quote, date');
  return rows.map((r) => ({ date: String(r.date), base: String(r.base), quote: String(r.quote), rate: String(r.rate).replace(/\.?0+$/, '') }));
}

function checkRate(r: FxRate): FxRate {
  const currency = (c: string, what: Texts) => {
    if (!/^[A-Za-z]{3}$/.test(c)) throw new AsterismError('bad_currency', say('field_not_currency', { field: what, value: c }));
    return c.toUpperCase();
  };
  if (!/^\d+(\.\d{1,8})?$/.test(r.rate) || Number(r.rate) <= 0) {
    throw new AsterismError('bad_request', say('bad_fx_rate', { value: r.rate }));
  }
  const base = currency(r.base, { en: 'base currency', zh: '基准币种' });
  const quote = currency(r.quote, { en: 'quote currency', zh: '报价币种' });
  if (base === quote) throw new AsterismError('bad_request', say('fx_same_currency', { value: base }));
  return { date: parseIsoDate(r.date, 'FX date'), base, quote, rate: r.rate };
}

/** A rate older than this many days on the day it converts is stale (issue 15.8): rates move, a seller updates them monthly. */
export const fxStaleDays = 31;

/** Where the rate in force is stale: converting `base` into `quote` on the days `first_day`…`last_day`
 * uses the rate of `rate_date`, more than 31 days before them. */
export interface StaleRate {
  base: string;
  quote: string;
  rate_date: string;
  first_day: string;
  last_day: string;
}

export interface StaleScope {
  /** the days converted (without `to`: up to the last day with a rate's successor, else today) */
  from?: string | undefined;
  to?: string | undefined;
  /** only these source currencies / these target currencies (every one when left out) */
  bases?: readonly string[] | undefined;
  quotes?: readonly string[] | undefined;
}

/** The stale stretches of the FX table (both directions) over a period: for each rate, the days from
 * its 32nd day until the next rate of the pair, cut to the period. */
export async function staleFxRates(db: Database, scope: StaleScope): Promise<StaleRate[]> {
  const params: (string | number)[] = [fxStaleDays];
  const add = (v: string) => `$${params.push(v)}`;
  const list = (column: string, values: readonly string[] | undefined) =>
    values === undefined ? 'TRUE' : values.length ? `${column} IN (${values.map(add).join(', ')})` : 'FALSE';
  const from = scope.from ? `${add(scope.from)}::DATE` : 'NULL::DATE';
  const to = scope.to ? `${add(scope.to)}::DATE` : 'current_date';
  const rows = await db.all(
    `WITH pairs AS (
       SELECT base, quote, date, lead(date) OVER (PARTITION BY base, quote ORDER BY date) AS next FROM fx_pairs
       WHERE ${list('base', scope.bases)} AND ${list('quote', scope.quotes)} AND base <> quote),
     spans AS (
       SELECT base, quote, date, greatest(CAST(date + INTERVAL ($1) DAY AS DATE) + 1, coalesce(${from}, DATE '0001-01-01')) AS first,
              least(coalesce(CAST(next - 1 AS DATE), ${to}), ${to}) AS last FROM pairs)
     SELECT base, quote, CAST(date AS VARCHAR) AS rate_date, CAST(first AS VARCHAR) AS first_day, CAST(last AS VARCHAR) AS last_day
     FROM spans WHERE first <= last ORDER BY base, quote, date`,
    params,
  );
  return rows.map((r) => ({ base: String(r.base), quote: String(r.quote), rate_date: String(r.rate_date), first_day: String(r.first_day), last_day: String(r.last_day) }));
}

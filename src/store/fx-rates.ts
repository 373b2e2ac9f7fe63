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
  const currency = (c: string, what: string) => {
    if (!/^[A-Za-z]{3}$/.test(c)) throw new AsterismError('bad_currency', `${what} "${c}" is not an ISO currency code such as USD, CNY, EUR`);
    return c.toUpperCase();
  };
  if (!/^\d+(\.\d{1,8})?$/.test(r.rate) || Number(r.rate) <= 0) {
    throw new AsterismError('bad_request', `FX rate "${r.rate}" is not a positive number with at most 8 decimals, e.g. 7.1234`);
  }
  const base = currency(r.base, 'base currency');
  const quote = currency(r.quote, 'quote currency');
  if (base === quote) throw new AsterismError('bad_request', `an FX rate converts between two currencies, not ${base} into itself`);
  return { date: parseIsoDate(r.date, 'FX date'), base, quote, rate: r.rate };
}

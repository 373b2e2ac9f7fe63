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

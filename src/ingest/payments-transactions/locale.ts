import { storedType } from '../../domain/transaction-types.ts';
import type { DecimalSeparator } from '../values/decimal-text.ts';
import { normalizeHeader } from '../header.ts';
import type { LocaleDateShape } from './posted-time.ts';

/**
 * What the UI language of a transaction file changes besides the header: the decimal mark and the
 * date shapes only that language writes. Keyed by the spelling of the date column, the one header
 * every language renames. The `type` values of every language are one table in
 * src/domain/transaction-types.ts. Sources (find_string ids, README "Localized headers"): decimal
 * comma for de/fr/it/es 60345167902 and the real de line in 32346328953 (`"-9,99"`, `"1,20"`); pt-BR
 * `"75,97"`, `"-1.076,13"` 51825627281; es-MX read with the es-MX culture (decimal point) 27428931061;
 * nl, sv, pl, tr with a decimal comma 67284277152 (`-19 353,69`: every EU file but the UK one).
 * Day-first slashed dates (`06/12/2019 06:20:47 PST`) only where a source shows them: es 29703855872,
 * 27225543384; mx 27225543384 (6 December); fr stays without (none found).
 */
interface TransactionLocale {
  decimal: DecimalSeparator;
  /** date shapes read only in this language (the others are read in any) */
  dates: readonly LocaleDateShape[];
}

const locales: Readonly<Record<string, TransactionLocale>> = {
  'date/time': { decimal: '.', dates: [] },
  'Datum/Uhrzeit': { decimal: ',', dates: [] },
  'date/heure': { decimal: ',', dates: [] },
  'Data/Ora:': { decimal: ',', dates: [] },
  'fecha y hora': { decimal: ',', dates: ['day-first-slashed'] },
  'fecha/hora': { decimal: '.', dates: ['day-first-slashed'] },
  'data/hora': { decimal: ',', dates: [] },
  'datum/tijd': { decimal: ',', dates: [] },
  'datum/tid': { decimal: ',', dates: [] },
  'data/godzina': { decimal: ',', dates: [] },
  'tarih/saat': { decimal: ',', dates: [] },
  '日付/時間': { decimal: '.', dates: [] },
};

const byKey = new Map(Object.entries(locales).map(([header, locale]) => [normalizeHeader(header).key, locale]));

/** The locale of a file whose date column has this normalised key (English when unknown). */
export function transactionLocale(dateColumnKey: string | undefined): TransactionLocale {
  return byKey.get(dateColumnKey ?? '') ?? { decimal: '.', dates: [] };
}

/** A localized `type` as the English value; a value no source shows stays as written. */
export function canonicalType(type: string | null): string | null {
  return storedType(type);
}

import type { DecimalSeparator } from '../values/decimal-text.ts';
import { normalizeHeader } from '../header.ts';

/**
 * What the UI language of a transaction file changes besides the header: the decimal mark and the
 * `type` values. Keyed by the spelling of the date column, the one header every language renames.
 * Sources (find_string ids, README "Localized headers"): types [C] 27428931061 (Order/Refund/Transfer/
 * Service fee per culture), [A] 12312532400 (order/refund per country), `Anpassung` 27813265808,
 * `Versand durch Amazon Lagergebühr` 55079622596, `Frais de service` 37854635685; decimal comma for
 * de/fr/it/es 60345167902 and the real de line in 32346328953 (`"-9,99"`, `"1,20"`).
 */
interface TransactionLocale {
  decimal: DecimalSeparator;
  /** localized `type` → the English value the metrics read (`Order`, `Refund`, …) */
  types: Readonly<Record<string, string>>;
}

const locales: Readonly<Record<string, TransactionLocale>> = {
  'date/time': { decimal: '.', types: {} },
  'Datum/Uhrzeit': {
    decimal: ',',
    types: {
      Bestellung: 'Order', Erstattung: 'Refund', Übertrag: 'Transfer', Servicegebühr: 'Service Fee', Anpassung: 'Adjustment',
      'Versand durch Amazon Lagergebühr': 'FBA Inventory Fee',
    },
  },
  'date/heure': { decimal: ',', types: { Commande: 'Order', Remboursement: 'Refund', Transfert: 'Transfer', 'Frais de service': 'Service Fee' } },
  'Data/Ora:': { decimal: ',', types: { Ordine: 'Order', Rimborso: 'Refund', Trasferimento: 'Transfer' } },
  'fecha y hora': { decimal: ',', types: { Pedido: 'Order', Reembolso: 'Refund', Transferir: 'Transfer' } },
  '日付/時間': { decimal: '.', types: { 注文: 'Order', 返金: 'Refund', 振込み: 'Transfer', 注文外料金: 'Service Fee' } },
};

const byKey = new Map(Object.entries(locales).map(([header, locale]) => [normalizeHeader(header).key, locale]));

/** The locale of a file whose date column has this normalised key (English when unknown). */
export function transactionLocale(dateColumnKey: string | undefined): TransactionLocale {
  return byKey.get(dateColumnKey ?? '') ?? { decimal: '.', types: {} };
}

/** A localized `type` as the English value; a value no source shows stays as written. */
export function canonicalType(locale: TransactionLocale, type: string | null): string | null {
  return type === null ? null : (locale.types[type] ?? type);
}

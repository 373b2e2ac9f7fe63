import { shownValue } from '../../domain/messages.ts';
import { fileProblem } from '../problems.ts';
import type { CanonicalRow, FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex, type AliasTable } from '../header.ts';
import { currencyColumn, detectWith, noRows } from '../fba-snapshot/snapshot.ts';
import { monthPeriod, storageFeeTarget } from './month.ts';

/**
 * Monthly storage fees (GET_FBA_STORAGE_FEE_CHARGES_DATA): one row per ASIN and fulfilment centre.
 * Kebab-case names (2019, FORMATS §7); the current spaced names with `商品名`/`通貨` in Japanese come from a
 * real Seller Central JP download, brussliu/smartinfo2
 * `WEB-INF/efw/storage/Smart-Bear/import/BACKUP_FILE/14.在庫保管手数料レポート/file14_20230908_212036.csv`.
 */
export const monthlyStorageFeeAliases = {
  asin: ['asin'], fnsku: ['fnsku'], product_name: ['product-name', '商品名'],
  fulfillment_center: ['fulfillment-center', 'Fulfillment center'],
  country: ['country-code', 'Country code'],
  month_of_charge: ['month-of-charge', 'Month of charge'],
  currency: ['currency', '通貨'],
  fee: ['estimated-monthly-storage-fee', 'Monthly storage fee (est.)'],
} as const satisfies AliasTable;

const aliases = new AliasIndex(monthlyStorageFeeAliases);

export const fbaMonthlyStorageFees: TableFamily = {
  type: 'fba_storage_fees',
  name: { en: 'FBA monthly storage fees', zh: '月度仓储费' },
  format: 'table',
  writes: [storageFeeTarget],
  aliases,
  required: ['month_of_charge', 'fee'],
  filled: { month_of_charge: 'refuse', fee: 'refuse' },
  detect: detectWith(aliases, ['month_of_charge', 'fee']),
  read,
};

function read(input: TableInput, context: FamilyContext): FamilyOutput {
  const { rows, fields } = input;
  if (rows.length === 0) return noRows(context.file);
  const out: CanonicalRow[] = [];
  for (const source of rows) {
    const row = fields.row(source);
    const month = monthOfCharge(row.text('month_of_charge'));
    if (!month) {
      fields.problems.push(fileProblem('bad_charge_month', { line: row.line, column: 'month-of-charge', value: shownValue(row.text('month_of_charge') ?? '') }, {
        code: 'bad_value', file: context.file, line: row.line, column: 'month-of-charge',
      }));
      continue;
    }
    const fee = row.money('fee');
    out.push({
      month, kind: 'monthly', sku: null, fnsku: row.text('fnsku'), asin: row.text('asin'),
      fee: fee?.amount ?? null, currency: fee?.currency ?? row.text('currency'),
    });
  }
  return {
    rows: rows.length, tables: { storage_fees: out }, period: monthPeriod(out.map((r) => String(r.month))),
    evidence: { currencies: [...new Set([...currencyColumn(input, 'currency'), ...fields.currencies])] },
    problems: fields.problems,
  };
}

/** `2019-10` → `2019-10-01`: storage_fees.month is the first day of the month of charge. */
function monthOfCharge(text: string | null): string | null {
  const m = text ? /^(\d{4})-(\d{1,2})$/.exec(text) : null;
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}-01` : null;
}

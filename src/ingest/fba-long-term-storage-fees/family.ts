import { say } from '../../domain/messages.ts';
import { refusal, type CanonicalRow, type FamilyContext, type FamilyOutput, type TableFamily, type TableInput } from '../family.ts';
import { AliasIndex, type AliasTable } from '../header.ts';
import { countryEvidence, currencyColumn, detectWith, noRows, snapshotZone, sumDecimals } from '../fba-snapshot/snapshot.ts';
import { monthPeriod, storageFeeTarget } from '../fba-storage-fees/month.ts';

/**
 * Long-term storage fee charges. Two layouts: the 12-month and 6-month charges on one snapshot day (REAL 2019),
 * and the later one row per SKU and age tier `snapshot-date, sku, …, qty-charged, amount-charged, surcharge-age-tier,
 * rate-surcharge` (Go report schemas, find_string ids 57920188486, 58166074789; a typed field list, 37251743388).
 * ja, the later layout (all Japanese but `volume-unit`): a real Seller Central JP download, brussliu/smartinfo2
 * `WEB-INF/efw/storage/Smart-Bear/import/BACKUP_FILE/15.長期在庫保管手数料請求額レポート/file15_20230923_133047.csv`.
 */
export const longTermStorageFeeAliases = {
  snapshot_date: ['snapshot-date', '日付'],
  sku: ['sku', '出品者SKU'], fnsku: ['fnsku'], asin: ['asin'], product_name: ['product-name', '商品名'], condition: ['condition', 'コンディション'],
  qty_charged_12_mo: ['qty-charged-12-mo-long-term-storage-fee'],
  fee_12_mo: ['12-mo-long-terms-storage-fee', '12-mo-long-term-storage-fee'],
  qty_charged_6_mo: ['qty-charged-6-mo-long-term-storage-fee'],
  fee_6_mo: ['6-mo-long-terms-storage-fee', '6-mo-long-term-storage-fee'],
  qty_charged: ['qty-charged', '請求対象の在庫数'],
  amount_charged: ['amount-charged', '請求金額'],
  age_tier: ['surcharge-age-tier', '追加手数料の対象期間'],
  currency: ['currency', '通貨'],
  country: ['country', '国'],
} as const satisfies AliasTable;

const aliases = new AliasIndex(longTermStorageFeeAliases);
const byMonths = detectWith(aliases, ['snapshot_date', 'qty_charged_12_mo']);
const byAgeTier = detectWith(aliases, ['snapshot_date', 'qty_charged', 'amount_charged']);

export const fbaLongTermStorageFees: TableFamily = {
  type: 'fba_long_term_storage_fees',
  name: { en: 'FBA long-term storage fee charges', zh: '长期仓储费' },
  format: 'table',
  writes: [storageFeeTarget],
  aliases,
  // the fee column differs by layout: read() asks for the one its layout lacks
  required: ['snapshot_date'],
  filled: { snapshot_date: 'refuse' },
  detect: (header) => byMonths(header) || byAgeTier(header),
  read,
};

/** Charged on the snapshot day (`T08:00:00+00:00` = midnight Pacific), so month = that day's month. */
function read(input: TableInput, context: FamilyContext): FamilyOutput {
  const { rows, fields } = input;
  if (rows.length === 0) return noRows(context.file);
  const countries = rows.map((r) => fields.row(r).text('country'));
  const evidence = { amazonIds: countryEvidence(countries), currencies: currencyColumn(input, 'currency') };
  const timeZone = snapshotZone(context, evidence);
  // the age-tier layout is detected by its fee column, so only the 12-/6-month one can lack its fee
  if (!fields.has('amount_charged') && !fields.has('fee_12_mo')) {
    return refusal(context, 'missing_column', say('missing_column_named', {
      report: { en: 'FBA long-term storage fee charges', zh: 'FBA 长期仓储费' }, column: aliases.expected('fee_12_mo'), where: '',
    }));
  }
  const out: CanonicalRow[] = [];
  for (const source of rows) {
    const row = fields.row(source);
    const day = row.date('snapshot_date', { timeZone });
    if (!day) {
      if (row.text('snapshot_date') === null) {
        fields.note(source, 'snapshot_date', 'value_required');
      }
      continue;
    }
    // one row per SKU and age tier in the later layout: storage_fees keeps them as rows, summed where read
    const fee = fields.has('amount_charged') ? row.money('amount_charged')?.amount ?? null
      : sumDecimals(row.money('fee_12_mo')?.amount ?? null, row.money('fee_6_mo')?.amount ?? null);
    out.push({
      month: `${day.slice(0, 7)}-01`, kind: 'long_term', sku: row.text('sku'), fnsku: row.text('fnsku'), asin: row.text('asin'),
      fee, currency: row.text('currency'),
    });
  }
  return {
    rows: rows.length, tables: { storage_fees: out }, period: monthPeriod(out.map((r) => String(r.month))),
    evidence: { ...evidence, currencies: [...new Set([...evidence.currencies, ...fields.currencies])] },
    problems: fields.problems,
  };
}


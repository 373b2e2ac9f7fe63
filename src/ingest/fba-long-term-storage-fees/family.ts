import type { CanonicalRow, FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex, type AliasTable } from '../header.ts';
import { countryEvidence, currencyColumn, detectWith, noRows, snapshotZone, sumDecimals } from '../fba-snapshot/snapshot.ts';
import { monthPeriod, storageFeeTarget } from '../fba-storage-fees/month.ts';

/** Long-term storage fee charges (REAL 2019): the 12-month and 6-month charges on one snapshot day. */
export const longTermStorageFeeAliases = {
  snapshot_date: ['snapshot-date'],
  sku: ['sku'], fnsku: ['fnsku'], asin: ['asin'], product_name: ['product-name'], condition: ['condition'],
  qty_charged_12_mo: ['qty-charged-12-mo-long-term-storage-fee'],
  fee_12_mo: ['12-mo-long-terms-storage-fee', '12-mo-long-term-storage-fee'],
  qty_charged_6_mo: ['qty-charged-6-mo-long-term-storage-fee'],
  fee_6_mo: ['6-mo-long-terms-storage-fee', '6-mo-long-term-storage-fee'],
  currency: ['currency'],
  country: ['country'],
} as const satisfies AliasTable;

const aliases = new AliasIndex(longTermStorageFeeAliases);

export const fbaLongTermStorageFees: TableFamily = {
  type: 'fba_long_term_storage_fees',
  name: { en: 'FBA long-term storage fee charges', zh: '长期仓储费' },
  format: 'table',
  writes: [storageFeeTarget],
  aliases,
  required: ['snapshot_date', 'fee_12_mo'],
  filled: { snapshot_date: 'refuse' },
  detect: detectWith(aliases, ['snapshot_date', 'qty_charged_12_mo']),
  read,
};

/** Charged on the snapshot day (`T08:00:00+00:00` = midnight Pacific), so month = that day's month. */
function read(input: TableInput, context: FamilyContext): FamilyOutput {
  const { rows, fields } = input;
  if (rows.length === 0) return noRows(context.file);
  const countries = rows.map((r) => fields.row(r).text('country'));
  const evidence = { amazonIds: countryEvidence(countries), currencies: currencyColumn(input, 'currency') };
  const timeZone = snapshotZone(context, evidence);
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
    const fee = sumDecimals(row.money('fee_12_mo')?.amount ?? null, row.money('fee_6_mo')?.amount ?? null);
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

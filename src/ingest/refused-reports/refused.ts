import { both, say } from '../../domain/messages.ts';
import { refusal, type TableFamily } from '../family.ts';
import { AliasIndex, type AliasTable } from '../header.ts';
import { detectWith } from '../fba-snapshot/snapshot.ts';

/**
 * Reports Asterism recognises but does not import, each with the reason the seller reads. They
 * are recognised (rather than "unknown report") so the answer says what the file is and what to
 * download instead.
 */
interface RefusedReport {
  type: string;
  name: { en: string; zh: string };
  /** header spellings that together identify the report */
  signature: AliasTable;
  reason: string;
}

export const refusedReports: readonly RefusedReport[] = [
  {
    type: 'fba_excess_inventory', name: { en: 'FBA Excess inventory', zh: '冗余库存' },
    signature: { msku: ['MSKU'], estimated_excess: ['Estimated Excess'], excess_threshold: ['Excess Threshold'] },
    reason: 'it holds Amazon\'s recommendations, not stock counts or fees of its own: its units are already in Manage FBA Inventory, so import that (or the FBA Inventory report) instead',
  },
  {
    type: 'fba_recommended_removal', name: { en: 'FBA Recommended removal', zh: '建议移除' },
    // ja: a real Seller Central JP download, brussliu/smartinfo2 `OTHERS/CSVテンプレート/17.返送推奨レポート/81816019293.csv`
    signature: { sellable_removal: ['sellable-removal-quantity', '販売可能商品を削除'], unsellable_0_7: ['unsellable-0-7-days', '7日間が経過した出荷不可在庫'] },
    reason: 'it is a recommendation: no canonical table holds removal advice; the stock itself comes from Manage FBA Inventory',
  },
  {
    type: 'fba_removals', name: { en: 'FBA Removal order detail', zh: '移除订单详情' },
    // ja: a real Seller Central JP download, brussliu/smartinfo2 `OTHERS/CSVテンプレート/18.返送所有権の放棄依頼の詳細レポート/81817019293.csv`
    signature: {
      requested: ['requested-quantity', '依頼した数'], disposed: ['disposed-quantity', '廃棄した数'],
      removal_fee: ['removal-fee', '返送/廃棄手数料'],
    },
    reason: 'removal orders have no canonical table yet (their fees reach profit through the Payments transaction report, type "FBA Inventory Fee")',
  },
  {
    type: 'payments_transaction_summary', name: { en: 'Payments Transaction Summary', zh: '交易汇总' },
    signature: { transaction_type: ['Transaction type'], payment_type: ['Payment Type'], payment_detail: ['Payment Detail'] },
    reason: 'it is a summary that splits each transaction into fee lines; import the Payments → Date Range Reports "Transaction" CSV for the same period instead',
  },
];

function refusedFamily(report: RefusedReport): TableFamily {
  const aliases = new AliasIndex(report.signature);
  return {
    type: report.type, name: report.name, format: 'table', writes: [], aliases, required: [],
    detect: detectWith(aliases, Object.keys(report.signature)),
    read: (_input, context) => refusal(context, 'unsupported_report', say('unsupported_report', { report: report.name, reason: both(report.reason) })),
  };
}

export const refusedFamilies: readonly TableFamily[] = refusedReports.map(refusedFamily);

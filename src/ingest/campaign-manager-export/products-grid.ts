import { say } from '../../domain/messages.ts';
import { refusal, type TableFamily } from '../family.ts';
import { AliasIndex, type AliasTable } from '../header.ts';
import { detectWith } from '../fba-snapshot/snapshot.ts';

/**
 * The ads console's account-wide "Products" grid export (`商品`, `スポンサープロダクト広告の利用資格`, `売上(JPY)`,
 * `広告費(JPY)`, …, FORMATS §15.3): a real amazon.co.jp download, brussliu/smartinfo2
 * `OTHERS/CSVテンプレート/19.商品別広告明細費用レポート/Products_11月_30_2023.csv`. No English one was found.
 */
export const productsGridAliases = {
  product: ['商品'],
  sp_eligibility: ['スポンサープロダクト広告の利用資格'],
  sales: ['売上'],
  spend: ['広告費'],
  clicks: ['クリック数'],
} as const satisfies AliasTable;

const aliases = new AliasIndex(productsGridAliases);

/**
 * Refused, as a seller would want it: each row totals one product over every campaign and ad type (SP, SB, SD:
 * it carries new-to-brand columns, its `タイプ` cells are empty) over a date range the file does not name. Stored,
 * its spend could be put in no day, campaign or ad type, and would count twice beside the same days' advertised
 * product report, which gives the same spend per product, day by day.
 */
export const campaignManagerProductsGrid: TableFamily = {
  type: 'campaign_manager_products_grid',
  name: { en: 'Campaign Manager products export (refused)', zh: '广告活动管理器商品导出（不导入）' },
  format: 'table',
  writes: [],
  aliases,
  required: [],
  detect: detectWith(aliases, ['product', 'sp_eligibility', 'spend']),
  read: (_input, context) => refusal(context, 'unsupported_report', say('campaign_manager_products')),
};

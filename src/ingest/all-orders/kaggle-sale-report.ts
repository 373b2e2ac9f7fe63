import { say } from '../../domain/messages.ts';
import { refusal, type TableFamily } from '../family.ts';
import { AliasIndex } from '../header.ts';

/** Columns of the Kaggle "E-commerce Sales Data 2022 / Amazon Sale Report" (FORMATS §14) that no Amazon download has. */
const kaggleAliases = new AliasIndex({
  row_index: ['index'],
  order_id: ['Order ID'],
  date: ['Date'],
  status: ['Status'],
  fulfilment: ['Fulfilment'],
  courier_status: ['Courier Status'],
  style: ['Style'],
  qty: ['Qty'],
  amount: ['Amount'],
  fulfilled_by: ['fulfilled-by'],
});

/**
 * Recognised only to be refused with a clear reason: it is a reworked public data set, not a
 * Seller Central download. It has dates without times (so no UTC instant to keep), an
 * `index` column added by pandas, statuses rewritten (`Shipped - Delivered to Buyer`), and its
 * common copies drop SKU, ASIN and currency. Importing it as orders would mix invented grain
 * into real order items; the demo data covers the need for sample orders.
 */
export const kaggleSaleReport: TableFamily = {
  type: 'kaggle_amazon_sale_report',
  name: { en: 'Kaggle "Amazon Sale Report" data set (not importable)', zh: 'Kaggle“亚马逊销售报告”数据集（不可导入）' },
  format: 'table',
  writes: [],
  aliases: kaggleAliases,
  required: [],
  detect(header) {
    const columns = kaggleAliases.resolve(header);
    const marks = ['row_index', 'fulfilment', 'courier_status', 'fulfilled_by'].filter((f) => columns.has(f)).length;
    return columns.has('order_id') && columns.has('status') && marks >= 2 ? 100 + columns.size : false;
  },
  read: (_input, context) => refusal(context, 'not_an_amazon_report', say('kaggle_sale_report')),
};

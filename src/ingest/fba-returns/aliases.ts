import type { AliasTable } from '../header.ts';

/**
 * FBA customer returns (FORMATS §8): the same names in the UI CSV and the API TSV.
 * ja (`"返品日","注文番号","出品者SKU","ASIN","FNSKU","商品名","数量","FC","商品の状態","理由","lpn","お客様のコメント"`, no
 * status column; values such as `販売可` or `欠陥品・不良品` are kept as written): a real Seller Central JP download,
 * brussliu/smartinfo2 `OTHERS/CSVテンプレート/16.返品レポート/81815019293.csv`.
 */
export const fbaReturnsAliases = {
  return_date: ['return-date', '返品日'],
  order_id: ['order-id', '注文番号'],
  sku: ['sku', '出品者SKU'],
  asin: ['asin'],
  fnsku: ['fnsku'],
  product_name: ['product-name', '商品名'],
  quantity: ['quantity', '数量'],
  fulfillment_center: ['fulfillment-center-id', 'FC'],
  disposition: ['detailed-disposition', '商品の状態'],
  reason: ['reason', '理由'],
  status: ['status'],
  license_plate: ['license-plate-number', 'lpn'],
  customer_comment: ['customer-comments', 'お客様のコメント'],
} as const satisfies AliasTable;

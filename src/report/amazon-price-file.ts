import { AsterismError } from '../domain/errors.ts';
import { startsLikeFormula } from '../domain/formula-cells.ts';

/**
 * Amazon's "Price & Quantity" inventory file (template type PriceInventory), tab-separated with the
 * template's three header rows: the template row (`TemplateType=PriceInventory`, `Version=…`, a
 * notice), the column labels, and the field names Amazon reads.
 * Sources: Seller Central "Modify your inventory files" (the Price & Quantity file takes SKU, price
 * and quantity: https://sellercentral.amazon.com/gp/help/external/G201576660); "Price & Quantity file"
 * fields (leave quantity empty for Amazon-fulfilled SKUs when only changing prices:
 * https://sellercentral.amazon.in/gp/help/external/help.html?itemID=200385490); the header rows as
 * sellers' tools write them, e.g. `TemplateType=PriceInventory	Version=2018.0924` over
 * `sku	price	minimum-seller-allowed-price	maximum-seller-allowed-price	quantity	handling-time	fulfillment-channel`
 * (public code for the JP and US templates). Amazon changes its templates now and then: the file
 * says which version it follows.
 */
export const priceFileColumns = [
  { field: 'sku', label: 'SKU' },
  { field: 'price', label: 'Price' },
  { field: 'minimum-seller-allowed-price', label: 'Minimum Seller Allowed Price' },
  { field: 'maximum-seller-allowed-price', label: 'Maximum Seller Allowed Price' },
  { field: 'quantity', label: 'Quantity' },
  { field: 'handling-time', label: 'Handling Time' },
  { field: 'fulfillment-channel', label: 'Fulfillment Channel' },
] as const;

export const priceFileTemplate = { type: 'TemplateType=PriceInventory', version: 'Version=2018.0924', notice: 'The top 3 rows are for Amazon.com use only. Do not modify or delete the top 3 rows.' } as const;

export interface PriceFileRow {
  sku: string;
  /** the new price, a decimal string with a dot (as the template's example rows) */
  price: string;
}

/**
 * The file's text: CRLF line ends (as Excel saves tab-delimited text); only SKU and price are filled.
 * Amazon matches the SKU exactly, so a SKU is never escaped (an escaped one would update no listing):
 * one that a spreadsheet would run as a formula refuses the file instead (domain/formula-cells.ts).
 */
export function amazonPriceFile(rows: readonly PriceFileRow[]): string {
  const unsafe = rows.filter((r) => startsLikeFormula(r.sku) || startsLikeFormula(r.price)).map((r) => r.sku);
  if (unsafe.length > 0) {
    throw new AsterismError('bad_request', `SKU ${unsafe.map((s) => JSON.stringify(s)).join(', ')} starts with =, +, -, @, a tab or a line break, ` +
      'which a spreadsheet runs as a formula: rename the SKU in Seller Central before exporting its price / ' +
      `SKU ${unsafe.map((s) => JSON.stringify(s)).join('、')} 以 =、+、-、@、制表符或换行开头，表格软件会把它当作公式执行：请先在卖家平台修改该 SKU 再导出价格`);
  }
  const width = priceFileColumns.length;
  const pad = (cells: string[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')].join('\t');
  const clean = (s: string) => s.replace(/[\t\r\n]/g, ' ');
  const lines = [
    pad([priceFileTemplate.type, priceFileTemplate.version, priceFileTemplate.notice]),
    pad(priceFileColumns.map((c) => c.label)),
    pad(priceFileColumns.map((c) => c.field)),
    ...rows.map((r) => pad([clean(r.sku), r.price])),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

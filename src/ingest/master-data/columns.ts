import type { AliasTable } from '../header.ts';

/**
 * The master-data files of the CLI contract (cli.md "Master-data files"), as data: each column's
 * English and Chinese template header, other spellings sellers use, and the template's example value.
 */
export interface MasterColumn {
  field: string;
  en: string;
  zh: string;
  also?: readonly string[];
  required?: boolean;
  /** a column the seller normally fills: missing or empty on every row is warned about (family.ts `filled`) */
  filled?: 'warn';
  example: string;
}

export type MasterKind = 'products' | 'targets' | 'events' | 'costs' | 'shipments' | 'payouts' | 'competitor_prices'
  | 'suppliers' | 'purchase_orders' | 'batches' | 'lead_times';

export const masterColumns: Readonly<Record<MasterKind, readonly MasterColumn[]>> = {
  products: [
    { field: 'sku', en: 'sku', zh: '卖家SKU', also: ['seller sku', 'seller-sku', 'msku', 'SKU'], required: true, example: 'MAT-BLK-60' },
    { field: 'asin', en: 'asin', zh: 'ASIN', required: true, example: 'B0EXAMPLE1' },
    { field: 'fnsku', en: 'fnsku', zh: 'FNSKU', example: 'X00EXAMPLE' },
    { field: 'parent_asin', en: 'parent_asin', zh: '父ASIN', also: ['parent asin'], example: 'B0EXAMPLE0' },
    { field: 'product_code', en: 'product_code', zh: '本地SKU', also: ['product code', '产品编码'], example: 'KM-001' },
    { field: 'product_name', en: 'product_name', zh: '品名', also: ['product name', '产品名称'], example: 'Kitchen mat, black, 60 cm' },
    { field: 'image_url', en: 'image_url', zh: '图片链接', also: ['image', 'image url', 'main image', '主图', '图片'], example: 'https://m.media-amazon.com/images/I/example.jpg' },
    { field: 'owner', en: 'owner', zh: '运营负责人', also: ['负责人', '运营'], example: 'operator-1' },
    { field: 'developer', en: 'developer', zh: '开发', also: ['开发人员'], example: 'dev-1' },
    { field: 'product_line', en: 'product_line', zh: '产品线', also: ['product line'], example: 'Kitchen' },
    { field: 'tags', en: 'tags', zh: '标签', example: 'new;summer' },
    { field: 'tier', en: 'tier', zh: '生命周期', also: ['lifecycle', '层级', '产品层级'], example: 'new' },
    { field: 'effective_from', en: 'effective_from', zh: '生效日期', also: ['effective from'], example: '2026-01-01' },
    // for fee estimates (pricing): Amazon's fee category and the packaged unit's size and weight;
    // the fee preview's own column names are accepted too. Units default to cm and g.
    { field: 'category', en: 'category', zh: '类目', also: ['fee category', 'product category', '佣金类目', '产品类目'], example: 'Home and Kitchen' },
    { field: 'length', en: 'length', zh: '长', also: ['longest-side', '长度', 'length_cm'], example: '30' },
    { field: 'width', en: 'width', zh: '宽', also: ['median-side', '宽度', 'width_cm'], example: '20' },
    { field: 'height', en: 'height', zh: '高', also: ['shortest-side', '高度', 'height_cm'], example: '1.5' },
    { field: 'dimension_unit', en: 'dimension_unit', zh: '尺寸单位', also: ['unit-of-dimension', 'dimension unit'], example: 'cm' },
    { field: 'weight', en: 'weight', zh: '重量', also: ['item-package-weight', 'package weight', '包装重量', 'weight_g'], example: '450' },
    { field: 'weight_unit', en: 'weight_unit', zh: '重量单位', also: ['unit-of-weight', 'weight unit'], example: 'g' },
    // rival ASINs whose prices (competitor prices file, Keepa export) anchor this SKU's price
    { field: 'competitor_asins', en: 'competitor_asins', zh: '竞品ASIN', also: ['rival asins', 'competitors', '竞品'], example: 'B0RIVAL001;B0RIVAL002' },
  ],
  targets: [
    { field: 'kpi', en: 'kpi', zh: '指标', also: ['KPI'], required: true, example: 'sales' },
    { field: 'period', en: 'period', zh: '周期', also: ['期间'], required: true, example: '2026-09' },
    { field: 'target', en: 'target', zh: '目标', also: ['目标值'], required: true, example: '5000' },
    { field: 'store', en: 'store', zh: '店铺', example: 'default' },
    { field: 'marketplace', en: 'marketplace', zh: '站点', example: 'US' },
    { field: 'asin', en: 'asin', zh: 'ASIN', example: '' },
    { field: 'parent_asin', en: 'parent_asin', zh: '父ASIN', example: '' },
    { field: 'product_line', en: 'product_line', zh: '产品线', example: '' },
    { field: 'tier', en: 'tier', zh: '产品层级', example: '' },
    { field: 'owner', en: 'owner', zh: '负责人', also: ['运营负责人'], example: 'operator-1' },
    { field: 'role', en: 'role', zh: '角色', example: 'operator' },
    { field: 'weight', en: 'weight', zh: '权重', example: '1' },
    { field: 'priority', en: 'priority', zh: '优先级', example: '1' },
  ],
  events: [
    { field: 'date', en: 'date', zh: '日期', also: ['开始日期', 'start_date'], required: true, example: '2026-09-14' },
    { field: 'end_date', en: 'end_date', zh: '结束日期', example: '2026-09-20' },
    { field: 'type', en: 'type', zh: '类型', also: ['事件类型'], required: true, example: 'coupon' },
    { field: 'asin', en: 'asin', zh: 'ASIN', example: 'B0EXAMPLE1' },
    { field: 'marketplace', en: 'marketplace', zh: '站点', example: 'US' },
    { field: 'note', en: 'note', zh: '备注', example: '20% coupon' },
  ],
  costs: [
    { field: 'sku', en: 'sku', zh: 'SKU', also: ['卖家SKU', '本地SKU', 'product_code'], required: true, example: 'KM-001' },
    { field: 'effective_from', en: 'effective_from', zh: '生效日期', required: true, example: '2026-01-01' },
    { field: 'currency', en: 'currency', zh: '币种', also: ['货币'], required: true, example: 'CNY' },
    { field: 'unit_cost', en: 'unit_cost', zh: '单位成本', also: ['采购成本', '采购单价'], required: true, example: '35.50' },
    // without freight a SKU's landed cost is unknown: warned about, never read as 0 (issue 14)
    { field: 'freight_per_unit', en: 'freight_per_unit', zh: '单位头程运费', also: ['头程运费'], filled: 'warn', example: '8.20' },
    { field: 'duty_rate', en: 'duty_rate', zh: '关税税率', also: ['关税率'], example: '0.25' },
    { field: 'marketplace', en: 'marketplace', zh: '站点', example: 'US' },
  ],
  // first-leg shipments (货件): shipment_cost is the whole shipment's cost, repeated on each of its rows
  shipments: [
    { field: 'shipment_id', en: 'shipment_id', zh: '货件号', also: ['shipment id', 'FBA货件号', '货件编号'], required: true, example: 'FBA15ABCDEF' },
    { field: 'sku', en: 'sku', zh: 'SKU', also: ['卖家SKU', '本地SKU', 'product_code'], required: true, example: 'KM-001' },
    { field: 'units', en: 'units', zh: '数量', also: ['发货数量', 'quantity'], required: true, example: '200' },
    { field: 'shipment_cost', en: 'shipment_cost', zh: '货件费用', also: ['头程费用', 'shipment cost'], required: true, example: '3600.00' },
    { field: 'currency', en: 'currency', zh: '币种', also: ['货币'], required: true, example: 'CNY' },
    { field: 'date', en: 'date', zh: '发货日期', also: ['ship_date', '日期'], required: true, example: '2026-01-10' },
    { field: 'marketplace', en: 'marketplace', zh: '站点', example: 'US' },
    { field: 'unit_volume', en: 'unit_volume', zh: '单件体积', also: ['unit volume', '体积'], example: '0.012' },
    { field: 'unit_weight', en: 'unit_weight', zh: '单件重量', also: ['unit weight', '重量'], example: '1.2' },
    { field: 'allocation', en: 'allocation', zh: '分摊方式', also: ['分摊'], example: 'volume' },
  ],
  // payouts (结汇): Amazon's disbursement and what arrived after conversion and the provider's fee
  payouts: [
    { field: 'date', en: 'date', zh: '结汇日期', also: ['payout_date', '到账日期'], required: true, example: '2026-02-03' },
    { field: 'marketplace', en: 'marketplace', zh: '站点', required: true, example: 'US' },
    { field: 'amount', en: 'amount', zh: '结汇金额', also: ['payout amount', '提现金额'], required: true, example: '10000.00' },
    { field: 'received', en: 'received', zh: '到账金额', also: ['received amount', '到账人民币'], required: true, example: '71200.00' },
    { field: 'currency', en: 'currency', zh: '币种', also: ['货币'], example: 'USD' },
    { field: 'received_currency', en: 'received_currency', zh: '到账币种', example: 'CNY' },
    { field: 'provider_fee', en: 'provider_fee', zh: '手续费', also: ['fee', '服务费'], example: '120.00' },
  ],
  // competitor prices by date, against one of the seller's own ASINs (`asin`); `competitor` names the
  // rival offer (its ASIN or brand). No dated Keepa export header was found: Keepa's product export is
  // a snapshot, so copy its "Buy Box: Current" into this sheet, one row per ASIN, rival and day.
  competitor_prices: [
    { field: 'asin', en: 'asin', zh: '本品ASIN', also: ['own asin', 'our asin', 'ASIN'], required: true, example: 'B0EXAMPLE1' },
    { field: 'date', en: 'date', zh: '日期', required: true, example: '2026-11-20' },
    { field: 'price', en: 'price', zh: '竞品价格', also: ['competitor price', '价格', 'Buy Box: Current'], required: true, example: '19.99' },
    { field: 'competitor', en: 'competitor', zh: '竞品', also: ['competitor asin', '竞品ASIN', '竞争对手'], example: 'B0RIVAL001' },
    { field: 'marketplace', en: 'marketplace', zh: '站点', example: 'US' },
    { field: 'currency', en: 'currency', zh: '币种', also: ['货币'], example: 'USD' },
  ],
  // purchasing (issue 22): Asterism's own templates (`asterism template suppliers|purchase_orders|batches|lead_times`);
  // the other spellings are ERP sheets' own, cited in src/ingest/README.md ("Purchasing master data")
  suppliers: [
    { field: 'supplier', en: 'supplier', zh: '供应商编码', required: true, example: 'SUP-01' },
    { field: 'name', en: 'supplier_name', zh: '供应商名称', also: ['供货商'], required: true, example: 'Ningbo Mats Co.' },
    { field: 'contact', en: 'contact', zh: '联系人', example: 'Ms Wang' },
    { field: 'country', en: 'country', zh: '国家', example: 'CN' },
    { field: 'currency', en: 'currency', zh: '结算币种', also: ['币种', '货币'], example: 'CNY' },
    { field: 'note', en: 'note', zh: '备注', example: '' },
  ],
  // one row per PO line (PO × SKU); the order's dates repeat on each of its lines
  purchase_orders: [
    { field: 'po_id', en: 'po_id', zh: '采购单号', also: ['采购订单号', '采购单编号'], required: true, example: 'PO-2026-001' },
    { field: 'supplier', en: 'supplier', zh: '供应商编码', also: ['供货商'], example: 'SUP-01' },
    { field: 'sku', en: 'sku', zh: 'SKU', also: ['卖家SKU', '本地SKU', 'SKU编码', 'product_code'], required: true, example: 'KM-001' },
    { field: 'quantity', en: 'quantity', zh: '采购数量', required: true, example: '600' },
    { field: 'received_quantity', en: 'received_quantity', zh: '到货数量', also: ['已交货件数'], example: '600' },
    { field: 'unit_cost', en: 'unit_cost', zh: '采购单价', example: '35.50' },
    { field: 'currency', en: 'currency', zh: '币种', also: ['货币'], example: 'CNY' },
    { field: 'ordered_date', en: 'ordered_date', zh: '下单日期', required: true, example: '2026-08-01' },
    { field: 'promised_date', en: 'promised_date', zh: '承诺交期', also: ['交货日期', '预计到货日期'], example: '2026-08-31' },
    { field: 'shipped_date', en: 'shipped_date', zh: '发货日期', example: '2026-09-02' },
    { field: 'received_date', en: 'received_date', zh: '到货日期', example: '2026-09-30' },
    { field: 'marketplace', en: 'marketplace', zh: '站点', example: 'US' },
    { field: 'freight_mode', en: 'freight_mode', zh: '运输方式', example: 'sea' },
  ],
  // a batch (批次): one lot of a SKU, from its PO, carried to FBA in a shipment
  batches: [
    { field: 'batch_id', en: 'batch_id', zh: '批次号', required: true, example: 'B-2026-09-A' },
    { field: 'sku', en: 'sku', zh: 'SKU', also: ['卖家SKU', '本地SKU', 'SKU编码', 'product_code'], required: true, example: 'KM-001' },
    { field: 'units', en: 'units', zh: '批次数量', also: ['数量'], required: true, example: '600' },
    { field: 'po_id', en: 'po_id', zh: '采购单号', also: ['采购订单号', '采购单编号'], example: 'PO-2026-001' },
    { field: 'shipment_id', en: 'shipment_id', zh: '货件号', also: ['shipment id', 'FBA货件号', '货件编号'], example: 'FBA15ABCDEF' },
    { field: 'produced_date', en: 'produced_date', zh: '生产日期', example: '2026-08-25' },
    { field: 'shipped_date', en: 'shipped_date', zh: '发货日期', example: '2026-09-02' },
    { field: 'received_date', en: 'received_date', zh: '入仓日期', example: '2026-10-08' },
    { field: 'marketplace', en: 'marketplace', zh: '站点', example: 'US' },
  ],
  // lead time per supplier × SKU × freight mode, by leg: production, freight, FBA receiving (its own leg)
  lead_times: [
    { field: 'supplier', en: 'supplier', zh: '供应商编码', also: ['供货商'], required: true, example: 'SUP-01' },
    { field: 'sku', en: 'sku', zh: 'SKU', also: ['卖家SKU', '本地SKU', 'SKU编码', 'product_code'], required: true, example: 'KM-001' },
    { field: 'freight_mode', en: 'freight_mode', zh: '运输方式', required: true, example: 'sea' },
    { field: 'production_days', en: 'production_days', zh: '生产周期', required: true, example: '30' },
    { field: 'freight_days', en: 'freight_days', zh: '运输时效', required: true, example: '35' },
    { field: 'inbound_days', en: 'inbound_days', zh: '入仓时效', example: '10' },
    { field: 'lead_time_sd_days', en: 'lead_time_sd_days', zh: '交期标准差', example: '5' },
    { field: 'moq', en: 'moq', zh: '最小起订量', example: '500' },
    { field: 'carton_quantity', en: 'carton_quantity', zh: '箱规', also: ['装箱数'], example: '20' },
  ],
};

/** Freight modes (运输方式) of a PO or a lead time: the template's words, English and Chinese. */
export const freightModes = {
  sea: ['sea', '海运'],
  air: ['air', '空运'],
  rail: ['rail', '铁路'],
  express: ['express', '快递'],
} as const;
export type FreightMode = keyof typeof freightModes;

/** How a shipment's cost is split over its units (分摊方式), with the Chinese words sellers write. */
export const allocationRules = { volume: ['volume', '体积', '按体积'], weight: ['weight', '重量', '按重量'], units: ['units', '数量', '按数量'] } as const;
export type AllocationRule = keyof typeof allocationRules;

/** Event types of the CLI contract; anything else is refused with its line and column. */
export const eventTypes = ['coupon', 'deal', 'price_change', 'image_change', 'title_change', 'stockout', 'competitor', 'other'] as const;

export function aliasesOf(kind: MasterKind): AliasTable {
  return Object.fromEntries(masterColumns[kind].map((c) => [c.field, [c.en, c.zh, ...(c.also ?? [])]]));
}

export function requiredOf(kind: MasterKind): string[] {
  return masterColumns[kind].filter((c) => c.required).map((c) => c.field);
}

export function filledOf(kind: MasterKind): Record<string, 'warn'> {
  return Object.fromEntries(masterColumns[kind].flatMap((c) => (c.filled ? [[c.field, c.filled]] : [])));
}

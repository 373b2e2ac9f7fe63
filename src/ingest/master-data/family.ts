import type { Problem } from '../../domain/errors.ts';
import { marketplaceByCode } from '../../domain/marketplaces.ts';
import type { CanonicalRow, FamilyContext, FamilyOutput, TableFamily, TableInput } from '../family.ts';
import { AliasIndex, type HeaderColumn } from '../header.ts';
import { fileProblem } from '../problems.ts';
import type { FieldReader, RowFields } from '../row-fields.ts';
import { aliasesOf, allocationRules, eventTypes, filledOf, freightModes, masterColumns, requiredOf, type AllocationRule, type FreightMode, type MasterKind } from './columns.ts';
import { productAttributes } from './units.ts';
import { webImageUrl } from '../values/image-url.ts';

/**
 * Seller-maintained master data (SPEC §3, cli.md "Master-data files"). These files name no
 * marketplace of their own: they are loaded per store by load-master-data.ts, not by the report
 * path, and a row's marketplace (costs, events, targets) is a scope column read from the row.
 */
export interface MasterDataFamily extends TableFamily {
  masterData: MasterKind;
}

export function isMasterDataFamily(family: { type: string }): family is MasterDataFamily {
  return 'masterData' in family;
}

const names: Record<MasterKind, { en: string; zh: string }> = {
  products: { en: 'Products and SKU mapping (master data)', zh: '产品与SKU配对（主数据）' },
  targets: { en: 'KPI targets (master data)', zh: 'KPI目标（主数据）' },
  events: { en: 'Events (master data)', zh: '事件（主数据）' },
  costs: { en: 'Costs (master data)', zh: '成本（主数据）' },
  shipments: { en: 'First-leg shipments (master data)', zh: '头程货件（主数据）' },
  payouts: { en: 'Payouts and FX received (master data)', zh: '结汇记录（主数据）' },
  competitor_prices: { en: 'Competitor prices (master data)', zh: '竞品价格（主数据）' },
  suppliers: { en: 'Suppliers (master data)', zh: '供应商（主数据）' },
  purchase_orders: { en: 'Purchase orders (master data)', zh: '采购单（主数据）' },
  batches: { en: 'Batches (master data)', zh: '批次（主数据）' },
  lead_times: { en: 'Lead times, MOQ and carton quantity (master data)', zh: '交期、起订量与箱规（主数据）' },
};

const readers: Record<MasterKind, (row: RowFields, fields: FieldReader) => Record<string, CanonicalRow | null>> = {
  products: (row, fields) => {
    const sku = row.text('sku');
    const effectiveFrom = row.date('effective_from', { order: 'MDY' }) ?? '1970-01-01';
    const attributes = productAttributes(row, fields);
    const assignment = {
      owner: row.text('owner'), developer: row.text('developer'), product_line: row.text('product_line'),
      tags: row.text('tags'), tier: row.text('tier'),
    };
    return {
      sku_map: {
        sku, fnsku: row.text('fnsku'), asin: row.text('asin'), parent_asin: row.text('parent_asin'),
        product_code: row.text('product_code'), product_name: row.text('product_name'), image_url: webImageUrl(row.text('image_url')),
      },
      // without a date the assignment holds from the start of the data ("since always")
      product_assignments: Object.values(assignment).some((v) => v !== null)
        ? { sku, effective_from: effectiveFrom, ...assignment }
        : null,
      // category, size and weight for fee estimates (pricing), dated like the assignments
      product_attributes: attributes ? { sku, effective_from: effectiveFrom, ...attributes } : null,
    };
  },
  targets: (row, fields) => ({
    kpi_targets: {
      kpi: row.text('kpi'), period: row.text('period'), target: row.decimal('target'),
      store: row.text('store'), marketplace: marketplaceOf(row, fields), asin: row.text('asin'), parent_asin: row.text('parent_asin'),
      product_line: row.text('product_line'), tier: row.text('tier'), owner: row.text('owner'), role: row.text('role'),
      weight: row.decimal('weight'), priority: row.int('priority') === null ? null : Number(row.int('priority')),
    },
  }),
  events: (row, fields) => ({
    events: {
      date_from: row.date('date'), date_to: row.date('end_date'), type: eventTypeOf(row, fields),
      asin: row.text('asin'), marketplace: marketplaceOf(row, fields), note: row.text('note'), origin: 'imported',
    },
  }),
  costs: (row, fields) => ({
    costs: {
      sku: row.text('sku'), effective_from: row.date('effective_from'), currency: row.text('currency')?.toUpperCase() ?? null,
      unit_cost: row.decimal('unit_cost'), freight_per_unit: row.decimal('freight_per_unit'), duty_rate: row.percent('duty_rate'),
      marketplace: marketplaceOf(row, fields),
    },
  }),
  shipments: (row, fields) => ({
    shipments: {
      shipment_id: row.text('shipment_id'), sku: row.text('sku'), units: row.int('units'), shipment_cost: row.decimal('shipment_cost'),
      currency: row.text('currency')?.toUpperCase() ?? null, date: row.date('date'), marketplace: marketplaceOf(row, fields),
      unit_volume: row.decimal('unit_volume'), unit_weight: row.decimal('unit_weight'), allocation: allocationOf(row, fields),
    },
  }),
  payouts: (row, fields) => {
    const marketplace = marketplaceOf(row, fields);
    return {
      payouts: {
        date: row.date('date'), marketplace, amount: row.decimal('amount'), received: row.decimal('received'),
        currency: row.text('currency')?.toUpperCase() ?? (marketplace ? marketplaceByCode(marketplace)?.currency ?? null : null),
        received_currency: row.text('received_currency')?.toUpperCase() ?? 'CNY', provider_fee: row.decimal('provider_fee'),
      },
    };
  },
  competitor_prices: (row, fields) => ({
    competitor_prices: {
      asin: row.text('asin'), date: row.date('date'), price: row.money('price')?.amount ?? null,
      competitor: row.text('competitor') ?? '', marketplace: marketplaceOf(row, fields),
      currency: row.text('currency')?.toUpperCase() ?? row.money('price')?.currency ?? null,
    },
  }),
  suppliers: (row) => ({
    suppliers: {
      supplier: row.text('supplier'), name: row.text('name'), contact: row.text('contact'), country: row.text('country'),
      currency: row.text('currency')?.toUpperCase() ?? null, note: row.text('note'),
    },
  }),
  purchase_orders: (row, fields) => ({
    purchase_orders: {
      po_id: row.text('po_id'), supplier: row.text('supplier'), sku: row.text('sku'), marketplace: marketplaceOf(row, fields),
      quantity: row.int('quantity'), received_quantity: row.int('received_quantity'), unit_cost: row.decimal('unit_cost'),
      currency: row.text('currency')?.toUpperCase() ?? null, ordered_date: row.date('ordered_date'), promised_date: row.date('promised_date'),
      shipped_date: row.date('shipped_date'), received_date: row.date('received_date'), freight_mode: freightModeOf(row, fields),
    },
  }),
  batches: (row, fields) => ({
    batches: {
      batch_id: row.text('batch_id'), sku: row.text('sku'), po_id: row.text('po_id'), shipment_id: row.text('shipment_id'),
      marketplace: marketplaceOf(row, fields), units: row.int('units'), produced_date: row.date('produced_date'),
      shipped_date: row.date('shipped_date'), received_date: row.date('received_date'),
    },
  }),
  lead_times: (row, fields) => ({
    lead_times: {
      supplier: row.text('supplier'), sku: row.text('sku'), freight_mode: freightModeOf(row, fields),
      production_days: row.int('production_days'), freight_days: row.int('freight_days'), inbound_days: row.int('inbound_days'),
      lead_time_sd_days: row.decimal('lead_time_sd_days'), moq: row.int('moq'), carton_quantity: row.int('carton_quantity'),
    },
  }),
};

/** Columns that must have a value on every row (a missing cell would break a NOT NULL or a key). */
const mustHave: Record<MasterKind, Record<string, readonly string[]>> = {
  products: { sku_map: ['sku'], product_assignments: ['sku', 'effective_from'], product_attributes: ['sku', 'effective_from'] },
  targets: { kpi_targets: ['kpi', 'period', 'target'] },
  events: { events: ['date_from', 'type'] },
  costs: { costs: ['sku', 'effective_from', 'currency', 'unit_cost'] },
  shipments: { shipments: ['shipment_id', 'sku', 'units', 'shipment_cost', 'currency', 'date'] },
  payouts: { payouts: ['date', 'marketplace', 'amount', 'received', 'currency'] },
  competitor_prices: { competitor_prices: ['asin', 'date', 'price'] },
  suppliers: { suppliers: ['supplier'] },
  purchase_orders: { purchase_orders: ['po_id', 'sku', 'quantity', 'ordered_date'] },
  batches: { batches: ['batch_id', 'sku', 'units'] },
  lead_times: { lead_times: ['supplier', 'sku', 'freight_mode', 'production_days', 'freight_days'] },
};

/** Columns that identify each kind (fewer than the required ones, so a missing required column is named). */
const signatures: Record<MasterKind, readonly string[]> = {
  products: ['sku', 'asin'], targets: ['kpi', 'target'], events: ['date', 'type'], costs: ['sku', 'unit_cost'],
  shipments: ['shipment_id', 'shipment_cost'], payouts: ['date', 'amount', 'received'],
  competitor_prices: ['asin', 'date', 'price'],
  suppliers: ['supplier', 'name'], purchase_orders: ['po_id', 'sku', 'quantity'], batches: ['batch_id', 'sku'],
  lead_times: ['supplier', 'sku', 'production_days'],
};

function masterFamily(kind: MasterKind): MasterDataFamily {
  const aliases = new AliasIndex(aliasesOf(kind));
  const required = requiredOf(kind);
  const tables = Object.keys(mustHave[kind]);
  return {
    type: `master_${kind}`, name: names[kind], format: 'table', masterData: kind,
    // master data is not dated, so nothing is replaced by date: the loader upserts by key instead
    writes: tables.map((table) => ({ table, dateFrom: 'NULL', dateTo: 'NULL' })),
    aliases, required, filled: filledOf(kind),
    detect: (header) => detectMaster(aliases, signatures[kind], header),
    read: (input, context) => readMaster(kind, input, context),
  };
}

/**
 * Claims a file when its required columns are there, and either a column only master data has is
 * there too or the file is narrow: a `sku,asin,fnsku,…` Amazon report must not pass for a products sheet.
 */
function detectMaster(aliases: AliasIndex, signature: readonly string[], header: readonly HeaderColumn[]): number | false {
  const columns = aliases.resolve(header);
  if (!signature.every((f) => columns.has(f))) return false;
  const own = [...columns.keys()].filter((f) => !['sku', 'asin', 'fnsku'].includes(f));
  const width = header.filter((c) => c.key !== '').length;
  // a small score: any Amazon report that recognises the header wins over a master-data reading of it
  return own.length > 0 || width <= 4 ? columns.size / 100 : false;
}

function readMaster(kind: MasterKind, { rows, fields }: TableInput, context: FamilyContext): FamilyOutput {
  const tables: Record<string, CanonicalRow[]> = Object.fromEntries(Object.keys(mustHave[kind]).map((t) => [t, []]));
  for (const source of rows) {
    const row = fields.row(source);
    for (const [table, value] of Object.entries(readers[kind](row, fields))) {
      if (!value) continue;
      const missing = (mustHave[kind][table] ?? []).filter((c) => value[c] === null || value[c] === undefined);
      if (missing.length > 0 && !fields.problems.some((p) => p.line === row.line)) {
        fields.problems.push(emptyCell(kind, missing[0] ?? '', row.line, context.file));
      }
      tables[table]?.push(value);
    }
  }
  return { rows: rows.length, tables, period: periodOf(kind, tables), evidence: {}, problems: fields.problems };
}

function emptyCell(kind: MasterKind, column: string, line: number, file: string): Problem {
  const field = column === 'date_from' ? 'date' : column;
  const header = masterColumns[kind].find((c) => c.field === field)?.en ?? field;
  return fileProblem('value_required', { line, column: header }, { code: 'missing_value', file, line, column: header });
}

/** Dated master data (events, costs) logs the days it covers; products and targets have none. */
function periodOf(kind: MasterKind, tables: Record<string, CanonicalRow[]>): FamilyOutput['period'] {
  const column = kind === 'events' ? 'date_from' : kind === 'costs' ? 'effective_from' : kind === 'shipments' || kind === 'payouts' || kind === 'competitor_prices' ? 'date'
    : kind === 'purchase_orders' ? 'ordered_date' : null;
  const days = column ? (tables[kind] ?? []).map((r) => r[column]).filter((d): d is string => typeof d === 'string').sort() : [];
  return days.length > 0 ? { from: days[0] ?? '', to: days[days.length - 1] ?? '' } : null;
}

function eventTypeOf(row: RowFields, fields: FieldReader): string | null {
  const text = row.text('type');
  if (text === null) return null;
  const type = text.toLowerCase().replace(/[\s-]+/g, '_');
  if ((eventTypes as readonly string[]).includes(type)) return type;
  fields.note(row.source, 'type', 'bad_value', { expected: { en: `an event type (${eventTypes.join(', ')})`, zh: `事件类型（${eventTypes.join('、')}）` } });
  return null;
}

/** volume, weight or units (体积/重量/数量); empty: volume when the row gives a volume, else weight, else units. */
function allocationOf(row: RowFields, fields: FieldReader): AllocationRule {
  const text = row.text('allocation')?.toLowerCase();
  if (!text) return row.decimal('unit_volume') !== null ? 'volume' : row.decimal('unit_weight') !== null ? 'weight' : 'units';
  const rule = (Object.keys(allocationRules) as AllocationRule[]).find((k) => (allocationRules[k] as readonly string[]).includes(text));
  if (rule) return rule;
  fields.note(row.source, 'allocation', 'bad_value', { expected: { en: 'an allocation rule (volume, weight or units)', zh: '分摊方式（体积、重量或数量）' } });
  return 'units';
}

/** sea, air, rail or express (海运、空运、铁路、快递); empty: unknown (null), refused where a lead time needs it. */
function freightModeOf(row: RowFields, fields: FieldReader): FreightMode | null {
  const text = row.text('freight_mode')?.toLowerCase();
  if (!text) return null;
  const mode = (Object.keys(freightModes) as FreightMode[]).find((k) => (freightModes[k] as readonly string[]).includes(text));
  if (mode) return mode;
  fields.note(row.source, 'freight_mode', 'bad_value', { expected: { en: 'a freight mode (sea, air, rail or express)', zh: '运输方式（海运、空运、铁路或快递）' } });
  return null;
}

function marketplaceOf(row: RowFields, fields: FieldReader): string | null {
  const text = row.text('marketplace');
  if (text === null) return null;
  const code = marketplaceByCode(text)?.code;
  if (code) return code;
  fields.note(row.source, 'marketplace', 'bad_value', { expected: { en: 'a marketplace code such as US, UK, DE', zh: '站点代码（如 US、UK、DE）' } });
  return null;
}

export const masterProducts = masterFamily('products');
export const masterTargets = masterFamily('targets');
export const masterEvents = masterFamily('events');
export const masterCosts = masterFamily('costs');
export const masterShipments = masterFamily('shipments');
export const masterPayouts = masterFamily('payouts');
export const masterCompetitorPrices = masterFamily('competitor_prices');
export const masterSuppliers = masterFamily('suppliers');
export const masterPurchaseOrders = masterFamily('purchase_orders');
export const masterBatches = masterFamily('batches');
export const masterLeadTimes = masterFamily('lead_times');
export const masterDataFamilies: readonly MasterDataFamily[] = [
  masterProducts, masterTargets, masterEvents, masterCosts, masterShipments, masterPayouts, masterCompetitorPrices,
  masterSuppliers, masterPurchaseOrders, masterBatches, masterLeadTimes,
];

import { addDays, daysBetween, forecastDemand } from '../analysis/demand-forecast.ts';
import { defaultRestockSettings, restockPlan, type RestockSettings } from '../analysis/restock.ts';
import { AsterismError } from '../domain/errors.ts';
import { say, type Texts } from '../domain/messages.ts';
import { lastDataDay, leadTimes, openOrders, receivedOrders, skuDemand, type LeadTimeRow, type OpenOrder, type ReceivedOrder, type RestockScope, type SkuDemand } from '../metrics/restock-inputs.ts';
import type { Database } from '../store/database.ts';

/**
 * What to order, when and why, per SKU × marketplace (issue 22). `rows` is the CLI contract's answer
 * (`asterism restock --json`); `details` (same order) says how each row was reached: the forecast method and
 * its error, the days left out, the supplier and freight mode, σd and σLT, MOQ and carton.
 */
export interface RestockRequest extends RestockScope {
  as_of?: string | undefined;
  service_level?: number | undefined;
  floor_weeks?: number | undefined;
  cycle_days?: number | undefined;
  freight_mode?: string | undefined;
  /** only rows with something to order */
  order_only?: boolean | undefined;
}

export interface RestockRow {
  sku: string;
  marketplace: string;
  velocity: number | null;
  forecast_daily: number | null;
  lead_time_days: number | null;
  safety_stock: number | null;
  reorder_point: number | null;
  available: number | null;
  inbound: number | null;
  on_order: number;
  order_quantity: number | null;
  order_by: string | null;
  reason: Texts & { code: string };
}

export interface RestockDetail {
  store: string;
  sku: string;
  marketplace: string;
  asin: string | null;
  forecast_method: 'seasonal' | 'trailing';
  seasonal_shape: number | null;
  forecast_error: number | null;
  counted_days: number;
  stockout_days: number;
  event_days: number;
  daily_sd: number | null;
  supplier: string | null;
  freight_mode: string | null;
  legs: { production: number; freight: number; inbound: number } | null;
  lead_time_sd_days: number | null;
  /** where σLT came from: the received POs (n ≥ 2), the lead-time sheet, or none (taken as 0) */
  lead_time_sd_source: 'received_orders' | 'lead_time_sheet' | 'none';
  moq: number | null;
  carton_quantity: number | null;
  snapshot_date: string | null;
}

export interface RestockAnswer {
  as_of: string | null;
  settings: RestockSettings;
  rows: RestockRow[];
  details: RestockDetail[];
}

/** Trailing days the velocity is measured over (four whole weeks). */
export const velocityWindow = 28;
/** Slowest first: a plan counts on the cheap mode unless the latest PO or the request names another. */
const modePreference = ['sea', 'rail', 'air', 'express'];

const round = (v: number | null, digits = 2) => (v === null ? null : Number(v.toFixed(digits)));

export async function restock(db: Database, request: RestockRequest): Promise<RestockAnswer> {
  const settings: RestockSettings = {
    serviceLevel: request.service_level ?? defaultRestockSettings.serviceLevel,
    floorWeeks: request.floor_weeks ?? defaultRestockSettings.floorWeeks,
    cycleDays: request.cycle_days ?? defaultRestockSettings.cycleDays,
  };
  if (!(settings.serviceLevel >= 0.5 && settings.serviceLevel <= 0.999)) {
    throw new AsterismError('bad_request', say('restock_bad_service_level', { value: String(settings.serviceLevel) }));
  }
  const asOf = request.as_of ?? (await lastDataDay(db, request.store));
  if (asOf === null) return { as_of: null, settings, rows: [], details: [] };
  // the day after the last data day is "today": the trailing window ends with the last day seen
  const today = request.as_of ? asOf : addDays(asOf, 1);
  // last year's windows and the backtest one window back reach 364 + 2 windows before today
  const since = addDays(today, -(364 + 3 * velocityWindow));
  const [demand, open, times, received] = await Promise.all([
    skuDemand(db, request, since, asOf), openOrders(db, request), leadTimes(db, request), receivedOrders(db, request),
  ]);
  const onOrder = allocateOpenOrders(demand, open);
  const rows: RestockRow[] = [];
  const details: RestockDetail[] = [];
  for (const sku of demand) {
    const { row: unordered, detail } = planOne(sku, today, settings, request, times, received, onOrder.get(sku) ?? 0);
    const row = inContractOrder(unordered);
    if (request.order_only && !(row.order_quantity && row.order_quantity > 0)) continue;
    rows.push(row);
    details.push(detail);
  }
  return { as_of: today, settings, rows, details };
}

/** The CLI contract's key order (cli.md `restock --json`). */
function inContractOrder(r: RestockRow): RestockRow {
  return {
    sku: r.sku, marketplace: r.marketplace, velocity: r.velocity, forecast_daily: r.forecast_daily, lead_time_days: r.lead_time_days,
    safety_stock: r.safety_stock, reorder_point: r.reorder_point, available: r.available, inbound: r.inbound, on_order: r.on_order,
    order_quantity: r.order_quantity, order_by: r.order_by, reason: r.reason,
  };
}

/** A PO line naming its marketplace counts there; one naming none counts where the SKU sells most (the largest velocity). */
function allocateOpenOrders(demand: readonly SkuDemand[], open: readonly OpenOrder[]): Map<SkuDemand, number> {
  const out = new Map<SkuDemand, number>();
  for (const line of open) {
    const candidates = demand.filter((d) => d.store === line.store && d.sku === line.sku && (line.marketplace === null || d.marketplace === line.marketplace));
    const target = line.marketplace === null
      ? candidates.sort((a, b) => units(b) - units(a))[0]
      : candidates[0];
    if (target) out.set(target, (out.get(target) ?? 0) + line.units);
  }
  return out;
}

const units = (d: SkuDemand) => d.days.reduce((s, x) => s + x.units, 0);

function chooseLeadTime(sku: SkuDemand, times: readonly LeadTimeRow[], received: readonly ReceivedOrder[], mode: string | undefined): LeadTimeRow | null {
  const own = times.filter((t) => t.store === sku.store && t.sku === sku.sku && (!mode || t.freight_mode === mode));
  const latestSupplier = [...received].reverse().find((r) => r.store === sku.store && r.sku === sku.sku)?.supplier;
  const bySupplier = own.filter((t) => t.supplier === latestSupplier);
  const pool = bySupplier.length ? bySupplier : own;
  return [...pool].sort((a, b) => modePreference.indexOf(a.freight_mode) - modePreference.indexOf(b.freight_mode))[0] ?? null;
}

/** σLT from the supplier's received PO lines of this SKU (ordered → received, at least 2), else the sheet's figure. */
function leadTimeSd(sku: SkuDemand, lead: LeadTimeRow, received: readonly ReceivedOrder[]): { sd: number | null; source: RestockDetail['lead_time_sd_source'] } {
  const days = received.filter((r) => r.store === sku.store && r.sku === sku.sku && r.supplier === lead.supplier).map((r) => daysBetween(r.ordered_date, r.received_date));
  if (days.length >= 2) {
    const mean = days.reduce((s, d) => s + d, 0) / days.length;
    return { sd: Math.sqrt(days.reduce((s, d) => s + (d - mean) ** 2, 0) / (days.length - 1)), source: 'received_orders' };
  }
  if (lead.lead_time_sd_days !== null) return { sd: lead.lead_time_sd_days, source: 'lead_time_sheet' };
  return { sd: null, source: 'none' };
}

function planOne(
  sku: SkuDemand, today: string, settings: RestockSettings, request: RestockRequest,
  times: readonly LeadTimeRow[], received: readonly ReceivedOrder[], onOrder: number,
): { row: RestockRow; detail: RestockDetail } {
  const lead = chooseLeadTime(sku, times, received, request.freight_mode);
  const leadTime = lead ? lead.production_days + lead.freight_days + (lead.inbound_days ?? 0) : null;
  const horizon = (leadTime ?? 0) + settings.cycleDays;
  const forecast = forecastDemand({ days: sku.days, stockoutDays: sku.stockoutDays, eventDays: sku.eventDays, firstDay: sku.firstDay }, today, velocityWindow, horizon);
  const sd = lead ? leadTimeSd(sku, lead, received) : { sd: null, source: 'none' as const };
  const available = sku.snapshot?.available ?? null;
  const inbound = sku.snapshot?.inbound ?? null;
  const base = {
    sku: sku.sku, marketplace: sku.marketplace, velocity: round(forecast.velocity), forecast_daily: round(forecast.forecast_daily),
    lead_time_days: leadTime, available, inbound, on_order: onOrder,
  };
  const detail: RestockDetail = {
    store: sku.store, sku: sku.sku, marketplace: sku.marketplace, asin: sku.asin, forecast_method: forecast.method,
    seasonal_shape: round(forecast.shape, 3), forecast_error: round(forecast.error, 3), counted_days: forecast.counted_days,
    stockout_days: forecast.stockout_days, event_days: forecast.event_days, daily_sd: round(forecast.sd),
    supplier: lead?.supplier ?? null, freight_mode: lead?.freight_mode ?? null,
    legs: lead ? { production: lead.production_days, freight: lead.freight_days, inbound: lead.inbound_days ?? 0 } : null,
    lead_time_sd_days: round(sd.sd), lead_time_sd_source: sd.source, moq: lead?.moq ?? null, carton_quantity: lead?.carton_quantity ?? null,
    snapshot_date: sku.snapshot?.date ?? null,
  };
  const unknown = { safety_stock: null, reorder_point: null, order_quantity: null, order_by: null };
  const daily = forecast.forecast_daily;
  if (daily === null || daily <= 0) {
    return { row: { ...base, ...unknown, reason: { code: 'no_sales', ...say('restock_no_sales', { window: velocityWindow }) } }, detail };
  }
  if (!lead || leadTime === null) {
    return { row: { ...base, ...unknown, reason: { code: 'no_lead_time', ...say('restock_no_lead_time') } }, detail };
  }
  // stock on hand unknown is not 0: no inventory snapshot, no plan
  if (available === null || inbound === null) {
    return { row: { ...base, ...unknown, reason: { code: 'no_inventory', ...say('restock_no_inventory') } }, detail };
  }
  const plan = restockPlan({
    asOf: today, daily, dailySd: forecast.sd, leadTime, leadTimeSd: sd.sd,
    available, inbound, onOrder, moq: lead.moq, carton: lead.carton_quantity,
  }, settings);
  const params = {
    position: plan.position, reorder_point: plan.reorder_point, lead_time: leadTime, daily: String(round(daily)),
    safety: plan.safety_stock, date: plan.order_by, cycle: settings.cycleDays,
  };
  const text = plan.reason === 'below_reorder_point' ? say('restock_below_reorder_point', params)
    : plan.reason === 'reorder_within_cycle' ? say('restock_within_cycle', params) : say('restock_covered', params);
  return {
    row: {
      ...base, safety_stock: plan.safety_stock, reorder_point: plan.reorder_point,
      order_quantity: plan.order_quantity, order_by: plan.order_by, reason: { code: plan.reason, ...text },
    },
    detail,
  };
}

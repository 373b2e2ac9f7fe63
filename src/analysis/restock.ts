import { addDays } from './demand-forecast.ts';

/**
 * The restock arithmetic of one SKU in one marketplace (issue 22, SPEC §6 "Inventory"): safety stock from a
 * service level, never below a floor of weeks of sales (the source's 6–8 weeks), reorder point, and the order
 * quantity that covers the lead time and one order cycle, rounded up to the MOQ and whole cartons.
 */
export interface RestockSettings {
  /** chance of not running out during a lead time, e.g. 0.95 */
  serviceLevel: number;
  /** safety stock is never below this many weeks of forecast sales */
  floorWeeks: number;
  /** days of sales one order covers beyond its lead time (how often purchasing orders) */
  cycleDays: number;
}

export const defaultRestockSettings: RestockSettings = { serviceLevel: 0.95, floorWeeks: 6, cycleDays: 30 };

export interface RestockInput {
  asOf: string;
  /** forecast units per day (d) */
  daily: number;
  /** σd, units per day; null is taken as 0 and said */
  dailySd: number | null;
  /** lead time in days, all legs: production + freight + FBA receiving (LT) */
  leadTime: number;
  /** σLT in days; null is taken as 0 */
  leadTimeSd: number | null;
  available: number;
  /** at or on its way to FBA (working, shipped, receiving): the FBA inbound leg */
  inbound: number;
  /** ordered from the supplier, not received yet */
  onOrder: number;
  moq: number | null;
  carton: number | null;
}

export type RestockReason = 'below_reorder_point' | 'reorder_within_cycle' | 'covered';

export interface RestockPlan {
  z: number;
  /** z·√(LT·σd² + d²·σLT²), before the floor */
  statistical_safety_stock: number;
  floor: number;
  safety_stock: number;
  reorder_point: number;
  position: number;
  order_quantity: number;
  order_by: string;
  reason: RestockReason;
}

/** The inverse of the standard normal CDF (Acklam's rational approximation, relative error below 1.15e-9). */
export function zOfServiceLevel(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`service level ${p} is not between 0 and 1`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) => (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** Safety stock z·√(LT·σd² + d²·σLT²): demand varying over the lead time, and the lead time itself varying. */
export function safetyStock(z: number, daily: number, dailySd: number, leadTime: number, leadTimeSd: number): number {
  return z * Math.sqrt(leadTime * dailySd ** 2 + daily ** 2 * leadTimeSd ** 2);
}

/** At least the MOQ, then up to whole cartons (a carton is not split); 0 stays 0. */
export function roundOrder(units: number, moq: number | null, carton: number | null): number {
  if (units <= 0) return 0;
  const atLeast = Math.max(Math.ceil(units), moq ?? 0);
  return carton && carton > 1 ? Math.ceil(atLeast / carton) * carton : atLeast;
}

export function restockPlan(input: RestockInput, settings: RestockSettings = defaultRestockSettings): RestockPlan {
  const z = zOfServiceLevel(settings.serviceLevel);
  const d = input.daily;
  const statistical = safetyStock(z, d, input.dailySd ?? 0, input.leadTime, input.leadTimeSd ?? 0);
  const floor = settings.floorWeeks * 7 * d;
  // whole units, rounded up: a fraction of a unit of cover is a unit to hold
  const safety = Math.ceil(Math.max(statistical, floor) - 1e-9);
  const reorderPoint = Math.ceil(d * input.leadTime + safety - 1e-9);
  const position = input.available + input.inbound + input.onOrder;
  // order up to the reorder point plus one cycle's sales; ordered now, the cycle starts when it would be needed
  const need = reorderPoint + d * settings.cycleDays - position;
  const daysLeft = d > 0 ? Math.max(0, Math.floor((position - reorderPoint) / d)) : Number.POSITIVE_INFINITY;
  const reason: RestockReason = position <= reorderPoint ? 'below_reorder_point' : need > 0 ? 'reorder_within_cycle' : 'covered';
  return {
    z, statistical_safety_stock: statistical, floor, safety_stock: safety, reorder_point: reorderPoint, position,
    order_quantity: roundOrder(need, input.moq, input.carton),
    order_by: Number.isFinite(daysLeft) ? addDays(input.asOf, daysLeft) : addDays(input.asOf, 3650),
    reason,
  };
}

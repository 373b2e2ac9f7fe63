/**
 * Returns and bad reviews traced to a production batch (issue 22), by FIFO over receipts: FBA sells the oldest
 * received units first, so the n-th unit sold after the first batch arrived belongs to the batch whose received
 * units cover n. A return belongs to the batch of its order; a 1–2 star review to the batch on sale the day it
 * was written. Units sold before the first batch arrived came from stock no batch names: left out.
 */
export interface BatchReceipt {
  batch_id: string;
  units: number;
  /** the day its units became sellable (FBA received); a batch without one is not counted */
  received_date: string;
}

export interface SoldLine {
  order_id: string;
  date: string;
  units: number;
}

export interface ReturnLine {
  order_id: string | null;
  units: number;
  reason: string | null;
  disposition: string | null;
}

export interface ReviewLine {
  date: string;
  rating: number;
}

/** Return reasons and dispositions that point at the product, not the shopper (FBA customer returns report codes). */
export const defectReasons: readonly string[] = ['DEFECTIVE', 'QUALITY_UNACCEPTABLE', 'MISSING_PARTS', 'NOT_AS_DESCRIBED', 'DAMAGED_BY_MANUFACTURER'];
export const defectDispositions: readonly string[] = ['DEFECTIVE'];

/**
 * The rule for a bad batch, as data: its return rate at least `ratio` × the SKU's usual, on at least `minReturns`
 * returned units, and more than chance would give: with returns counted as Poisson (expected = sold × the usual
 * rate), the chance of that many or more is below `maxChance`. A catalogue has hundreds of batches, so the bar is
 * low enough that noise across them is not called bad (1 in 10 000).
 */
export const badBatchRule = { ratio: 2, minReturns: 5, maxChance: 1e-4 } as const;

/** P(X ≥ k) for X ~ Poisson(λ). */
export function poissonTail(k: number, lambda: number): number {
  let term = Math.exp(-lambda);
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += term;
    term *= lambda / (i + 1);
  }
  return Math.max(0, 1 - below);
}

export interface BatchQuality {
  batch_id: string;
  received_date: string;
  units: number;
  sold_units: number;
  first_sale: string | null;
  last_sale: string | null;
  returned_units: number;
  defect_units: number;
  return_rate: number | null;
  low_star_reviews: number;
  /** the batch's return rate ÷ the SKU's usual one (its other batches'); null when they returned nothing */
  vs_sku: number | null;
  bad: boolean;
}

export interface SkuBatches {
  batches: BatchQuality[];
  sku_return_rate: number | null;
  /** returns whose order is not among the batched sales (sold before the first batch, or no order on file) */
  unmatched_returns: number;
  /** units sold after every batch ran out (a receipt missing from the batch sheet) */
  unbatched_units: number;
}

export function traceBatches(receipts: readonly BatchReceipt[], sales: readonly SoldLine[], returns: readonly ReturnLine[], reviews: readonly ReviewLine[]): SkuBatches {
  const batches = [...receipts].sort((a, b) => a.received_date.localeCompare(b.received_date) || a.batch_id.localeCompare(b.batch_id));
  const first = batches[0]?.received_date;
  const out: BatchQuality[] = batches.map((b) => ({
    batch_id: b.batch_id, received_date: b.received_date, units: b.units, sold_units: 0, first_sale: null, last_sale: null,
    returned_units: 0, defect_units: 0, return_rate: null, low_star_reviews: 0, vs_sku: null, bad: false,
  }));
  const orderBatch = new Map<string, number>();
  /** [date, batch index] of each day's last unit: the batch on sale then */
  const onSale: [string, number][] = [];
  let cursor = 0;
  let leftInBatch = batches[0]?.units ?? 0;
  let unbatched = 0;
  for (const line of [...sales].sort((a, b) => a.date.localeCompare(b.date) || a.order_id.localeCompare(b.order_id))) {
    if (first === undefined || line.date < first) continue;
    let units = line.units;
    while (units > 0) {
      // the next batch is sellable only once received: until then the current one oversells into "unbatched"
      while (leftInBatch <= 0 && cursor + 1 < batches.length && (batches[cursor + 1]?.received_date ?? '') <= line.date) {
        cursor++;
        leftInBatch = batches[cursor]?.units ?? 0;
      }
      if (leftInBatch <= 0) {
        unbatched += units;
        break;
      }
      const take = Math.min(units, leftInBatch);
      const batch = out[cursor];
      if (batch) {
        batch.sold_units += take;
        batch.first_sale ??= line.date;
        batch.last_sale = line.date;
      }
      if (!orderBatch.has(line.order_id)) orderBatch.set(line.order_id, cursor);
      leftInBatch -= take;
      units -= take;
    }
    onSale.push([line.date, cursor]);
  }
  let unmatched = 0;
  for (const r of returns) {
    const at = r.order_id === null ? undefined : orderBatch.get(r.order_id);
    const batch = at === undefined ? undefined : out[at];
    if (!batch) {
      unmatched += r.units;
      continue;
    }
    batch.returned_units += r.units;
    if ((r.reason && defectReasons.includes(r.reason)) || (r.disposition && defectDispositions.includes(r.disposition))) batch.defect_units += r.units;
  }
  for (const review of reviews) {
    if (review.rating > 2) continue;
    const sale = [...onSale].reverse().find(([date]) => date <= review.date);
    const batch = sale ? out[sale[1]] : undefined;
    if (batch) batch.low_star_reviews++;
  }
  const sold = out.reduce((s, b) => s + b.sold_units, 0);
  const returned = out.reduce((s, b) => s + b.returned_units, 0);
  const skuRate = sold > 0 ? returned / sold : null;
  for (const b of out) {
    b.return_rate = b.sold_units > 0 ? b.returned_units / b.sold_units : null;
    const otherSold = sold - b.sold_units;
    const usual = otherSold > 0 ? (returned - b.returned_units) / otherSold : null;
    b.vs_sku = b.return_rate !== null && usual ? b.return_rate / usual : null;
    const expected = usual === null ? null : b.sold_units * usual;
    b.bad = b.vs_sku !== null && expected !== null && b.vs_sku >= badBatchRule.ratio && b.returned_units >= badBatchRule.minReturns
      && poissonTail(b.returned_units, expected) < badBatchRule.maxChance;
  }
  return { batches: out, sku_return_rate: skuRate, unmatched_returns: unmatched, unbatched_units: unbatched };
}

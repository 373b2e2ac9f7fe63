import { daysBetween } from './demand-forecast.ts';

/**
 * A supplier's record from its received PO lines (issue 22): on-time delivery rate (received on or before the
 * promised day, among lines with a promise), lead time (ordered → received) mean and sample variance, and the
 * fulfilment rate (units received ÷ units ordered, lines whose received quantity is known).
 */
export interface PoLine {
  supplier: string | null;
  sku: string;
  ordered_date: string;
  promised_date: string | null;
  received_date: string | null;
  quantity: number;
  received_quantity: number | null;
}

export interface SupplierScore {
  supplier: string;
  lines: number;
  received_lines: number;
  open_lines: number;
  /** received lines with a promised day */
  promised_lines: number;
  late_lines: number;
  /** null without a received line that had a promise */
  on_time_rate: number | null;
  /** mean days late of the late lines */
  mean_days_late: number | null;
  lead_time_mean: number | null;
  lead_time_variance: number | null;
  ordered_units: number;
  received_units: number;
  fulfilment_rate: number | null;
}

export function supplierScores(lines: readonly PoLine[]): SupplierScore[] {
  const bySupplier = new Map<string, PoLine[]>();
  for (const line of lines) {
    const key = line.supplier ?? '';
    bySupplier.set(key, [...(bySupplier.get(key) ?? []), line]);
  }
  return [...bySupplier.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([supplier, own]) => {
    const received = own.filter((l): l is PoLine & { received_date: string } => l.received_date !== null);
    const promised = received.filter((l) => l.promised_date !== null);
    const lateBy = promised.map((l) => daysBetween(l.promised_date ?? l.received_date, l.received_date)).filter((d) => d > 0);
    const leadTimes = received.map((l) => daysBetween(l.ordered_date, l.received_date));
    const mean = leadTimes.length ? leadTimes.reduce((s, d) => s + d, 0) / leadTimes.length : null;
    const variance = mean !== null && leadTimes.length >= 2 ? leadTimes.reduce((s, d) => s + (d - mean) ** 2, 0) / (leadTimes.length - 1) : null;
    const counted = received.filter((l) => l.received_quantity !== null);
    const ordered = counted.reduce((s, l) => s + l.quantity, 0);
    const got = counted.reduce((s, l) => s + (l.received_quantity ?? 0), 0);
    return {
      supplier, lines: own.length, received_lines: received.length, open_lines: own.length - received.length,
      promised_lines: promised.length, late_lines: lateBy.length,
      on_time_rate: promised.length ? (promised.length - lateBy.length) / promised.length : null,
      mean_days_late: lateBy.length ? lateBy.reduce((s, d) => s + d, 0) / lateBy.length : null,
      lead_time_mean: mean, lead_time_variance: variance,
      ordered_units: ordered, received_units: got, fulfilment_rate: ordered > 0 ? got / ordered : null,
    };
  });
}

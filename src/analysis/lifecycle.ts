import { daysBetween } from '../domain/calendar.ts';
import type { Tier } from './benchmark-table.ts';

/** A listing is new for its first 90 days of sales (SPEC §4). */
export const newListingDays = 90;
/** In its first 30 days a listing is judged on CTR and cart-add rate first (the seeds' advice). */
export const firstMonthDays = 30;

export interface LifecycleFacts {
  /** the ASIN's first sale, `YYYY-MM-DD`; null when it has never sold */
  firstSaleDate: string | null;
  periodStart: string;
  /** the tier in the master data; only `clearance` is a choice, new and mature follow from the dates */
  markedTier?: string | null;
}

/** Days from the first sale to the period's start; negative when the first sale falls inside the period. */
export function daysSinceFirstSale(firstSaleDate: string | null, periodStart: string): number | null {
  return firstSaleDate ? daysBetween(firstSaleDate, periodStart) : null;
}

/** clearance when marked; new when the first sale is less than 90 days before the period (or none yet); else mature. */
export function lifecycleTier(facts: LifecycleFacts): Tier {
  if (facts.markedTier?.trim().toLowerCase() === 'clearance') return 'clearance';
  const days = daysSinceFirstSale(facts.firstSaleDate, facts.periodStart);
  return days === null || days < newListingDays ? 'new' : 'mature';
}

/** True when the period starts less than 30 days after the first sale; false when that is unknown. */
export function inFirst30Days(days: number | null): boolean {
  return days !== null && days < firstMonthDays;
}

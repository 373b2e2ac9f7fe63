/**
 * Events as confounders (SPEC §4): a coupon, deal, price, image or title change, stock-out, Buy Box
 * drop, competitor price cut or ad spend jump in a finding's window, so correlation is not sold as cause.
 */
export interface ConfounderEvent {
  date: string;
  /** empty or null: the event lasts its one day */
  end_date: string | null;
  type: string;
  asin?: string | null;
  marketplace?: string | null;
  store?: string | null;
  /** as typed, or a detected event's note in both languages */
  note?: string | { zh: string; en: string } | null;
  origin?: string;
}

export interface DateWindow {
  from: string;
  to: string;
}

/** The finding's scope: an event concerns it when each of the event's own keys (if set) matches the scope's (if set). */
export interface EventScope {
  asin?: string | null;
  marketplace?: string | null;
  store?: string | null;
}

const set = (v: string | null | undefined): v is string => v != null && v.trim() !== '';

function concerns(event: ConfounderEvent, scope: EventScope): boolean {
  const keys = ['asin', 'marketplace', 'store'] as const;
  return keys.every((k) => {
    const e = event[k];
    const s = scope[k];
    return !set(e) || !set(s) || e.trim().toUpperCase() === s.trim().toUpperCase();
  });
}

/**
 * The events overlapping the window (dates inclusive; `YYYY-MM-DD` compares as text), in date order.
 * An event for one ASIN is listed for a wider scope (a marketplace, a store) too: it may explain part of it.
 */
export function eventsInWindow<E extends ConfounderEvent>(events: readonly E[], window: DateWindow, scope: EventScope = {}): E[] {
  return events
    .filter((e) => {
      const end = set(e.end_date) ? e.end_date : e.date;
      return e.date <= window.to && end >= window.from && concerns(e, scope);
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type));
}

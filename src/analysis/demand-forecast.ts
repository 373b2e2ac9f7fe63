/**
 * Daily demand of one SKU in one marketplace (issue 22): velocity that leaves stock-out and event days out, a
 * forecast from last year's shape where a year of history exists (else the trailing rate), and the forecast's
 * error on past data. Days are whole local days as `YYYY-MM-DD`; a day with no row sold nothing.
 */
export interface DemandDay {
  date: string;
  units: number;
}

export interface DemandHistory {
  /** units sold per day (days with no sale may be absent) */
  days: readonly DemandDay[];
  /** days with 0 available: what sold then says nothing of demand */
  stockoutDays: ReadonlySet<string>;
  /** deal, coupon, Prime Day days: a spike a plain rate must not repeat every day */
  eventDays: ReadonlySet<string>;
  /** the first day the SKU could have sold (its first sale or snapshot): days before it are no history */
  firstDay: string | null;
}

export interface Velocity {
  /** mean units per counted day; null when no day in the window counts */
  velocity: number | null;
  /** sample standard deviation of the counted days' units (σd); null below 2 counted days */
  sd: number | null;
  counted_days: number;
  stockout_days: number;
  event_days: number;
}

export type ForecastMethod = 'seasonal' | 'trailing';

export interface Forecast extends Velocity {
  forecast_daily: number | null;
  method: ForecastMethod;
  /** last year's units per day over the horizon ÷ over the trailing window (seasonal only) */
  shape: number | null;
  /** |forecast − actual| ÷ actual of the same method one window back, on the window just past; null without it */
  error: number | null;
}

export const dayMs = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** Velocity over the `window` days before `until` (exclusive): stock-out and event days, and days before the first, left out. */
export function velocityOf(history: DemandHistory, until: string, window: number): Velocity {
  const sold = new Map(history.days.map((d) => [d.date, d.units]));
  const counted: number[] = [];
  let stockouts = 0;
  let events = 0;
  for (let i = window; i >= 1; i--) {
    const day = addDays(until, -i);
    if (history.firstDay === null || day < history.firstDay) continue;
    if (history.stockoutDays.has(day)) stockouts++;
    else if (history.eventDays.has(day)) events++;
    else counted.push(sold.get(day) ?? 0);
  }
  const n = counted.length;
  const mean = n > 0 ? counted.reduce((s, u) => s + u, 0) / n : null;
  const sd = mean !== null && n >= 2 ? Math.sqrt(counted.reduce((s, u) => s + (u - mean) ** 2, 0) / (n - 1)) : null;
  return { velocity: mean, sd, counted_days: n, stockout_days: stockouts, event_days: events };
}

/**
 * The daily rate expected over the `horizon` days from `asOf`: the trailing velocity, times last year's shape
 * (its rate over the same horizon ÷ its rate over the same trailing window) when the history reaches back a year
 * before that window. Last year's stock-out and event days are left out of the shape the same way.
 */
export function forecastAt(history: DemandHistory, asOf: string, window: number, horizon: number): Omit<Forecast, 'error'> {
  const now = velocityOf(history, asOf, window);
  const lastYear = addDays(asOf, -364); // 52 weeks: the same weekdays
  const reaches = history.firstDay !== null && history.firstDay <= addDays(lastYear, -window);
  if (reaches && now.velocity !== null) {
    const before = velocityOf(history, lastYear, window).velocity;
    const after = velocityOf(history, addDays(lastYear, horizon), horizon).velocity;
    if (before !== null && before > 0 && after !== null) {
      const shape = after / before;
      return { ...now, forecast_daily: now.velocity * shape, method: 'seasonal', shape };
    }
  }
  return { ...now, forecast_daily: now.velocity, method: 'trailing', shape: null };
}

/** The forecast for `horizon` days from `asOf`, and its error when the same method is run one window back. */
export function forecastDemand(history: DemandHistory, asOf: string, window: number, horizon: number): Forecast {
  const forecast = forecastAt(history, asOf, window, horizon);
  const past = forecastAt(history, addDays(asOf, -window), window, window);
  const actual = velocityOf(history, asOf, window).velocity;
  const error = past.forecast_daily !== null && actual !== null && actual > 0 && past.counted_days > 0
    ? Math.abs(past.forecast_daily - actual) / actual : null;
  return { ...forecast, error };
}

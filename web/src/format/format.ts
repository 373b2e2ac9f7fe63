import { currencyExponent } from '../../../src/domain/currencies.ts';
import type { Metric } from '../api/types.ts';

/**
 * Numbers as the catalog says to show them: its `format` (int, dec1, dec2, pct1, pct2, money) and,
 * for money, the row's currency. The browser only formats: every value comes computed from the API.
 * In Chinese, large amounts read in 万 / 亿 (Intl's compact notation for zh-CN).
 */
export type Lang = 'zh-CN' | 'en';

const WAN = 10_000;

export function formatNumber(value: number | null | undefined, format: string, lang: Lang, currency?: string, exact = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  // `exact`: every digit (a headline card's title and screen-reader text), never 万
  const compact = !exact && lang === 'zh-CN' && Math.abs(value) >= WAN;
  const base: Intl.NumberFormatOptions = compact ? { notation: 'compact', maximumFractionDigits: 2 } : {};
  switch (format) {
    case 'pct1':
    case 'pct2':
      return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: format === 'pct1' ? 1 : 2, maximumFractionDigits: format === 'pct1' ? 1 : 2 }).format(value);
    case 'money':
      if (!currency) return new Intl.NumberFormat(lang, { ...base, maximumFractionDigits: 2 }).format(value);
      {
        // the currency's own digits (ISO 4217 table, src/domain/currencies.ts: JPY 0, USD 2, KWD 3), not the browser's
        const digits = currencyExponent(currency);
        const exact = compact ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
        return new Intl.NumberFormat(lang, { ...base, ...exact, style: 'currency', currency }).format(value);
      }
    case 'dec1':
    case 'dec2': {
      const digits = format === 'dec1' ? 1 : 2;
      return new Intl.NumberFormat(lang, compact ? base : { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
    }
    default:
      // counts are whole, but 14,642 in 万 is 1.46万, not 1万
      return new Intl.NumberFormat(lang, compact ? base : { maximumFractionDigits: 0 }).format(value);
  }
}

/** From here a headline figure is compact: 1万 in Chinese (as everywhere in zh), 100,000 in English ($99,999.50 still fits a card). */
const HEADLINE_COMPACT_FROM: Record<Lang, number> = { 'zh-CN': WAN, en: 100_000 };

/**
 * A headline card's figure (issue 27): compact so it never overflows its card ($43.1M in English, Intl's K/M/B with 3
 * significant digits; US$4312万 in Chinese, 万/亿 with 4), and the exact value, every digit, for its title and screen readers.
 * Rates and small figures are the same both ways.
 */
export function headlineFigure(value: number | null | undefined, format: string, lang: Lang, currency?: string): { short: string; exact: string } {
  const exact = formatNumber(value, format, lang, currency, true);
  if (value === null || value === undefined || !Number.isFinite(value) || format.startsWith('pct') || Math.abs(value) < HEADLINE_COMPACT_FROM[lang]) {
    return { short: formatNumber(value, format, lang, currency), exact };
  }
  const digits: Intl.NumberFormatOptions = { notation: 'compact', maximumSignificantDigits: lang === 'zh-CN' ? 4 : 3 };
  const short = new Intl.NumberFormat(lang, format === 'money' && currency ? { ...digits, style: 'currency', currency } : digits).format(value);
  return { short, exact };
}

export function formatMetric(metric: Pick<Metric, 'format'> | undefined, value: number | null | undefined, lang: Lang, currency?: string): string {
  return formatNumber(value, metric?.format ?? 'dec2', lang, currency);
}

/** Good, bad or neutral for the metric: the catalog's `direction` (lower ACoS is good). */
export type Tone = 'good' | 'bad' | 'flat';

export function changeTone(direction: string | undefined, delta: number | null): Tone {
  if (delta === null || delta === 0 || direction === 'neutral' || direction === undefined) return 'flat';
  const up = delta > 0;
  return (direction === 'higher') === up ? 'good' : 'bad';
}

export function metricName(metric: Pick<Metric, 'name_zh' | 'name_en' | 'id'> | undefined, lang: Lang, fallback = ''): string {
  if (!metric) return fallback;
  return lang === 'zh-CN' ? metric.name_zh : metric.name_en;
}

/**
 * A change as the server computed it (`/api/query?compare=`): a ratio by its difference in
 * percentage points, everything else relative. Only formatted here, never computed.
 */
export function formatServerChange(change: number | null, basis: 'difference' | 'relative' | undefined, lang: Lang): string {
  if (change === null || basis === undefined) return '—';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  if (basis === 'difference') return `${sign}${new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(Math.abs(change) * 100)} pp`;
  return `${sign}${new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(Math.abs(change))}`;
}

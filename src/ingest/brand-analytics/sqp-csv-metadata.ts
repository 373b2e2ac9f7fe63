import type { HeaderColumn } from '../header.ts';

/**
 * The console CSV's first line: `ASIN or Product=["B08MWWJ3HG"],Reporting Range=["Weekly"],
 * Select week=["Week 5 | 2026-01-25 - 2026-01-31 2026"]` (Brand View: `Brand=[…]`; some exports
 * start with `Marketplace=["ATVPDKIKX0DER"]`).
 */
export interface SqpMetadata {
  asins: string[];
  brand: string | null;
  marketplaceIds: string[];
  from: string | null;
  to: string | null;
}

const entry = /([A-Za-z][A-Za-z ]*?)\s*=\s*\[([^\]]*)\]/g;

export function isMetadataLine(header: readonly HeaderColumn[]): boolean {
  return /^(asin or product|brand|marketplace)\s*=\s*\[/i.test(header[0]?.original ?? '');
}

export function readMetadata(header: readonly HeaderColumn[]): SqpMetadata {
  const line = header.map((c) => c.original).join(',');
  const values = new Map<string, string[]>();
  for (const m of line.matchAll(entry)) {
    const list = [...(m[2] ?? '').matchAll(/"([^"]*)"/g)].map((q) => (q[1] ?? '').trim()).filter(Boolean);
    values.set((m[1] ?? '').trim().toLowerCase(), list);
  }
  const period = [...values.entries()].find(([key]) => key.startsWith('select'))?.[1].join(' ') ?? '';
  const range = /(\d{4}-\d{2}-\d{2})\s*-\s*(\d{4}-\d{2}-\d{2})/.exec(period);
  return {
    asins: values.get('asin or product') ?? values.get('asin') ?? [],
    brand: values.get('brand')?.[0] ?? null,
    marketplaceIds: values.get('marketplace') ?? [],
    from: range?.[1] ?? null,
    to: range?.[2] ?? null,
  };
}

import type { Command } from 'commander';

/** The filters every metric command takes (CLI contract: "same filters"), declared once. */
export interface ScopeOptions {
  by?: string[];
  from?: string;
  to?: string;
  store?: string;
  marketplace?: string;
  asin?: string;
  sku?: string;
  json?: boolean;
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').filter(Boolean)];

export function withScope(command: Command, byHelp: string): Command {
  return command
    .option('--by <dimension>', byHelp, collect)
    .option('--from <date>', 'first day, YYYY-MM-DD (marketplace-local)')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--store <name>', 'one store')
    .option('--marketplace <code>', 'one marketplace: US, UK, DE, JP …')
    .option('--asin <asin>', 'one child ASIN')
    .option('--sku <sku>', 'one seller SKU')
    .option('--json', 'print JSON');
}

/** The filters given, without the ones left out (so optional fields stay absent). */
export function scopeOf(o: ScopeOptions): { by?: string[]; from?: string; to?: string; store?: string; marketplace?: string; asin?: string; sku?: string } {
  return Object.fromEntries(
    Object.entries({ by: o.by, from: o.from, to: o.to, store: o.store, marketplace: o.marketplace, asin: o.asin, sku: o.sku }).filter(([, v]) => v !== undefined),
  );
}

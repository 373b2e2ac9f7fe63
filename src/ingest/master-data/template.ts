import { masterColumns, type MasterKind } from './columns.ts';

/**
 * A master-data template as CSV text: the header row in the seller's language and one example
 * row (for `asterism kpi targets template --lang zh|en --out FILE` and the like). UTF-8 with a BOM
 * so that Excel opens the Chinese headers correctly.
 */
export function masterDataTemplate(kind: MasterKind, lang: 'zh' | 'en'): string {
  const columns = masterColumns[kind];
  const header = columns.map((c) => csvCell(lang === 'zh' ? c.zh : c.en));
  const example = columns.map((c) => csvCell(c.example));
  return `\uFEFF${header.join(',')}\r\n${example.join(',')}\r\n`;
}

export const masterDataKinds: readonly MasterKind[] = ['products', 'targets', 'events', 'costs', 'shipments', 'payouts', 'competitor_prices',
  'suppliers', 'purchase_orders', 'batches', 'lead_times'];

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

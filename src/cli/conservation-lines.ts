import type { FileResult } from '../ingest/index.ts';

/**
 * `asterism import` (table output): for each payments file, one line saying that its profit categories sum to its
 * total to the cent, or the difference, and how many lines no rule classifies (counted in other fees) — en / zh.
 */
export function conservationLines(files: readonly FileResult[]): string[] {
  const lines: string[] = [];
  for (const f of files) {
    for (const [currency, c] of Object.entries(f.conservation ?? {})) {
      const unclassified = c.unclassified_lines > 0
        ? `; ${c.unclassified_lines} unclassified line(s), ${c.categories.unclassified ?? '0'} ${currency}, counted in other fees / ${c.unclassified_lines} 行未分类（计入其他费用）`
        : '';
      lines.push(c.conserved
        ? `${f.file}: the profit categories sum to the file's total ${c.total} ${currency} to the cent / 各利润类别之和等于文件总额${unclassified}`
        : `${f.file}: the profit categories miss ${c.difference} ${currency} of the file's total ${c.total} ${currency} / 各利润类别之和与文件总额相差 ${c.difference} ${currency}${unclassified}`);
    }
  }
  return lines;
}

import { say, type Lang } from '../domain/messages.ts';
import type { FileResult } from '../ingest/index.ts';

/**
 * `asterism import` (table output): for each payments file, one line saying that its profit categories sum to its
 * total to the cent, or the difference, and how many lines no rule classifies (counted in other fees).
 */
export function conservationLines(files: readonly FileResult[], lang: Lang): string[] {
  const lines: string[] = [];
  for (const f of files) {
    for (const [currency, c] of Object.entries(f.conservation ?? {})) {
      const unclassified = c.unclassified_lines > 0
        ? say('unclassified_counted', { count: c.unclassified_lines, amount: c.categories.unclassified ?? '0', currency })[lang]
        : '';
      const sum = c.conserved
        ? say('money_conserved', { file: f.file, total: c.total, currency })
        : say('money_not_conserved', { file: f.file, difference: c.difference, total: c.total, currency });
      lines.push(`${sum[lang]}${unclassified}`);
    }
  }
  return lines;
}

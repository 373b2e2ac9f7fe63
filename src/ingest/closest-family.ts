import type { TableFamily } from './family.ts';
import { readHeader, type HeaderColumn } from './header.ts';
import { reportFamilies } from './registry.ts';
import type { SourceRow } from './table.ts';

/** Fewer columns in common than this and no family is named: two shared names (`Date`, `SKU`) say little. */
const fewestShared = 3;
/** How many columns of each kind a refusal quotes; the rest are counted. */
const shownColumns = 5;

/**
 * The family an unrecognised header looks most like, and the columns that differ (issue 26: "a refusal
 * names the family it looks closest to and the columns that differ").
 */
export interface ClosestFamily {
  family: TableFamily;
  line: number;
  /** the header's columns the family knows */
  shared: number;
  /** the family's columns the header lacks, in the family's first (English) spelling */
  lacking: string[];
  /** the header's columns the family does not read, as written */
  unknown: string[];
}

/**
 * Among the header candidates (the first `end` rows), the family whose alias table knows the most columns of
 * one row; ties go to the family missing fewer required columns. Lacking: the required columns the row
 * lacks, or, when it has them all (its detect wanted a column that tells it apart), the family's other columns.
 */
export function closestFamily(rows: readonly SourceRow[], end: number): ClosestFamily | undefined {
  let best: { closest: ClosestFamily; missingRequired: number } | undefined;
  for (const row of rows.slice(0, end)) {
    const header = readHeader(row.cells).filter((c) => c.key !== '');
    if (header.length < fewestShared) continue;
    for (const family of reportFamilies) {
      if (family.format !== 'table') continue;
      const columns = family.aliases.resolve(header);
      if (columns.size < fewestShared) continue;
      const missingRequired = family.required.filter((f) => !columns.has(f)).length;
      if (best && (columns.size < best.closest.shared || (columns.size === best.closest.shared && missingRequired >= best.missingRequired))) continue;
      best = { missingRequired, closest: { family, line: row.line, shared: columns.size, lacking: lackingOf(family, columns), unknown: unknownOf(family, header) } };
    }
  }
  return best?.closest;
}

function lackingOf(family: TableFamily, columns: ReadonlyMap<string, HeaderColumn>): string[] {
  const required = family.required.filter((f) => !columns.has(f));
  const lacking = required.length > 0 ? required : Object.keys(family.aliases.aliases).filter((f) => !columns.has(f));
  return lacking.map((f) => family.aliases.aliases[f]?.[0] ?? f);
}

function unknownOf(family: TableFamily, header: readonly HeaderColumn[]): string[] {
  return header.filter((c) => family.aliases.fieldOf(c.key) === undefined).map((c) => c.original);
}

/** `"a", "b" (+3)`: the first few names quoted, the rest counted; `—` for none */
export function quotedColumns(names: readonly string[]): string {
  if (names.length === 0) return '—';
  const more = names.length > shownColumns ? ` (+${names.length - shownColumns})` : '';
  return names.slice(0, shownColumns).map((n) => `"${n}"`).join(', ') + more;
}

import { conservationOf, type Conservation } from '../domain/money-conservation.ts';
import { marketplaceByCode } from '../domain/marketplaces.ts';
import type { FamilyOutput, ReportFamily } from './family.ts';

/**
 * The import result's `conservation` (issue 26): for a file of transaction lines (payments, settlement), per
 * currency, the file's total, what each profit category holds and the difference. Other families: no field.
 */
export function conservationField(family: ReportFamily, output: FamilyOutput, marketplace: string): { conservation?: Record<string, Conservation> } {
  if (!family.writes.some((w) => w.table === 'transactions')) return {};
  return { conservation: conservationOf(output.tables.transactions ?? [], marketplaceByCode(marketplace)?.currency ?? null) };
}

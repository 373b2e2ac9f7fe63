import { problemOf, type Problem } from '../domain/errors.ts';
import type { Texts } from '../domain/messages.ts';
import { adTypesOfCampaigns } from '../store/ad-campaigns.ts';
import type { Database } from '../store/database.ts';
import type { AdType } from './ads-common/ad-levels.ts';
import { adTypeMessages } from './ads-common/ad-type-messages.ts';
import { consoleAdTypes, consoleReportType } from './ads-console/families.ts';
import type { BulkPlan } from './bulk-plan.ts';
import type { FamilyOutput, ImportOptions, ReportFamily, TableFamily } from './family.ts';
import type { HeaderColumn } from './header.ts';
import { familyByType } from './registry.ts';
import type { SourceRow } from './table.ts';

/**
 * The import step's half of "ad type by content, never a guess" (issue 14). The content decides
 * first (src/ingest/ads-console/ad-type.ts, pure); where it leaves more than one ad product and no
 * `--ad-type` was given, the campaigns decide only when every campaign of the file is already known
 * for the store and marketplace, all under the same one of those ad products. Otherwise the file is
 * refused asking for `--ad-type`: a wrong guess would replace another ad type's rows.
 * Both the rows path (import-files.ts) and the large-file path (import-large.ts) decide through here.
 */
interface Where {
  store: string;
  marketplace: string;
  file: string;
}

/** The one ad product the known campaigns leave, or the refusal asking for `--ad-type`. */
export async function adTypeOfKnownCampaigns(db: Database, open: readonly AdType[], campaigns: readonly string[], where: Where): Promise<AdType | Problem> {
  const known = await adTypesOfCampaigns(db, where.store, where.marketplace, campaigns);
  const types = new Set<AdType>();
  let allKnown = campaigns.length > 0;
  for (const campaign of campaigns) {
    const under = (known.get(campaign) ?? []).filter((t): t is AdType => (open as readonly string[]).includes(t));
    if (under.length === 0) allKnown = false;
    under.forEach((t) => types.add(t));
  }
  const [only] = types;
  if (allKnown && types.size === 1 && only) return only;
  return problemOf(adTypeMessages.open(open, where.store, where.marketplace), { code: 'ad_type_unclear', severity: 'error', file: where.file });
}

interface Read {
  family: ReportFamily;
  output: FamilyOutput;
}

/**
 * Rows path: the family the rows were read as (`readAs`, when `--ad-type` chose it), and for a report
 * left open the known campaigns' ad type, read again as that ad type.
 */
export async function settleAdType(
  db: Database, read: Read, where: Where, readAgain: (adType: ImportOptions['adType']) => Promise<{ family: ReportFamily | null; output: FamilyOutput }>,
): Promise<Read | Problem> {
  const asRead = withReadAs(read);
  const open = asRead.output.openAdType;
  if (!open) return asRead;
  const decided = await adTypeOfKnownCampaigns(db, open.open as AdType[], open.campaigns, where);
  if (typeof decided !== 'string') return decided;
  const reread = await readAgain(decided.toLowerCase() as ImportOptions['adType']);
  const again = reread.family ? withReadAs({ family: reread.family, output: reread.output }) : undefined;
  if (!again || again.output.openAdType) return problemOf(adTypeMessages.open([decided], where.store, where.marketplace), { code: 'ad_type_unclear', severity: 'error', file: where.file });
  return again;
}

function withReadAs(read: Read): Read {
  const family = read.output.readAs ? familyByType(read.output.readAs) : undefined;
  return family ? { family, output: read.output } : read;
}

export interface LargeAdsFile {
  family: TableFamily;
  plan: BulkPlan;
  columns: ReadonlyMap<string, HeaderColumn>;
  sample: readonly SourceRow[];
}

/**
 * Large-file path: the same decision from the header (the same content function), `--ad-type` and,
 * when still open, the campaigns the whole file names (`campaignsOf`, read by DuckDB). Answers the
 * family and bulk plan to load with, undefined for a file that is not a console ads report.
 */
export async function settleLargeAdType(
  db: Database, large: LargeAdsFile, declaredOption: ImportOptions['adType'], where: Where, campaignsOf: () => Promise<string[]>,
): Promise<{ family: TableFamily; plan: BulkPlan } | Problem | undefined> {
  const shape = consoleAdTypes(large.family, large.columns);
  if (!shape) return undefined;
  const refuse = (code: string, message: Texts): Problem => problemOf(message, { code, severity: 'error', file: where.file });
  if (shape.adTypes.length === 0) return refuse('ad_type_conflicting', adTypeMessages.conflicting());
  const declared = declaredOption?.toUpperCase() as AdType | undefined;
  if (declared && !shape.adTypes.includes(declared)) return refuse('ad_type_contradicted', adTypeMessages.contradicts(declared.toLowerCase(), shape.adTypes));
  let adType = declared ?? (shape.adTypes.length === 1 ? shape.adTypes[0] : undefined);
  if (!adType) {
    const decided = await adTypeOfKnownCampaigns(db, shape.adTypes, await campaignsOf(), where);
    if (typeof decided !== 'string') return decided;
    adType = decided;
  }
  const family = familyByType(consoleReportType(adType, shape.level));
  const plan = family?.format === 'table' ? family.bulk?.(large.columns, large.sample) : undefined;
  if (!family || family.format !== 'table' || !plan) return refuse('ad_type_unclear', adTypeMessages.open(shape.adTypes, where.store, where.marketplace));
  return { family, plan };
}

import { problemOf, type Problem } from '../domain/errors.ts';
import { say, type Texts } from '../domain/messages.ts';
import type { BulkPlanner } from './bulk-plan.ts';
import type { AliasIndex, HeaderColumn } from './header.ts';
import type { FieldReader } from './row-fields.ts';
import type { SourceRow } from './table.ts';

/**
 * The contract every report family implements (one folder per family under src/ingest/).
 * A family recognises its files, maps their columns and values to canonical rows, and says which
 * days and marketplace the file covers. It never touches the database: the framework adds store,
 * marketplace and import_id to every row, replaces overlapping earlier imports and loads the rows.
 */
export type ReportFamily = TableFamily | JsonFamily;

interface FamilyBase {
  /** import_log.report_type and the `type` the CLI prints, e.g. 'business_report_child' */
  type: string;
  name: { en: string; zh: string };
  /** canonical tables written; the first holds one row per file row (its replaced rows are `replaced`) */
  writes: readonly TargetTable[];
  /**
   * The report may name a marketplace per line (a unified account's All Orders or payments: `sales-channel`
   * Amazon.co.uk, Amazon.de …): its rows carry `marketplace` (a code) where their line names one, and a file
   * naming several is imported split per marketplace, in one import (import-split.ts).
   */
  splitsByMarketplace?: boolean;
  /**
   * The report names no marketplace, yet an account's file may hold several (FBA and merchant returns): each row is
   * placed in the marketplace of its order, from the orders already stored for the store (returns-by-order.ts); rows
   * of an order not stored stay under the file's marketplace. Set with `splitsByMarketplace`.
   */
  placedByOrder?: boolean;
}

/** CSV, TSV or XLSX reports: recognised by their header line. */
export interface TableFamily extends FamilyBase {
  format: 'table';
  aliases: AliasIndex;
  /** fields whose absence refuses the file (the report's main measures); others are unknown when missing */
  required: readonly string[];
  /**
   * Fields the report always fills: a column that is there but empty on every row is refused by name
   * ('refuse'), or warned about where the report may legitimately leave it empty ('warn'; a 'warn'
   * field missing from the header is warned about too). Checked by the framework (read-report.ts).
   */
  filled?: Readonly<Record<string, 'refuse' | 'warn'>>;
  /** a score (higher wins; e.g. the number of recognised columns) or false when the header is not this report */
  detect(header: readonly HeaderColumn[]): number | false;
  read(input: TableInput, context: FamilyContext): FamilyOutput;
  /** for reports that come in files too large to hold as rows (search-term reports): load through DuckDB's CSV reader */
  bulk?: BulkPlanner;
}

/** JSON reports (SP-API, Ads API): recognised by their structure. */
export interface JsonFamily extends FamilyBase {
  format: 'json';
  /**
   * The list whose entries are the report's rows, read as a stream in batches (bounded memory): `''` when
   * the document is that list (a top-level array), else a member of the top-level object. Without it the
   * document is parsed whole (and refused above a size).
   */
  rowsIn?: string;
  /** on a streamed family's report, `doc` is the outline (json-stream.ts: each list sketched, the rest whole) */
  detect(doc: unknown): number | false;
  /** on a streamed family's report, `doc` is the outline with the rows list holding this batch's entries (`context.batch.json`) */
  read(doc: unknown, context: FamilyContext): FamilyOutput;
}

export interface TableInput {
  header: readonly HeaderColumn[];
  /** the rows after the header */
  rows: readonly SourceRow[];
  /** reads this file's fields by canonical name (columns already resolved through `aliases`) */
  fields: FieldReader;
}

/** A canonical table and the columns that date its rows (used to find rows a newer file replaces). */
export interface TargetTable {
  table: string;
  dateFrom: string;
  dateTo: string;
  /** a newer file replaces only rows with the same value here (an SQP file per ASIN replaces that ASIN's week, not the others') */
  sameKey?: string;
  /** columns whose values in the new rows bound what they replace: an SP report replaces SP rows of its attribution window, never SB's */
  sameScope?: readonly string[];
  /** what a seller knows these rows by (campaigns, ASINs, SKUs, order ids): a file that would replace rows whose keys it
   * mostly does not name is refused unless `replace` is given (the foreign-keys guard) */
  guardKey?: string;
}

export interface ImportOptions {
  /** without it: the database's one store; with none or several the import is refused (store/import-store.ts) */
  store?: string;
  /** used when the file does not name its marketplace */
  marketplace?: string;
  /** the period of a file without dates inside (Business Report by child item) */
  from?: string;
  to?: string;
  /** the day of a snapshot without a date inside (Manage FBA Inventory); defaults to today */
  date?: string;
  /** `--ad-type`: the ad product of an ads report whose columns fit more than one; refused when the content says otherwise */
  adType?: AdTypeOption;
  /** replace earlier rows even when most of their keys (campaigns, ASINs, SKUs, order ids) are not in the new file */
  replace?: boolean;
  /** the family the file must be (a report the sync asked Amazon for by type): any other is refused before a row is written */
  expectType?: string;
}

export const adTypeOptions = ['sp', 'sb', 'sd'] as const;
export type AdTypeOption = (typeof adTypeOptions)[number];

/**
 * An ads report whose columns fit more than one ad product, left to the import step
 * (src/ingest/ad-type-check.ts): it looks up which ad types already hold the campaigns, else refuses.
 */
export interface OpenAdType {
  /** the ad products the content allows ('SP', 'SB', 'SD') */
  open: readonly string[];
  campaigns: readonly string[];
  /** the report type the rows were read as (the first of `open`); `reportTypeFor` names the others */
  readAs: string;
  reportTypeFor: (adType: string) => string;
}

export interface FamilyContext {
  file: string;
  options: ImportOptions;
  /** personal data (a customer's e-mail) as a keyed hash, the key local to the installation (store/secrets.ts keyedHash);
   * absent, a family keeps no customer key at all */
  pseudonym?: (value: string, context: string) => string;
  /** set when a large file is read in batches of rows; absent, `read` sees the whole file */
  batch?: FileBatch;
}

/**
 * A table file is handed to `read` in batches of rows (memory stays bounded whatever the file), with
 * the same header, context and `state` each time: outputs are merged (rows summed, tables appended,
 * periods widened, evidence and problems joined). A family whose answer depends on rows seen in
 * other batches keeps what it needs in `state`, and gives file-wide verdicts when `last` is true.
 */
export interface FileBatch {
  last: boolean;
  state: Record<string, unknown>;
  /** a streamed JSON report: the whole document's outline (lists sketched) and the index of this batch's first entry */
  json?: { outline: unknown; offset: number };
}

export type CanonicalValue = string | bigint | number | boolean | Date | null;
/** A row for a canonical table without store, marketplace and import_id (the framework adds them). */
export type CanonicalRow = Record<string, CanonicalValue>;

/** What the file itself says about its marketplace (FORMATS §0, cli.md "import"). */
export interface MarketplaceEvidence {
  amazonIds?: readonly string[];
  salesChannels?: readonly string[];
  /** ISO codes named by values or headers; only a currency one marketplace uses decides */
  currencies?: readonly string[];
}

export interface Period {
  from: string;
  to: string;
}

export interface FamilyOutput {
  /** records read from the file (what the CLI reports as `rows`) */
  rows: number;
  tables: Record<string, CanonicalRow[]>;
  /** marketplace-local days covered; required unless there are problems */
  period: Period | null;
  evidence: MarketplaceEvidence;
  /** any problem with severity 'error' refuses the file */
  problems: Problem[];
  /** set when the ad type is still open after reading (see OpenAdType) */
  openAdType?: OpenAdType;
  /** the report type the rows are, when it is not the detected family's (an ads report read as the given `--ad-type`) */
  readAs?: string;
  /** rows of channels that are not Amazon marketplaces, skipped, per channel as written (`Non-Amazon`: Multi-Channel Fulfilment) */
  skipped?: Readonly<Record<string, number>>;
}

/** A file the family recognises but refuses as a whole (unsupported variant, missing period…); English only, or both texts. */
export function refusal(context: FamilyContext, code: string, message: string | Texts): FamilyOutput {
  const problem = typeof message === 'string' ? { code, message, file: context.file, severity: 'error' as const } : problemOf(message, { code, file: context.file, severity: 'error' });
  return { rows: 0, tables: {}, period: null, evidence: {}, problems: [problem] };
}

/** The period given on the command line, for reports without dates inside. */
export function periodFromOptions(context: FamilyContext, what: Texts): Period | Problem {
  const { from, to } = context.options;
  if (from && to) return { from, to };
  return problemOf(say('needs_period', { report: what }), { code: 'needs_period', severity: 'error', file: context.file });
}

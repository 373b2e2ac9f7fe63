import type { FileResult, ImportOptions, ReadingProgress, SourceEntry } from '../ingest/index.ts';
import type { MetricListing } from '../metrics/listing.ts';
import type { FxRate } from '../store/fx-rates.ts';
import type { OperationName, OperationOutput, OperationRequest } from './operations.ts';
import type { QueryResult } from '../metrics/query.ts';
import type { QueryRequest, RowScope } from '../metrics/request.ts';

/** What the CLI can ask of Asterism. Two implementations: the embedded database opened in this
 * process, and a running `asterism serve` holding the same file (DuckDB lets one process open it). */
export interface AsterismApi {
  readonly via: 'database' | 'server';
  metrics(): Promise<MetricListing[]>;
  query(request: QueryRequest): Promise<QueryResult>;
  /** imports report files by path (each in its own transaction); `onFile` hears of each file as it ends */
  importFiles(
    files: string[], options: ImportOptions, onFile?: (result: FileResult, index: number, total: number) => void,
    onReading?: (progress: ReadingProgress) => void,
  ): Promise<{ files: FileResult[] }>;
  sources(): Promise<SourceEntry[]>;
  fxRates(): Promise<FxRate[]>;
  setFxRates(rates: FxRate[]): Promise<void>;
  /** the operations table (funnel, diagnose, events, benchmarks …); `scope`: the asking user's row scope, for the
   * operations that narrow to it (set by the server from who signed in; a remote server applies its own) */
  run<K extends OperationName>(name: K, input: OperationRequest<K>, scope?: RowScope): Promise<OperationOutput<K>>;
  close(): Promise<void>;
}

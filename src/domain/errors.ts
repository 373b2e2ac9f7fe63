/** Problems a user can fix are values; everything else is one error type with a closed set of codes. */

export type ErrorCode =
  | 'bad_request'
  | 'unknown_metric'
  | 'unknown_dimension'
  | 'bad_date'
  | 'bad_marketplace'
  | 'bad_currency'
  | 'not_found'
  | 'database_locked'
  | 'database_error'
  | 'import_failed'
  | 'server_unreachable';

export class AsterismError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AsterismError';
  }
}

/** A problem found while compiling or importing, reported beside the good results. */
export interface Problem {
  code: string;
  message: string;
  /** the same in Chinese, where the problem is shown to a seller (reports, dashboard) */
  message_zh?: string;
  file?: string;
  line?: number;
  column?: string;
  /** the fact source a metric-layer problem is about (`grain`: that source's rows did not fit) */
  source?: string;
  severity: 'error' | 'warning';
}

import type { Texts } from './messages.ts';

/**
 * The dates an answer covers (issue 15.7). spec/cli.md keeps "no --from/--to means all dates"; the
 * answer then says which dates those are. `given`: both ends asked; `all_dates`: neither; `from_only` /
 * `to_only`: the open end is the data's. `from`/`to` are null only where no data answers an open end.
 */
export interface AnswerPeriod {
  from: string | null;
  to: string | null;
  basis: 'given' | 'all_dates' | 'from_only' | 'to_only';
  /** said beside the answer in zh and en; null when both ends were given */
  note: Texts | null;
}

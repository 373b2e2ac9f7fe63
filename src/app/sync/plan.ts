import { addDays, daysBetween, weekStartOf } from '../../domain/calendar.ts';
import { AsterismError } from '../../domain/errors.ts';
import { say } from '../../domain/messages.ts';
import type { SyncState } from '../../store/sync-state.ts';
import { firstSyncDays, longestBackfillDays, type SyncReport } from './report-types.ts';

/** One request's days (inclusive, the marketplace's local calendar). */
export interface Chunk {
  from: string;
  to: string;
}

export interface RangeRequest {
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The requests one report type needs, oldest first: the range asked for, else from the covered end less the
 * restatement window (else the first sync's 90 days) up to yesterday (today is not over), cut to the report's
 * longest range. Brand Analytics takes whole Sunday–Saturday weeks once they have closed.
 */
export function chunksFor(report: Pick<SyncReport, 'kind' | 'maxDays' | 'restateDays'>, state: SyncState | undefined, request: RangeRequest, today: string): Chunk[] {
  if (report.kind === 'snapshot' || report.kind === 'market') return [{ from: today, to: today }];
  const end = request.to ?? addDays(today, -1);
  const start = request.from ?? (state?.covered_to
    ? addDays(state.covered_to, report.restateDays > 0 ? 1 - report.restateDays : 1)
    : addDays(end, 1 - (report.kind === 'week' ? 13 * 7 : firstSyncDays)));
  if (start > end) return [];
  // settlements are listed, not requested: the range only bounds what is listed
  if (report.kind === 'listed') return [{ from: start, to: end }];
  if (report.kind === 'week') {
    const weeks: Chunk[] = [];
    for (let sunday = weekStartOf(start); addDays(sunday, 6) <= end; sunday = addDays(sunday, 7)) {
      if (sunday >= start || request.from === undefined) weeks.push({ from: sunday, to: addDays(sunday, 6) });
    }
    return weeks;
  }
  const chunks: Chunk[] = [];
  for (let from = start; from <= end; from = addDays(from, report.maxDays)) {
    const to = addDays(from, report.maxDays - 1);
    chunks.push({ from, to: to < end ? to : end });
  }
  return chunks;
}

/** --from/--to checked: both or neither, in order, at most two years. */
export function checkRange(request: RangeRequest): void {
  if ((request.from === undefined) !== (request.to === undefined)) throw new AsterismError('bad_date', say('from_to_together'));
  if (request.from && request.to) {
    if (request.from > request.to) throw new AsterismError('bad_date', say('from_after_to', { from: request.from, to: request.to }));
    const days = daysBetween(request.from, request.to) + 1;
    if (days > longestBackfillDays) throw new AsterismError('bad_date', say('sync_range_too_long', { from: request.from, to: request.to, days }));
  }
}

/**
 * The covered range after a chunk: grown when the chunk touches it, replaced when the chunk lies after it with a
 * gap (the newest contiguous stretch is what is known), kept when the chunk lies before it with a gap. It never claims
 * a day that was not pulled.
 */
export function coveredAfter(covered: { from: string | null; to: string | null }, chunk: Chunk): Chunk {
  if (!covered.from || !covered.to) return chunk;
  if (chunk.from > addDays(covered.to, 1)) return chunk;
  if (chunk.to < addDays(covered.from, -1)) return { from: covered.from, to: covered.to };
  return { from: chunk.from < covered.from ? chunk.from : covered.from, to: chunk.to > covered.to ? chunk.to : covered.to };
}

/** Local midnight of a day in a time zone, as an ISO date-time with its offset (what dataStartTime takes). */
export function localStart(date: string, timeZone: string): string {
  return `${date}T00:00:00${offsetOf(date, timeZone)}`;
}

export function localEnd(date: string, timeZone: string): string {
  return `${date}T23:59:59${offsetOf(date, timeZone)}`;
}

function offsetOf(date: string, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name.replace('GMT', '');
  return offset === '' ? 'Z' : offset;
}

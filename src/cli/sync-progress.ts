import { MultiBar, type SingleBar } from 'cli-progress';
import type { SyncProgress } from '../app/sync/sync-run.ts';

/**
 * `asterism sync run` on a terminal: one bar per store × marketplace × report type, chunks (requests of one range)
 * done of those planned, and how it ended. Fed the job's progress list each time it is read.
 */
export class SyncBars {
  private readonly multi: MultiBar;
  private readonly bars = new Map<string, SingleBar>();

  constructor(stream: NodeJS.WritableStream & { isTTY?: boolean }, options: { noTTYOutput?: boolean } = {}) {
    this.multi = new MultiBar({
      stream, format: '{label} {bar} {value}/{total} {state}', barsize: 20, hideCursor: true, clearOnComplete: false,
      // a report type with nothing to pull (total 0) shows an empty bar, not a division by zero
      autopadding: true, ...(options.noTTYOutput ? { noTTYOutput: true, notTTYSchedule: 10 } : {}),
    });
  }

  update(progress: readonly SyncProgress[]): void {
    for (const p of progress) {
      const key = `${p.store} ${p.marketplace ?? ''} ${p.report_type ?? ''}`.replace(/\s+/g, ' ').trim();
      const payload = { label: key.padEnd(72), state: stateWord[p.state] };
      const bar = this.bars.get(key);
      if (bar) {
        bar.setTotal(Math.max(p.total, 1));
        bar.update(p.done, payload);
      } else this.bars.set(key, this.multi.create(Math.max(p.total, 1), p.done, payload));
    }
  }

  stop(): void {
    this.multi.stop();
  }
}

const stateWord: Record<SyncProgress['state'], string> = { running: '…', done: 'done / 完成', error: 'error / 失败' };

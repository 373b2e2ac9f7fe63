import { Cron } from 'croner';
import type { Database } from '../store/database.ts';
import { tableSizes } from '../store/table-sizes.ts';
import { sendDigests } from './alert-digest.ts';
import { runAlerts } from './alert-run.ts';

/**
 * Alerts inside `asterism serve`: every 15 minutes (croner) the rules run and what waits is sent (retries,
 * messages held in quiet hours), and each owner's digest goes out once its hour has come; after an import
 * that brought new data the rules run again, a little later so that a folder of files is one run. Nothing
 * is configured: with no channel there is nothing to send, the alerts still show in the dashboard.
 * One run at a time (`protect`); a failed run is logged and the next one tries again.
 */
export interface AlertSchedule {
  /** call after an import that brought rows */
  imported(): void;
  /** no more runs; answers once a run under way has ended (before the database closes) */
  stop(): Promise<void>;
}

export function scheduleAlerts(db: Database, o: { pattern?: string; afterImportMs?: number; log?: (line: string) => void } = {}): AlertSchedule {
  const log = o.log ?? ((line: string) => console.error(line));
  let running: Promise<void> = Promise.resolve();
  const once = (why: string) => {
    running = running.then(async () => {
      try {
        if (!(await hasData(db))) return;
        await runAlerts(db);
        await sendDigests(db);
      } catch (e) {
        log(`asterism: alerts (${why}) failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
    return running;
  };
  const job = new Cron(o.pattern ?? '*/15 * * * *', { protect: true }, () => once('schedule'));
  let timer: NodeJS.Timeout | undefined;
  return {
    imported() {
      clearTimeout(timer);
      timer = setTimeout(() => void once('import'), o.afterImportMs ?? 30_000);
      timer.unref();
    },
    stop() {
      clearTimeout(timer);
      job.stop();
      return running;
    },
  };
}

async function hasData(db: Database): Promise<boolean> {
  const { counts } = await tableSizes(db, ['br_sales', 'traffic', 'order_items']);
  return counts.some((n) => Number(n) > 0);
}

import { Cron } from 'croner';
import { listConnections } from '../../store/amazon-connections.ts';
import type { Database } from '../../store/database.ts';
import { scheduleOverrides } from '../../store/sync-state.ts';
import { syncReports } from './report-types.ts';
import { adsSyncReports } from './ads-report-types.ts';
import { runSync, type SyncRun } from './sync-run.ts';

/**
 * What `asterism serve` runs by itself: one croner job per report type (the defaults in report-types.ts, or the
 * pattern a user set in sync_schedule), each syncing every connected store for that type. A job still running when
 * its next time comes is not started twice (croner's `protect`). The table is read again every few minutes, so a
 * changed schedule takes effect without a restart.
 */
export interface SyncSchedule {
  stop(): void;
  /** the patterns in force, by report type */
  patterns(): ReadonlyMap<string, string>;
}

export function startSyncSchedule(db: Database, options: { env?: NodeJS.ProcessEnv; onRuns?: (runs: SyncRun[]) => void; reloadPattern?: string } = {}): SyncSchedule {
  const jobs = new Map<string, { pattern: string; job: Cron }>();
  let stopped = false;
  let queue: Promise<void> = Promise.resolve();
  const reload = async () => {
    if (stopped) return;
    const overrides = await scheduleOverrides(db);
    for (const report of [...syncReports, ...adsSyncReports]) {
      const chosen = overrides.get(report.reportType);
      const pattern = chosen?.enabled === false ? undefined : chosen?.cron ?? report.cron;
      const running = jobs.get(report.reportType);
      if (running?.pattern === pattern) continue;
      running?.job.stop();
      jobs.delete(report.reportType);
      if (!pattern) continue;
      const job = new Cron(pattern, { timezone: 'UTC', protect: true, catch: true }, () => {
        // one sync at a time: Amazon meters each operation per seller, whichever report type asks
        queue = queue.then(async () => {
          if (stopped || (await listConnections(db)).length === 0) return;
          const { runs } = await runSync(db, { reports: [report.reportType] }, { ...(options.env ? { env: options.env } : {}) });
          options.onRuns?.(runs);
        }).catch(() => {});
        return queue;
      });
      jobs.set(report.reportType, { pattern, job });
    }
  };
  const reloader = new Cron(options.reloadPattern ?? '*/5 * * * *', { protect: true, catch: true }, reload);
  void reload().catch(() => {});
  return {
    stop() {
      stopped = true;
      reloader.stop();
      for (const { job } of jobs.values()) job.stop();
    },
    patterns: () => new Map([...jobs].map(([type, { pattern }]) => [type, pattern])),
  };
}

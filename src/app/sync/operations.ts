import { z } from 'zod';
import type { Database } from '../../store/database.ts';
import { setSchedule } from '../../store/sync-state.ts';
import { connectionsChecked, connectStore } from './connect.ts';
import { runSync, syncStatus } from './sync-run.ts';
import { startSyncJob, syncJob } from './sync-jobs.ts';
import { syncReport, syncReports } from './report-types.ts';
import { nextRun } from './sync-run.ts';
import { AsterismError } from '../../domain/errors.ts';
import { say } from '../../domain/messages.ts';

/** Connections and the sync in the operations table: the CLI, the HTTP API and the Data page share them. */
const many = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean));
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');
const secretText = z.unknown().transform((v) => (typeof v === 'string' ? v : ''));
const connectInput = z.object({
  store: z.string(), region: z.string(), marketplace: many.optional(), client_id: z.string(),
  // secrets are never quoted back by a validation message: anything not text is taken as missing
  refresh_token: secretText, client_secret: secretText,
  profile: z.string().optional(), no_check: flag.optional(),
});
const syncRunInput = z.object({ store: z.string().optional(), report: many.optional(), from: date.optional(), to: date.optional() });
const scheduleInput = z.object({ report_type: z.string(), cron: z.string().min(1), enabled: flag.optional() });

export const syncOperations = {
  connect_amazon: {
    method: 'post', path: '/api/connections/amazon', input: connectInput, summary: 'connect a store to the Selling Partner API (secrets stored sealed, never answered) / 连接 SP-API',
    run: async (db: Database, i: z.infer<typeof connectInput>) => connectStore(db, 'sp', i),
  },
  connect_ads: {
    method: 'post', path: '/api/connections/ads', input: connectInput, summary: 'connect a store to the Amazon Ads API, profile chosen from /v2/profiles / 连接广告 API',
    run: async (db: Database, i: z.infer<typeof connectInput>) => connectStore(db, 'ads', i),
  },
  connections_list: {
    method: 'get', path: '/api/connections', input: z.object({}), summary: 'connected stores and whether their tokens work / 已连接的店铺',
    run: async (db: Database) => connectionsChecked(db),
  },
  sync_run: {
    method: 'post', path: '/api/sync/run', input: syncRunInput, summary: 'pull reports from Amazon now and import them / 立即同步',
    run: async (db: Database, i: z.infer<typeof syncRunInput>) => runSync(db, { store: i.store, reports: i.report, from: i.from, to: i.to }),
  },
  sync_job_start: {
    method: 'post', path: '/api/sync/jobs', input: syncRunInput,
    summary: 'start a sync and answer at once; its progress per store × report type is read with GET /api/sync/jobs?id= / 启动同步任务',
    run: async (db: Database, i: z.infer<typeof syncRunInput>) => ({ job: await startSyncJob(db, { store: i.store, reports: i.report, from: i.from, to: i.to }) }),
  },
  sync_job: {
    method: 'get', path: '/api/sync/jobs', input: z.object({ id: z.string().min(1) }),
    summary: 'a sync job: chunks done of those planned per store × report type, the runs so far, done or failed / 同步任务进度',
    run: async (_db: Database, i: { id: string }) => ({ job: syncJob(i.id) }),
  },
  sync_status: {
    method: 'get', path: '/api/sync/status', input: z.object({}), summary: 'covered range, last success and error, next run per store × report type / 同步状态',
    run: async (db: Database) => syncStatus(db),
  },
  sync_schedule_set: {
    method: 'put', path: '/api/sync/schedule', input: scheduleInput, summary: 'change when a report type is synced (cron, UTC) / 设置同步计划',
    run: async (db: Database, i: z.infer<typeof scheduleInput>) => {
      const report = syncReport(i.report_type);
      if (!report) throw new AsterismError('bad_request', say('sync_unknown_report', { value: i.report_type, known: syncReports.map((r) => r.reportType).join(', ') }));
      if (nextRun(i.cron, true) === null) throw new AsterismError('bad_request', say('sync_missing_value', { what: `a valid cron pattern (not "${i.cron}")` }));
      await setSchedule(db, report.reportType, i.cron, i.enabled ?? true);
      return { report_type: report.reportType, cron: i.cron, enabled: i.enabled ?? true };
    },
  },
} as const;

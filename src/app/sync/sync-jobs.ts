import { randomUUID } from 'node:crypto';
import { AsterismError } from '../../domain/errors.ts';
import { both, say, type Texts } from '../../domain/messages.ts';
import { listConnections } from '../../store/amazon-connections.ts';
import type { Database } from '../../store/database.ts';
import { checkRange } from './plan.ts';
import { runSync, type SyncOptions, type SyncProgress, type SyncRequest, type SyncRun } from './sync-run.ts';

/**
 * `sync run` as a job whose progress can be read while it works (POST /api/sync/jobs, GET /api/sync/jobs?id={id}; the
 * terminal's bars read the same): per store × marketplace × report type, chunks done of those planned, and each run as
 * it ends. Held in the memory of the process that runs it, one at a time (a second sync would only wait for the first's
 * writes and pull the same days); kept `keepMs` after it ended.
 */
export interface SyncJob {
  id: string;
  state: 'running' | 'done' | 'failed';
  started_at: string;
  finished_at: string | null;
  /** one entry per store × marketplace × report type, in the order they started */
  progress: SyncProgress[];
  /** the runs so far (the `sync run --json` answer's) */
  runs: SyncRun[];
  /** what stopped the whole job (no connection, a bad range), in both languages */
  error: Texts | null;
}

const keepMs = 15 * 60_000;
const jobs = new Map<string, SyncJob>();

export async function startSyncJob(db: Database, request: SyncRequest, options: Omit<SyncOptions, 'onRun' | 'onProgress'> = {}): Promise<SyncJob> {
  expire();
  // what would stop the whole sync is answered now (400, 404), not as a failed job later
  checkRange(request);
  const connected = [...(await listConnections(db, 'sp')), ...(await listConnections(db, 'ads'))].filter((c) => !request.store || c.store === request.store);
  if (connected.length === 0) {
    throw new AsterismError('not_found', request.store
      ? say('sync_not_connected', { store: request.store, api: 'SP-API', command: 'amazon' })
      : say('sync_no_connections'));
  }
  const running = [...jobs.values()].find((j) => j.state === 'running');
  if (running) throw new AsterismError('conflict', say('sync_job_running', { id: running.id }), { job: running.id });
  const job: SyncJob = { id: randomUUID(), state: 'running', started_at: new Date().toISOString(), finished_at: null, progress: [], runs: [], error: null };
  jobs.set(job.id, job);
  const where = (p: Pick<SyncProgress, 'store' | 'marketplace' | 'report_type'>) => `${p.store}\u0000${p.marketplace ?? ''}\u0000${p.report_type ?? ''}`;
  const index = new Map<string, number>();
  runSync(db, request, {
    ...options,
    onRun: (run) => job.runs.push(run),
    onProgress: (p) => {
      const at = index.get(where(p));
      if (at === undefined) {
        index.set(where(p), job.progress.length);
        job.progress.push(p);
      } else job.progress[at] = p;
    },
  }).then(() => {
    job.state = 'done';
  }, (e: unknown) => {
    job.state = 'failed';
    job.error = e instanceof AsterismError ? e.texts ?? both(e.message) : both(e instanceof Error ? e.message : String(e));
  }).finally(() => {
    job.finished_at = new Date().toISOString();
  });
  return structuredClone(job);
}

/** The job as it stands (a copy). */
export function syncJob(id: string): SyncJob {
  expire();
  const job = jobs.get(id);
  if (!job) throw new AsterismError('not_found', say('sync_job_gone', { id, minutes: keepMs / 60_000 }));
  return structuredClone(job);
}

function expire(): void {
  for (const [id, job] of jobs) if (job.finished_at && Date.now() - Date.parse(job.finished_at) > keepMs) jobs.delete(id);
}

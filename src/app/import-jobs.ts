import { randomUUID } from 'node:crypto';
import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import type { FileResult, ImportOptions, ReadingProgress } from '../ingest/index.ts';
import type { AsterismApi } from './asterism-api.ts';
import { LocalAsterism } from './local.ts';

export type ImportJobState = 'queued' | 'importing' | 'done' | 'failed';

/** One file of an import job, as the dashboard draws it. */
export interface ImportJobFile {
  /** the name the user gave the file (not the server's temporary path) */
  file: string;
  /** `failed`: the file's result is an error (it wrote nothing); the other files still import */
  state: ImportJobState;
  bytesTotal: number;
  bytesRead: number;
  /** rows written so far; null until known */
  rows: number | null;
  rowsEstimated: boolean;
  /** MB (10⁶ bytes) read per second since the file began; null before it began */
  mbPerSecond: number | null;
  result: FileResult | null;
}

export interface ImportJob {
  id: string;
  state: ImportJobState;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  files: ImportJobFile[];
  /** index into `files` of the file being imported */
  current: number | null;
  /** the current file's MB/s */
  mbPerSecond: number | null;
  /** one result per file, once the job is done */
  results: FileResult[] | null;
  error: { code: string; message: string } | null;
}

/** A file to import: where it lies, the name to answer with, its size (0 when not known yet). */
export interface JobFile {
  path: string;
  name: string;
  bytes: number;
}

interface Entry {
  job: ImportJob;
  /** what stopped a failed job, for the routes that wait */
  thrown?: unknown;
  /** when the current file began (ms), for its MB/s */
  fileStarted: number;
  finished: Promise<ImportJob>;
}

/**
 * Import jobs held in memory by the server process: each runs after the one before it (one import's files
 * read and checked at a time; their writes take turns with every other write in `Database`), its progress
 * readable while it runs; a finished job is kept
 * `keepMs` and then forgotten.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Entry>();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly asterism: AsterismApi, private readonly keepMs = 15 * 60_000, private readonly now = () => Date.now()) {}

  /**
   * The options with the store an import left out decided now (the database's one store), so that a request naming
   * none while there are none or several is answered 400 before it queues, not as a failed job later.
   */
  async withStore(options: ImportOptions): Promise<ImportOptions> {
    if (!(this.asterism instanceof LocalAsterism)) return options;
    return { ...options, store: await this.asterism.importStore(options.store) };
  }

  /** Queues the import; `cleanup` runs once it ended either way (the upload's temporary folder). */
  start(files: readonly JobFile[], options: ImportOptions, cleanup?: () => Promise<void>): ImportJob {
    this.expire();
    const job: ImportJob = {
      id: randomUUID(), state: 'queued', createdAt: new Date(this.now()).toISOString(), startedAt: null, finishedAt: null,
      files: files.map((f) => ({ file: f.name, state: 'queued', bytesTotal: f.bytes, bytesRead: 0, rows: null, rowsEstimated: false, mbPerSecond: null, result: null })),
      current: null, mbPerSecond: null, results: null, error: null,
    };
    const entry: Entry = { job, fileStarted: 0, finished: Promise.resolve(job) };
    entry.finished = this.tail.then(() => this.run(entry, files, options)).finally(() => cleanup?.());
    this.tail = entry.finished.catch(() => undefined);
    this.jobs.set(job.id, entry);
    return structuredClone(job);
  }

  /** The job as it stands; a copy, so callers cannot change it. */
  get(id: string): ImportJob {
    this.expire();
    const entry = this.jobs.get(id);
    if (!entry) throw new AsterismError('not_found', say('import_job_gone', { id, minutes: Math.round(this.keepMs / 60_000) }));
    return structuredClone(entry.job);
  }

  /** Waits for the job and answers its results, or throws what stopped it: the routes that answer when all is done. */
  async results(id: string): Promise<FileResult[]> {
    const entry = this.jobs.get(id);
    if (!entry) throw new AsterismError('not_found', say('no_import_job', { id }));
    const job = await entry.finished;
    if (job.state === 'failed') throw entry.thrown;
    return structuredClone(job.results ?? []);
  }

  private async run(entry: Entry, files: readonly JobFile[], options: ImportOptions): Promise<ImportJob> {
    const { job } = entry;
    job.state = 'importing';
    job.startedAt = new Date(this.now()).toISOString();
    this.begin(entry, 0);
    try {
      const byPath = new Map(files.map((f, i) => [f.path, i]));
      const answer = await this.asterism.importFiles(files.map((f) => f.path), options,
        (result, index) => this.fileEnded(entry, index, result),
        (p) => this.reading(entry, byPath.get(p.file) ?? job.current ?? 0, p));
      job.results = answer.files.map((r, i) => ({ ...r, file: job.files[i]?.file ?? r.file }));
      job.state = 'done';
    } catch (e) {
      entry.thrown = e;
      job.state = 'failed';
      job.error = e instanceof AsterismError ? { code: e.code, message: e.message } : { code: 'import_failed', message: e instanceof Error ? e.message : String(e) };
      for (const f of job.files) if (f.state !== 'done') f.state = 'failed';
    }
    job.current = null;
    job.mbPerSecond = null;
    job.finishedAt = new Date(this.now()).toISOString();
    return job;
  }

  private begin(entry: Entry, index: number): void {
    const file = entry.job.files[index];
    entry.job.current = file ? index : null;
    entry.fileStarted = this.now();
    if (file) file.state = 'importing';
  }

  private reading(entry: Entry, index: number, p: ReadingProgress): void {
    const file = entry.job.files[index];
    if (!file) return;
    const seconds = (this.now() - entry.fileStarted) / 1000;
    Object.assign(file, {
      bytesTotal: p.bytes, bytesRead: p.bytesRead, rows: p.rows, rowsEstimated: p.rowsEstimated,
      mbPerSecond: seconds > 0 ? round1(p.bytesRead / 1e6 / seconds) : null,
    });
    entry.job.mbPerSecond = file.mbPerSecond;
  }

  private fileEnded(entry: Entry, index: number, result: FileResult): void {
    const file = entry.job.files[index];
    if (file) {
      const seconds = (this.now() - entry.fileStarted) / 1000;
      Object.assign(file, {
        state: result.status === 'error' ? 'failed' : 'done', bytesRead: file.bytesTotal, rows: result.rows, rowsEstimated: false, result: { ...result, file: file.file },
        mbPerSecond: seconds > 0 ? round1(file.bytesTotal / 1e6 / seconds) : file.mbPerSecond,
      });
    }
    this.begin(entry, index + 1);
  }

  private expire(): void {
    const now = this.now();
    for (const [id, { job }] of this.jobs) {
      if (job.finishedAt && now - Date.parse(job.finishedAt) > this.keepMs) this.jobs.delete(id);
    }
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

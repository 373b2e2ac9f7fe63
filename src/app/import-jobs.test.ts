import { describe, expect, test } from 'vitest';
import { AsterismError } from '../domain/errors.ts';
import type { FileResult, ReadingProgress } from '../ingest/index.ts';
import type { AsterismApi } from './asterism-api.ts';
import { ImportJobs } from './import-jobs.ts';

type OnFile = (result: FileResult, index: number, total: number) => void;
type OnReading = (progress: ReadingProgress) => void;

const result = (file: string): FileResult => ({
  file, type: 'ads', store: 'default', marketplace: 'US', rows: 10, status: 'imported', from: '2026-10-01', to: '2026-10-01', replaced: 0, error: null, problems: [],
});

/** An importer the test drives by hand: each call waits until `release` is called. */
function fakeImporter() {
  const calls: { files: string[]; onFile?: OnFile; onReading?: OnReading; release: () => void; fail: (e: unknown) => void }[] = [];
  const asterism = {
    importFiles: (files: string[], _options: unknown, onFile?: OnFile, onReading?: OnReading) => new Promise((resolve, reject) => {
      calls.push({ files, onFile, onReading, release: () => resolve({ files: files.map(result) }), fail: reject });
    }),
  } as unknown as AsterismApi;
  return { asterism, calls };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('import jobs', () => {
  test('one job at a time; per-file progress and MB/s; results under the names given', async () => {
    const { asterism, calls } = fakeImporter();
    let now = 0;
    const jobs = new ImportJobs(asterism, 60_000, () => now);
    const a = jobs.start([{ path: '/tmp/0/a.csv', name: 'a.csv', bytes: 4e6 }, { path: '/tmp/1/b.csv', name: 'b.csv', bytes: 1e6 }], {});
    const b = jobs.start([{ path: '/tmp/2/c.csv', name: 'c.csv', bytes: 1e6 }], {});
    await turn();
    expect(calls).toHaveLength(1); // b waits for a
    expect(jobs.get(a.id)).toMatchObject({ state: 'importing', current: 0, files: [{ state: 'importing' }, { state: 'queued' }] });
    expect(jobs.get(b.id).state).toBe('queued');

    now = 2000; // 2 MB in 2 s → 1 MB/s
    calls[0]?.onReading?.({ file: '/tmp/0/a.csv', bytes: 4e6, bytesRead: 2e6, rows: 5000, rowsEstimated: false });
    expect(jobs.get(a.id)).toMatchObject({ mbPerSecond: 1, files: [{ bytesRead: 2e6, rows: 5000, mbPerSecond: 1 }, { state: 'queued', bytesRead: 0 }] });
    calls[0]?.onFile?.(result('/tmp/0/a.csv'), 0, 2);
    expect(jobs.get(a.id)).toMatchObject({ current: 1, files: [{ state: 'done', bytesRead: 4e6, rows: 10, result: { file: 'a.csv' } }, { state: 'importing' }] });

    calls[0]?.release();
    expect(await jobs.results(a.id)).toMatchObject([{ file: 'a.csv' }, { file: 'b.csv' }]);
    await turn();
    expect(calls).toHaveLength(2);
    expect(jobs.get(b.id).state).toBe('importing');
  });

  test('an import that throws fails its job, keeps its error, and the next job still runs', async () => {
    const { asterism, calls } = fakeImporter();
    const jobs = new ImportJobs(asterism);
    const a = jobs.start([{ path: '/x', name: 'x.csv', bytes: 1 }], {});
    const b = jobs.start([{ path: '/y', name: 'y.csv', bytes: 1 }], {});
    await turn();
    calls[0]?.fail(new AsterismError('database_locked', 'locked'));
    await expect(jobs.results(a.id)).rejects.toThrow('locked');
    expect(jobs.get(a.id)).toMatchObject({ state: 'failed', error: { code: 'database_locked', message: 'locked' }, files: [{ state: 'failed' }] });
    await turn();
    calls[1]?.release();
    expect(await jobs.results(b.id)).toMatchObject([{ file: 'y.csv', status: 'imported' }]);
  });

  test('a finished job is forgotten after the keep time; an unknown id is not_found', async () => {
    const { asterism, calls } = fakeImporter();
    let now = 0;
    const jobs = new ImportJobs(asterism, 60_000, () => now);
    const a = jobs.start([{ path: '/x', name: 'x.csv', bytes: 1 }], {});
    await turn();
    calls[0]?.release();
    await jobs.results(a.id);
    now = 60_000; // kept exactly the keep time
    expect(jobs.get(a.id).state).toBe('done');
    now = 60_001;
    expect(() => jobs.get(a.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});

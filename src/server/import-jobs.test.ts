import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeSearchTermCsv } from '../../bench/search-term-csv.ts';
import { apiOnMetricScenario } from '../../test/scenarios/api-harness.ts';
import type { ImportJob } from '../app/import-jobs.ts';

const jobsApi = apiOnMetricScenario('import-jobs');
const syncApi = apiOnMetricScenario('import-sync');

/** 25,000 rows of ~146 bytes: ~3.6 MB, written in five batches of 5,000 rows, each reported. */
const searchTermRows = 25_000;

function uploadForm(file: string, name: string): FormData {
  const form = new FormData();
  form.append('files', new File([readFileSync(file)], name));
  return form;
}

describe('import jobs: POST /api/upload?async=true, then GET /api/import/jobs/{id}', () => {
  test('a search-term report: 202 at once, rows and bytes that grow, then the synchronous upload\'s result', async () => {
    const file = join(jobsApi.dir, 'search-terms.csv');
    const { bytes } = await writeSearchTermCsv(file, searchTermRows);

    const started = await jobsApi.api.request('/api/upload?async=true', { method: 'POST', body: uploadForm(file, 'SP-search-terms.csv') });
    expect(started.status).toBe(202);
    const job = (await started.json()) as ImportJob;
    expect(started.headers.get('location')).toBe(`/api/import/jobs/${job.id}`);
    expect(job).toMatchObject({ state: 'queued', results: null, files: [{ file: 'SP-search-terms.csv', state: 'queued', bytesTotal: bytes, bytesRead: 0, rows: null }] });

    const seen: ImportJob[] = [];
    for (let last = job; last.state === 'queued' || last.state === 'importing'; await sleep(5)) {
      const res = await jobsApi.api.request(`/api/import/jobs/${job.id}`);
      expect(res.status).toBe(200);
      last = (await res.json()) as ImportJob;
      seen.push(last);
    }
    const progress = seen.map((j) => j.files[0]).filter((f) => f?.state === 'importing');
    // never backwards, and heard more than once while importing (five row batches of 5,000)
    const rows = progress.map((f) => f?.rows ?? 0);
    const read = progress.map((f) => f?.bytesRead ?? 0);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(new Set(rows.filter((n) => n > 0 && n < searchTermRows)).size).toBeGreaterThan(1);
    expect(progress.some((f) => f?.mbPerSecond !== null)).toBe(true);

    const done = seen.at(-1);
    expect(done).toMatchObject({ state: 'done', current: null, error: null, files: [{ state: 'done', bytesRead: bytes, rows: searchTermRows, rowsEstimated: false }] });
    expect(done?.results).toMatchObject([{ file: 'SP-search-terms.csv', status: 'imported', rows: searchTermRows }]);
    expect(done?.files[0]?.result).toEqual(done?.results?.[0]);

    // the same bytes uploaded and awaited on a second database answer the same
    const sync = await syncApi.api.request('/api/upload', { method: 'POST', body: uploadForm(file, 'SP-search-terms.csv') });
    expect(sync.status).toBe(200);
    expect(((await sync.json()) as { files: unknown[] }).files).toEqual(done?.results);
  });

  test('an unknown job id is a 404 with a message', async () => {
    const res = await jobsApi.api.request('/api/import/jobs/no-such-job');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toMatch(/no import job "no-such-job"/);
  });

  test('bad options are a 400 before any job is made', async () => {
    const form = uploadForm(join(jobsApi.dir, 'search-terms.csv'), 'a.csv');
    form.append('marketplace', 'XX');
    const res = await jobsApi.api.request('/api/upload?async=true', { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_marketplace');
  });

  test('two uploads at once take turns and both import', async () => {
    const form = (name: string, store: string) => {
      const f = new FormData();
      f.append('files', new File([readFileSync('test/fixtures/ingest/br-child-de.csv')], name));
      for (const [k, v] of Object.entries({ store, marketplace: 'DE', from: '2026-11-01', to: '2026-11-07' })) f.append(k, v);
      return f;
    };
    const [a, b] = await Promise.all([
      jobsApi.api.request('/api/upload', { method: 'POST', body: form('a.csv', 'store-a') }),
      jobsApi.api.request('/api/upload', { method: 'POST', body: form('b.csv', 'store-b') }),
    ]);
    // before jobs, the second BEGIN on the one connection failed ("transaction within a transaction")
    expect(((await a.json()) as { files: unknown[] }).files).toMatchObject([{ file: 'a.csv', status: 'imported', store: 'store-a' }]);
    expect(((await b.json()) as { files: unknown[] }).files).toMatchObject([{ file: 'b.csv', status: 'imported', store: 'store-b' }]);
  });

  test('GET /api/openapi.json describes the job route', async () => {
    const doc = (await (await jobsApi.api.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(doc.paths['/api/import/jobs/{id}']?.get?.responses ?? {})).toEqual(['200', '404', '421']);
    expect(Object.keys(doc.paths['/api/upload']?.post?.responses ?? {})).toEqual(['200', '202', '400', '403', '413', '421']);
  });
});

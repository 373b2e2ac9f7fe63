import { readFileSync } from 'node:fs';
import { serve, type ServerType } from '@hono/node-server';
import { RemoteAsterism } from '../app/remote.ts';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { apiOnMetricScenario } from '../../test/scenarios/api-harness.ts';

/** GET /api/imports and POST /api/imports/{id}/undo (the contract of `asterism imports list|undo --json`). */
const harness = apiOnMetricScenario('imports-api');
const fixture = (name: string) => resolve('test/fixtures/ingest/replace', name);
const post = (path: string, body?: unknown) => harness.api.request(path, {
  method: 'POST', headers: { 'x-asterism-request': '1', ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
type Entry = { id: number; file: string; type: string; store: string; marketplace: string | null; from: string | null; to: string | null; rows: number; replaced: number; imported_at: string; undone: boolean };

describe('the import history over HTTP', () => {
  test('list newest first, undo with no body, then 409 for the same import and 404 for none', async () => {
    const options = { marketplace: 'US', from: '2018-11-01', to: '2018-11-30', store: 'undo-api' };
    // the metric scenario's rows carry made-up import ids (1, 2 …) with no log entry: these imports take ids past them
    await harness.asterism.db.run("SELECT nextval('import_ids') FROM range(1000)");
    expect((await post('/api/import', { files: [fixture('campaigns-sp-sb.csv')], ...options })).status).toBe(200);
    const restated = await post('/api/import', { files: [fixture('campaigns-sp-restated.csv')], ...options });
    expect(((await restated.json()) as { files: { replaced: number }[] }).files[0]?.replaced).toBe(2);

    const listed = (await (await harness.api.request('/api/imports?store=undo-api')).json()) as { imports: Entry[] };
    expect(listed.imports.map((i) => [i.file, i.type, i.store, i.marketplace, i.from, i.to, i.rows, i.replaced, i.undone])).toEqual([
      ['campaigns-sp-restated.csv', 'campaign_manager_campaigns', 'undo-api', 'US', '2018-11-01', '2018-11-30', 2, 2, false],
      ['campaigns-sp-sb.csv', 'campaign_manager_campaigns', 'undo-api', 'US', '2018-11-01', '2018-11-30', 3, 0, false],
    ]);
    const id = listed.imports[0]?.id ?? 0;
    expect(id).toBeGreaterThan(listed.imports[1]?.id ?? 0);
    expect(Object.keys(listed.imports[0] ?? {})).toEqual(expect.arrayContaining(['id', 'file', 'type', 'store', 'marketplace', 'from', 'to', 'rows', 'replaced', 'imported_at', 'undone']));

    const undo = await post(`/api/imports/${id}/undo`);
    expect(undo.status, await undo.clone().text()).toBe(200);
    // the two SP rows it replaced come back, its own two go
    expect(await undo.json()).toEqual({ undone: id, restored: 2, removed: 2 });
    const spend = await harness.asterism.db.all("SELECT sum(spend) AS spend FROM ads WHERE store = 'undo-api'");
    expect(spend).toEqual([{ spend: '39.0000' }]); // 25.50 + 1.10 + 12.40, the first file's
    const again = await post(`/api/imports/${id}/undo`);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('conflict');
    expect((await post('/api/imports/999999/undo', {})).status).toBe(404);
    const after = (await (await harness.api.request('/api/imports?store=undo-api')).json()) as { imports: Entry[] };
    expect(after.imports.map((i) => i.undone)).toEqual([true, false]);
  });

  test('an upload the foreign-keys guard refuses says so in both languages; with replace=true it imports', async () => {
    const options = { marketplace: 'US', from: '2018-11-01', to: '2018-11-30', store: 'guard-upload' };
    expect((await post('/api/import', { files: [fixture('campaigns-sp-restated.csv')], ...options })).status).toBe(200);
    const upload = (replace?: string) => {
      const form = new FormData();
      form.append('files', new File([readFileSync(fixture('campaigns-sp-other-store.csv'))], 'other.csv'));
      for (const [k, v] of Object.entries({ ...options, ...(replace ? { replace } : {}) })) form.append(k, v);
      return harness.api.request('/api/upload', { method: 'POST', headers: { 'x-asterism-request': '1' }, body: form });
    };
    type Answer = { files: { status: string; replaced: number; problems: { code: string; message_zh?: string }[] }[] };
    const refused = (await (await upload()).json()) as Answer;
    expect(refused.files[0]).toMatchObject({ status: 'error', problems: [{ code: 'replace_refused' }] });
    expect(refused.files[0]?.problems[0]?.message_zh).toMatch(/其中 2 行的广告活动不在此文件中/);
    const forced = (await (await upload('true')).json()) as Answer;
    expect(forced.files[0]).toMatchObject({ status: 'imported', replaced: 2 });
  });

  test('the CLI through a running server: RemoteAsterism lists and undoes over real HTTP on 127.0.0.1', async () => {
    const options = { marketplace: 'US', from: '2018-10-01', to: '2018-10-31', store: 'remote' };
    for (const file of ['campaigns-sp-sb.csv', 'campaigns-sp-restated.csv']) expect((await post('/api/import', { files: [fixture(file)], ...options })).status).toBe(200);
    const server = await new Promise<ServerType>((done) => { const s = serve({ fetch: harness.api.fetch, port: 0, hostname: '127.0.0.1' }, () => done(s)); });
    try {
      const address = server.address();
      const remote = new RemoteAsterism(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
      const [latest] = (await remote.run('imports_list', { store: 'remote' })).imports;
      expect(latest).toMatchObject({ file: 'campaigns-sp-restated.csv', replaced: 2, undone: false });
      expect(await remote.run('imports_undo', { id: latest?.id ?? 0 })).toEqual({ undone: latest?.id, restored: 2, removed: 2 });
      await expect(remote.run('imports_undo', { id: latest?.id ?? 0 })).rejects.toMatchObject({ code: 'conflict' });
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});

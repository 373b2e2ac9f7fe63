import { createConfig, lintFromString } from '@redocly/openapi-core';
import { expect, test } from 'vitest';
import { apiOnMetricScenario } from '../../test/scenarios/api-harness.ts';
import { createToken } from '../store/sessions.ts';
import { addUser } from '../store/users.ts';

/** The server mode's sign-in in the OpenAPI document (issue 27): the session cookie and the bearer token are declared,
 * and once the server has users every route but the open ones requires one of them and may answer 401. */
const harness = apiOnMetricScenario('openapi-security');

type Doc = {
  security: Record<string, string[]>[];
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }> };
  paths: Record<string, Record<string, { security?: Record<string, string[]>[]; responses: Record<string, unknown> }>>;
};
const lint = async (source: string) => (await lintFromString({ source, absoluteRef: 'openapi.json', config: await createConfig({ extends: ['recommended'] }) }))
  .map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`);

test('without users: the schemes are declared, no sign-in is required, and redocly lint stays clean', async () => {
  const source = await (await harness.api.request('/api/openapi.json')).text();
  const doc = JSON.parse(source) as Doc;
  expect(doc.components.securitySchemes).toMatchObject({
    sessionCookie: { type: 'apiKey', in: 'cookie', name: 'asterism_session' },
    apiToken: { type: 'http', scheme: 'bearer' },
  });
  // {} first: anonymous is enough (the server then listens on loopback only)
  expect(doc.security).toEqual([{}, { sessionCookie: [] }, { apiToken: [] }]);
  expect(doc.paths['/api/metrics']?.get?.responses['401']).toBeUndefined();
  expect(await lint(source)).toEqual([]);
});

test('with users: every route but health and login needs the cookie or the token and declares 401; lint stays clean', async () => {
  const db = harness.asterism.db;
  await addUser(db, { name: 'mei', role: 'owner', password: 'a long enough password 27' });
  const { token } = await createToken(db, 'mei');
  // the document itself is behind sign-in now
  expect((await harness.api.request('/api/openapi.json')).status).toBe(401);
  const source = await (await harness.api.request('/api/openapi.json', { headers: { Authorization: `Bearer ${token}` } })).text();
  const doc = JSON.parse(source) as Doc;
  expect(doc.security).toEqual([{ sessionCookie: [] }, { apiToken: [] }]);
  expect(doc.paths['/api/health']?.get?.security).toEqual([{}]);
  expect(doc.paths['/api/metrics']?.get?.security).toBeUndefined();
  expect(doc.paths['/api/metrics']?.get?.responses['401']).toBeDefined();
  expect(doc.paths['/api/kpi/targets']?.put?.responses['401']).toBeDefined();
  expect(await lint(source)).toEqual([]);
  // what the document says is what the server does: the token opens a route, nothing else does
  expect((await harness.api.request('/api/metrics')).status).toBe(401);
  expect((await harness.api.request('/api/metrics', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
});

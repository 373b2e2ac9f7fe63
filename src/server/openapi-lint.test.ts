import { createConfig, lintFromString } from '@redocly/openapi-core';
import { expect, test } from 'vitest';
import { apiOnMetricScenario } from '../../test/scenarios/api-harness.ts';

const harness = apiOnMetricScenario('openapi-lint');

/** The document tools are pointed at passes Redocly's recommended rules (the engine of `redocly lint`,
 * https://redocly.com/docs/cli/rules/recommended) with no error and no warning (issue 27). */
test('GET /api/openapi.json passes redocly lint, recommended rules, with nothing to report', async () => {
  const source = await (await harness.api.request('/api/openapi.json')).text();
  const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config: await createConfig({ extends: ['recommended'] }) });
  expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`)).toEqual([]);
});

test('every operation has a unique camelCase operationId and a summary; the table operations keep their names', async () => {
  const doc = (await (await harness.api.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId?: string; summary?: string }>> };
  const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId ?? ''));
  expect(ids.every((id) => /^[a-z][A-Za-z0-9]*$/.test(id))).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  expect(doc.paths['/api/kpi/targets']?.put?.operationId).toBe('kpiTargetsSet');
  expect(doc.paths['/api/funnel']?.get?.operationId).toBe('funnel');
  expect(Object.values(doc.paths).flatMap((item) => Object.values(item)).filter((op) => !op.summary)).toEqual([]);
});

import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { apiOnMetricScenario } from '../../test/scenarios/api-harness.ts';
import { operations } from '../app/operations.ts';

/**
 * Every route of the operations table answers bad input with a 400 that says what is wrong (issue 6:
 * "API tests in-process for every route, including bad input"). The bad input is found from the
 * route's own schema: the first of these candidates its schema refuses. Routes whose every field is
 * free text accept anything at this level; they are listed, so a new one is a decision, not an accident.
 */
const harness = apiOnMetricScenario('operations-api');

function badInputFor(schema: z.ZodType): Record<string, string> | null {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const candidates: Record<string, string>[] = [{}, ...Object.keys(shape).flatMap((k) => [{ [k]: 'not-a-valid-value!' }, { [k]: '' }])];
  return candidates.find((c) => !schema.safeParse(c).success) ?? null;
}

// lists that filter by free text: any input is a question (an unknown store answers no rows)
const freeText = Object.entries(operations).filter(([, op]) => op.method === 'get' && badInputFor(op.input as z.ZodType) === null).map(([name]) => name);

describe('bad input on every operation route', () => {
  test('the routes that take any input are the ones meant to', () => {
    expect(freeText.sort()).toEqual(['ads_targets_list', 'alerts_channels_list', 'alerts_rules_list', 'benchmarks_list', 'connections_list', 'consumption_tax_list', 'costs_list', 'imports_list', 'kpi_periods_list', 'kpi_targets_list', 'price_channel_gaps', 'price_rules_list', 'suppliers', 'sync_status', 'tokens_list', 'users_list']);
  });

  test.each(Object.entries(operations).filter(([name]) => !freeText.includes(name)))('%s: 400 with a message', async (_name, op) => {
    // a change its schema cannot refuse (every field optional) is refused by the operation itself: `{}` changes nothing
    const bad = badInputFor(op.input as z.ZodType) ?? {};
    const path = op.method === 'get' ? `${op.path}?${new URLSearchParams(bad)}` : op.path;
    const init = op.method === 'get' ? {} : { method: op.method.toUpperCase(), headers: { 'content-type': 'application/json' }, body: JSON.stringify(bad) };
    const res = await harness.api.request(path, init);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error?: { message?: string } };
    expect(body.error?.message?.length).toBeGreaterThan(0);
  });
});

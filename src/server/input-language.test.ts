import { describe, expect, test } from 'vitest';
import { apiOnMetricScenario } from '../../test/scenarios/api-harness.ts';

/**
 * Issue 14: bad input reaches API users in their language. A body the route's schema refuses (checked by
 * @hono/zod-openapi), a query an operation refuses (checked in src/app/operations.ts) and a server refusal all answer
 * `message` in the language Accept-Language prefers, naming the field and what was expected, with both texts beside it.
 */
const harness = apiOnMetricScenario('input-language');
interface ErrorBody { error: { code: string; message: string; message_en?: string; message_zh?: string } }
const send = async (path: string, init: RequestInit, language?: string) => {
  const res = await harness.api.request(path, { ...init, headers: { 'content-type': 'application/json', ...(language ? { 'accept-language': language } : {}), ...init.headers } });
  return { status: res.status, body: (await res.json()) as ErrorBody };
};

describe('bad input in the caller\'s language', () => {
  const cost = { method: 'PUT', body: JSON.stringify({ sku: 'MAT-1', effective_from: '2026/10/01', currency: 'USD', unit_cost: '8.00' }) };
  const en = 'effective_from: "2026/10/01" is not a date YYYY-MM-DD, e.g. 2026-09-30';
  const zh = 'effective_from："2026/10/01" 不是YYYY-MM-DD 格式的日期（例如 2026-09-30）';

  test('a body its schema refuses: Chinese with Accept-Language zh-CN', async () => {
    expect(await send('/api/costs', cost, 'zh-CN,zh;q=0.9,en;q=0.8')).toEqual({ status: 400, body: { error: { code: 'bad_request', message: zh, message_en: en, message_zh: zh } } });
  });

  test('the same in English otherwise (no header, or English preferred)', async () => {
    expect((await send('/api/costs', cost)).body.error.message).toBe(en);
    expect((await send('/api/costs', cost, 'en-GB,zh;q=0.5')).body.error.message).toBe(en);
  });

  test('a nested field of a body is named by its path', async () => {
    const fx = { method: 'PUT', body: JSON.stringify({ rates: [{ date: '2026-10-01', base: 'USD', quote: 'CNY', rate: 7.1 }] }) };
    const { status, body } = await send('/api/fx', fx, 'zh-CN');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ message: 'rates.0.rate：7.1 不是文本', message_en: 'rates.0.rate: 7.1 is not text' });
  });

  test('a query an operation refuses, in both languages', async () => {
    const { status, body } = await send('/api/profit?basis=cash', {}, 'zh');
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: 'bad_request', message: 'basis："cash" 不是以下之一："order", "posted"', message_en: 'basis: "cash" is not one of "order", "posted"', message_zh: 'basis："cash" 不是以下之一："order", "posted"' });
  });

  test('a server refusal carries message_en and message_zh beside message', async () => {
    const { status, body } = await send('/api/events', { method: 'POST', body: '{}', headers: { 'x-asterism-request': '' } }, 'zh-CN');
    expect(status).toBe(403);
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toBe(body.error.message_zh);
    expect(body.error.message_zh).toMatch(/^已拒绝：修改数据的请求必须带请求头"X-Asterism-Request: 1"/);
    expect(body.error.message_en).toMatch(/^refused: a request that changes data must carry the header "X-Asterism-Request: 1"/);
  });
});

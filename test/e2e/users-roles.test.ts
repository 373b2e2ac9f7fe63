import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../../src/app/demo.ts';
import { LocalAsterism } from '../../src/app/local.ts';
import { startServer, type RunningServer } from '../../src/server/serve.ts';
import { runCli } from '../cli/run-cli.ts';

/**
 * Issue 20 on the demo, through a real server on 127.0.0.1: a team of seven roles signs in and each reads and
 * changes only what the rights table (src/domain/rights.ts) allows; the audit log lists every change made here.
 */
let dir: string;
let dbPath: string;
let server: RunningServer;
const password = (name: string) => `${name}-password-123`;
const team = [
  { name: 'boss', role: 'owner' },
  { name: 'mgr', role: 'manager' },
  { name: 'li', role: 'operator', owner_scope: '李娜', stores: 'acme-home' },
  { name: 'ads', role: 'ads' },
  { name: 'cs', role: 'customer_service' },
  { name: 'wh', role: 'warehouse' },
  { name: 'view', role: 'viewer' },
] as const;
type Member = (typeof team)[number]['name'];
const cookies = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-users-e2e-'));
  dbPath = join(dir, 'team.duckdb');
  const api = await LocalAsterism.open(dbPath);
  await runDemo(api, { outDir: join(dir, 'demo') });
  for (const m of team) await api.run('users_add', { ...m, password: password(m.name) });
  await api.close();
  server = await startServer({ dbPath, port: 0, host: '127.0.0.1' });
  for (const m of team) {
    const res = await call('POST', '/api/auth/login', { body: { name: m.name, password: password(m.name) } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ user: { name: m.name, role: m.role } });
    const cookie = /asterism_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    cookies.set(m.name, cookie ?? '');
  }
}, 600_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, path: string, o: { as?: Member; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { 'X-Asterism-Request': '1', ...(o.as ? { cookie: cookies.get(o.as) ?? '' } : {}), ...o.headers };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, { method, headers, ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  // an answer read field by field as the test asserts on it
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, json: json as Record<string, any>, headers: res.headers };
}

type Row = Record<string, unknown>;
const sum = (rows: Row[], key: string) => rows.reduce((t, r) => t + (typeof r[key] === 'number' ? (r[key] as number) : 0), 0);

describe('signing in', () => {
  test('without a session every route but /api/health and the login answers 401', async () => {
    expect((await call('GET', '/api/health')).status).toBe(200);
    for (const path of ['/api/metrics', '/api/query?metric=sales', '/api/audit', '/api/users', '/api/funnel']) {
      const res = await call('GET', path);
      expect(res.status, path).toBe(401);
      expect(res.json.error.message_zh).toContain('请先登录');
    }
  });

  test('a wrong password is 401; the password is kept as an argon2id hash, never as given', async () => {
    expect((await call('POST', '/api/auth/login', { body: { name: 'boss', password: 'nope' } })).status).toBe(401);
    expect((await call('POST', '/api/auth/login', { body: { name: 'nobody', password: 'nope' } })).status).toBe(401);
  });

  test('every page carries a strict Content-Security-Policy and the other security headers', async () => {
    const res = await call('GET', '/api/health');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self';/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('what each role reads', () => {
  // net_profit and net_margin are sensitive in the catalog; sales is not
  const query = '/api/query?metric=sales&metric=net_profit&metric=net_margin&by=marketplace';
  const seesCosts: Record<Member, boolean> = { boss: true, mgr: true, ads: true, li: false, cs: false, wh: false, view: false };
  test.each(team.map((m) => m.name))('%s: net profit only with the cost right, else null with hidden_by_role', async (name) => {
    const res = await call('GET', query, { as: name });
    expect(res.status).toBe(200);
    const rows = res.json.rows as Row[];
    expect(rows.length).toBeGreaterThan(0);
    const problems = (res.json.problems as { code: string; message_zh?: string }[]).filter((p) => p.code === 'hidden_by_role');
    if (seesCosts[name]) {
      expect(problems).toEqual([]);
      expect(rows.some((r) => typeof r.net_profit === 'number')).toBe(true);
    } else {
      expect(rows.every((r) => r.net_profit === null && r.net_margin === null)).toBe(true);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.message_zh).toContain('无权查看成本与利润');
      expect(rows.some((r) => typeof r.sales === 'number')).toBe(true);
    }
  });

  test("an operator with an owner scope sees only their ASINs' sales: 李娜's row of the owner's answer by owner", async () => {
    const byOwner = (await call('GET', '/api/query?metric=sales&by=owner&store=acme-home&currency=USD', { as: 'boss' })).json.rows as Row[];
    const hers = byOwner.find((r) => r.owner === '李娜');
    const all = sum(byOwner, 'sales');
    expect(hers).toBeDefined();
    const mine = (await call('GET', '/api/query?metric=sales&currency=USD', { as: 'li' })).json.rows as Row[];
    // her total is her row of the owner's split (same facts, same conversion), and less than the store's
    expect(sum(mine, 'sales')).toBeCloseTo(hers!.sales as number, 2);
    expect(sum(mine, 'sales')).toBeLessThan(all);
    // another store is outside her scope: nothing from it
    const other = (await call('GET', '/api/query?metric=sales&store=acme-outdoor', { as: 'li' })).json.rows as Row[];
    expect(sum(other, 'sales')).toBe(0);
  });

  test('the operator may not read the audit log; a funnel outside her store is refused', async () => {
    expect((await call('GET', '/api/audit', { as: 'li' })).status).toBe(403);
    const outside = await call('GET', '/api/funnel?store=acme-outdoor', { as: 'li' });
    expect(outside.status).toBe(403);
    expect(outside.json.error.message_en).toContain('outside');
  });
});

describe('reviews, review files and the profit page: cost and profit blank without the cost right, not refused', () => {
  const seesCosts: Record<Member, boolean> = { boss: true, mgr: true, ads: true, li: false, cs: false, wh: false, view: false };
  type Block = { values: Record<string, { value: number | null } | undefined> };
  test.each(team.map((m) => m.name))('%s: the monthly review', async (name) => {
    const res = await call('GET', '/api/report?kind=monthly', { as: name });
    expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBe(200);
    const blocks = res.json.headline as Block[];
    expect(blocks.length).toBeGreaterThan(0);
    const why = (res.json.problems as { en: string; zh: string }[]).filter((p) => p.zh.includes('无权查看成本与利润'));
    expect(blocks.some((b) => typeof b.values.sales?.value === 'number')).toBe(true);
    if (seesCosts[name]) {
      expect(blocks.some((b) => typeof b.values.net_profit?.value === 'number')).toBe(true);
      expect(why).toEqual([]);
    } else {
      expect(blocks.every((b) => b.values.net_profit?.value === null && b.values.ad_spend?.value === null)).toBe(true);
      expect(why).toHaveLength(1);
      expect(why[0]?.en).toContain('net_profit');
    }
    // a review of the whole demo takes a while to build; the roles after the first share its remembered answer
  }, 600_000);

  test('the review file: the viewer\'s says why net profit is blank, the owner\'s shows it; XLSX answers customer service too', async () => {
    const file = async (as: Member, format: string) => {
      const res = await fetch(`${server.url}/api/report/file?kind=monthly&format=${format}&lang=en`, { headers: { cookie: cookies.get(as) ?? '' } });
      return { status: res.status, text: format === 'md' ? await res.text() : '', bytes: (await res.arrayBuffer().catch(() => new ArrayBuffer(0))).byteLength };
    };
    const [boss, view, cs] = [await file('boss', 'md'), await file('view', 'md'), await file('cs', 'xlsx')];
    expect([boss.status, view.status, cs.status]).toEqual([200, 200, 200]);
    expect(view.text).toContain('does not see costs and profit');
    expect(boss.text).not.toContain('does not see costs and profit');
    // the net profit line: a figure for the owner, "—" for the viewer
    const netProfitLine = (md: string) => md.split('\n').find((l) => l.startsWith('| Net profit'));
    expect(netProfitLine(boss.text)).toMatch(/\d/);
    expect(netProfitLine(view.text)).toMatch(/^\| Net profit \| — \|/);
  }, 600_000);

  test('the profit page: the operator gets revenue, and net profit null with hidden_by_role', async () => {
    const res = await call('GET', '/api/profit?by=marketplace', { as: 'li' });
    expect(res.status).toBe(200);
    const rows = res.json.rows as Row[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.net_profit === null && r.cogs === null)).toBe(true);
    expect(rows.some((r) => typeof r.revenue === 'number')).toBe(true);
    expect((res.json.problems as { code: string }[]).some((p) => p.code === 'hidden_by_role')).toBe(true);
    const boss = (await call('GET', '/api/profit?by=marketplace', { as: 'boss' })).json.rows as Row[];
    expect(boss.some((r) => typeof r.net_profit === 'number')).toBe(true);
    expect((await call('GET', '/api/profit/unclassified', { as: 'li' })).status).toBe(403);
  });
});

describe('what each role changes', () => {
  let period: string;
  beforeAll(async () => {
    period = String((await call('GET', '/api/kpi/status', { as: 'boss' })).json.period.label);
  });

  test('a manager can lock a period; an operator, ads, customer service, warehouse and a viewer cannot', async () => {
    for (const name of ['li', 'ads', 'cs', 'wh', 'view'] as const) {
      const res = await call('POST', '/api/kpi/lock', { as: name, body: { period } });
      expect(res.status, name).toBe(403);
      expect(res.json.error.message_zh).toContain('无权执行 kpi_lock');
    }
    const locked = await call('POST', '/api/kpi/lock', { as: 'mgr', body: { period, user: 'someone else' } });
    expect(locked.status).toBe(200);
    // signed by whoever signed in, whatever name the request gives
    expect(locked.json.locked_by).toBe('mgr');
  });

  const changes: { what: string; method: string; path: string; body: (name: string) => unknown; allowed: Member[] }[] = [
    { what: 'enter an event', method: 'POST', path: '/api/events', body: (n) => ({ date: '2026-10-12', type: 'image_change', note: `by ${n}` }), allowed: ['boss', 'mgr', 'li', 'ads'] },
    { what: 'add a user', method: 'POST', path: '/api/users', body: (n) => ({ name: `new-${n}`, role: 'viewer', password: password(`new-${n}`) }), allowed: ['boss'] },
    {
      // the warehouse enters freight only, on a cost in force (below): a new SKU's unit cost is refused
      what: 'enter a cost', method: 'PUT', path: '/api/costs', allowed: ['boss', 'mgr'],
      body: (n) => ({ sku: `COST-${n}`, effective_from: '2026-01-01', currency: 'USD', unit_cost: '3.10', freight_per_unit: '0.40' }),
    },
    { what: 'set a KPI target', method: 'PUT', path: '/api/kpi/targets', body: () => ({ kpi: 'ctr', period: '2027-01', target: '0.8%', owner: '李娜' }), allowed: ['boss', 'mgr'] },
  ];
  describe.each(changes)('$what', ({ method, path, body, allowed }) => {
    test.each(team.map((m) => m.name))('%s', async (name) => {
      const res = await call(method, path, { as: name, body: body(name) });
      if (allowed.includes(name)) expect(res.status, JSON.stringify(res.json)).toBe(200);
      else {
        expect(res.status).toBe(403);
        expect(res.json.error.code).toBe('forbidden');
      }
    });
  });

  test('the warehouse changes freight only: freight on the cost in force passes, a unit cost is refused in zh and en', async () => {
    // COST-boss: 3.10 USD, freight 0.40, from 2026-01-01 (entered by the owner above)
    const base = { sku: 'COST-boss', effective_from: '2026-06-01', currency: 'USD' };
    const unit = await call('PUT', '/api/costs', { as: 'wh', body: { ...base, unit_cost: '2.90', freight_per_unit: '0.55' } });
    expect(unit.status).toBe(403);
    expect(unit.json.error.message_en).toContain('may change only freight_per_unit of a cost; unit_cost of COST-boss would change (unit_cost=2.90 where the cost in force from 2026-01-01 says unit_cost=3.1)');
    expect(unit.json.error.message_zh).toContain('只能修改成本中的 freight_per_unit');
    const noRow = await call('PUT', '/api/costs', { as: 'wh', body: { sku: 'COST-none', effective_from: '2026-06-01', freight_per_unit: '0.55' } });
    expect(noRow.status).toBe(403);
    expect(noRow.json.error.message_zh).toContain('没有生效的成本');
    // freight alone (the unit cost given again unchanged is no change): the rest carried over from the cost in force
    const freight = await call('PUT', '/api/costs', { as: 'wh', body: { ...base, unit_cost: '3.1', freight_per_unit: '0.55' } });
    expect(freight.status, JSON.stringify(freight.json)).toBe(200);
    expect(freight.json.cost).toMatchObject({ sku: 'COST-boss', effective_from: '2026-06-01', currency: 'USD', unit_cost: '3.1', freight_per_unit: '0.55' });
    const rows = (await call('GET', '/api/costs?sku=COST-boss', { as: 'boss' })).json.costs as Row[];
    expect(rows.map((r) => [r.effective_from, r.unit_cost, r.freight_per_unit])).toEqual([['2026-01-01', '3.1', '0.4'], ['2026-06-01', '3.1', '0.55']]);
  });

  test("a stolen session cookie sent from another site's page does nothing", async () => {
    const res = await call('POST', '/api/events', { as: 'boss', body: { date: '2026-10-13', type: 'image_change', note: 'stolen' }, headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(403);
    const events = (await call('GET', '/api/events', { as: 'boss' })).json.events as Row[];
    expect(events.some((e) => String(e.note ?? '').includes('stolen'))).toBe(false);
  });
});

describe('lock-out, logout and tokens', () => {
  test('five wrong passwords lock the user out, even with the right one next; the owner lifts it with a new password', async () => {
    for (let i = 0; i < 5; i++) expect((await call('POST', '/api/auth/login', { body: { name: 'cs', password: `wrong ${i}` } })).status).toBe(401);
    const locked = await call('POST', '/api/auth/login', { body: { name: 'cs', password: password('cs') } });
    expect(locked.status).toBe(401);
    expect(locked.json.error.code).toBe('locked_out');
    expect((await call('POST', '/api/users/password', { as: 'boss', body: { name: 'cs', password: 'a-new-password-1' } })).status).toBe(200);
    expect((await call('POST', '/api/auth/login', { body: { name: 'cs', password: 'a-new-password-1' } })).status).toBe(200);
  });

  test('a token works as its user until revoked; only its hash is kept', async () => {
    const made = await call('POST', '/api/tokens', { as: 'boss', body: { user: 'view' } });
    expect(made.status).toBe(200);
    const bearer = { authorization: `Bearer ${String(made.json.token)}` };
    expect((await call('GET', '/api/metrics', { headers: bearer })).status).toBe(200);
    expect((await call('POST', '/api/kpi/lock', { headers: bearer, body: { period: '2026-01' } })).status).toBe(403);
    expect(JSON.stringify((await call('GET', '/api/tokens', { as: 'boss' })).json)).not.toContain(String(made.json.token));
    expect((await call('DELETE', '/api/tokens', { as: 'boss', body: { id: made.json.entry.id } })).status).toBe(200);
    expect((await call('GET', '/api/metrics', { headers: bearer })).status).toBe(401);
  });

  test('logout ends the session', async () => {
    const login = await call('POST', '/api/auth/login', { body: { name: 'ads', password: password('ads') } });
    const cookie = /asterism_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
    expect((await call('GET', '/api/metrics', { headers: { cookie } })).status).toBe(200);
    expect((await call('POST', '/api/auth/logout', { headers: { cookie } })).status).toBe(200);
    expect((await call('GET', '/api/metrics', { headers: { cookie } })).status).toBe(401);
  });
});

describe('the audit log and the CLI through the server', () => {
  test('GET /api/audit lists every change made above, with who; only the owner and the manager read it', async () => {
    const res = await call('GET', '/api/audit', { as: 'boss' });
    expect(res.status).toBe(200);
    const entries = res.json.entries as { at: string; user: string; action: string; target: string | null; detail: string | null }[];
    const seen = (user: string, action: string) => entries.some((e) => e.user === user && e.action === action);
    expect(seen('mgr', 'kpi_lock')).toBe(true);
    for (const name of ['boss', 'mgr', 'li', 'ads']) expect(seen(name, 'events_add'), name).toBe(true);
    expect(seen('boss', 'users_add')).toBe(true);
    for (const name of ['boss', 'mgr', 'wh']) expect(seen(name, 'costs_set'), name).toBe(true);
    expect(seen('boss', 'tokens_create') && seen('boss', 'tokens_revoke') && seen('boss', 'users_reset_password')).toBe(true);
    // refused changes are not changes
    expect(seen('view', 'events_add')).toBe(false);
    // the password given to reset-password is never written
    expect(JSON.stringify(entries)).not.toContain('a-new-password-1');
    expect(entries[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect((await call('GET', '/api/audit', { as: 'view' })).status).toBe(403);
  });

  test('the CLI of the OS user who started the server works through it (a 0600 token file); with a viewer token it is refused', async () => {
    expect(statSync(`${dbPath}.token`).mode & 0o777).toBe(0o600);
    const audit = await runCli(['--db', dbPath, 'audit', '--json']);
    expect(audit.stderr).toBe('');
    expect((JSON.parse(audit.stdout) as { entries: { action: string }[] }).entries.some((e) => e.action === 'kpi_lock')).toBe(true);
    const made = await call('POST', '/api/tokens', { as: 'boss', body: { user: 'view' } });
    const refused = await runCli(['--db', dbPath, 'events', 'add', '--date', '2026-10-14', '--type', 'image_change'], { ASTERISM_TOKEN: String(made.json.token) });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('events_add');
  }, 60_000);

  test('the warehouse through the CLI: `costs set --freight` alone passes, a unit cost is refused naming the fields', async () => {
    const made = await call('POST', '/api/tokens', { as: 'boss', body: { user: 'wh' } });
    const env = { ASTERISM_TOKEN: String(made.json.token) };
    const freight = await runCli(['--db', dbPath, 'costs', 'set', '--sku', 'COST-boss', '--effective-from', '2026-07-01', '--freight', '0.60', '--json'], env);
    expect(freight.stderr).toBe('');
    // the unit cost and currency carried from the cost in force (3.1 USD)
    expect(JSON.parse(freight.stdout).cost).toMatchObject({ sku: 'COST-boss', effective_from: '2026-07-01', unit_cost: '3.1', currency: 'USD', freight_per_unit: '0.6' });
    const unit = await runCli(['--db', dbPath, 'costs', 'set', '--sku', 'COST-boss', '--effective-from', '2026-07-01', '--unit-cost', '9', '--currency', 'USD'], env);
    expect(unit.code).toBe(1);
    expect(unit.stderr).toContain('may change only freight_per_unit of a cost; unit_cost of COST-boss would change');
  }, 60_000);
});

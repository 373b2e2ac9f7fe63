import type { Context, MiddlewareHandler } from 'hono';
import { recordChange } from '../app/audit.ts';
import { operations, rowScopedOperations } from '../app/operations.ts';
import { changeRights, mayDo, readRights, userRoleNames, type Principal } from '../domain/rights.ts';
import type { RowScope } from '../metrics/request.ts';
import type { Database } from '../store/database.ts';
import { deny, type AuthVariables } from './auth.ts';

/**
 * What each request is (an action of the rights table), whether its user may do it, and, for a change that
 * succeeded, its line in the audit log. Operations are named by the operations table; the routes outside it here.
 */
const routeActions: { method: string; path: RegExp; action: string; params?: string[] }[] = [
  { method: 'POST', path: /^\/api\/import$/, action: 'import' },
  { method: 'POST', path: /^\/api\/upload$/, action: 'import' },
  { method: 'PUT', path: /^\/api\/fx$/, action: 'fx_set' },
  { method: 'GET', path: /^\/api\/report\/file$/, action: 'report_file' },
  ...Object.entries(operations).map(([name, op]) => ({
    method: op.method.toUpperCase(),
    path: new RegExp(`^${op.path.replace(/\{\w+\}/g, '([^/]+)').replace(/\//g, '\\/')}$`),
    action: name,
    params: [...op.path.matchAll(/\{(\w+)\}/g)].map((p) => p[1] ?? ''),
  })),
];
const reading = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Changes that are not the data's: signing in and out. */
const notAudited = new Set(['/api/auth/login', '/api/auth/logout']);

/** The action of a request and its path parameters (`/api/imports/7/undo`: imports_undo, id 7). */
export function actionOf(method: string, path: string): { action: string; params: Record<string, string> } {
  const m = method === 'HEAD' ? 'GET' : method;
  for (const r of routeActions) {
    const match = r.method === m ? r.path.exec(path) : null;
    if (match) return { action: r.action, params: Object.fromEntries((r.params ?? []).map((p, i) => [p, decodeURIComponent(match[i + 1] ?? '')])) };
  }
  return { action: `${m} ${path}`, params: {} };
}

export const principal = (c: Context): Principal | undefined => (c as unknown as Context<{ Variables: AuthVariables }>).get('principal');

export function authorize(db: Database): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    const who = c.get('principal');
    if (!path.startsWith('/api/') || who === undefined || notAudited.has(path)) return next();
    const changes = !reading.has(c.req.method);
    const { action, params } = actionOf(c.req.method, path);
    if (!mayDo(who, action, changes)) {
      const needed = (changes ? changeRights[action] : readRights[action]) ?? ['users'];
      return deny(c, 403, 'forbidden', 'role_may_not', { role: userRoleNames[who.role], action, right: needed.join(' / ') });
    }
    await next();
    if (!changes || c.res.status >= 300) return;
    const json = (c.req.header('content-type') ?? '').includes('application/json');
    const body: unknown = json ? await c.req.json().catch(() => ({})) : {};
    // path parameters (/api/imports/7/undo) name the target too
    const input = { ...(typeof body === 'object' && body !== null ? body : {}), ...params };
    const recorded = recordChange(db, { user: who.name, origin: c.get('clientAddress') }, action, input);
    // an accepted import (202) answers at once: its line waits its turn behind the import, not the answer
    if (c.res.status === 202) recorded.catch((e: unknown) => console.error(`audit log: ${(e as Error).message}`));
    else await recorded;
  };
}

/** The row scope of a user for the metric layer (undefined: sees everything). */
export function rowScope(who: Principal | undefined): RowScope | undefined {
  if (!who || (who.stores.length === 0 && who.marketplaces.length === 0 && who.ownerScope === null)) return undefined;
  return { stores: who.stores, marketplaces: who.marketplaces, owner: who.ownerScope };
}

/** Reads that hold no store's rows: a scoped user reads them as anyone. */
const unscopedReads = new Set(['benchmarks_list', 'kpi_periods_list', 'price_rules_list', 'users_list', 'tokens_list', 'audit', 'imports_list', 'kpi_targets_list']);

export type ScopedInput = { input: Record<string, unknown> } | { refused: { value: string; what: string; allowed: string }; outside: boolean };

/**
 * An operation's input inside the user's row scope: their store, marketplace and owner put in where the
 * operation takes them, anything asked outside refused. An operation that narrows its answer to the scope itself
 * (`rowScoped`: the funnel, the diagnosis, products) is handed the scope (app.ts); any other read that cannot be
 * narrowed (it takes no store where the user has several, no owner where the user has an owner scope) is refused;
 * a change (the rights table allowed it) is refused only when it names a store, marketplace or owner outside the scope.
 */
export function scopedInput(who: Principal | undefined, name: string, keys: ReadonlySet<string>, input: Record<string, unknown>, reads = true): ScopedInput {
  if (!who || unscopedReads.has(name) || !rowScope(who)) return { input };
  const out = { ...input };
  // asked outside the scope is refused all the same; nothing else to put in where the operation narrows itself
  const fills = reads && !rowScopedOperations.has(name);
  const narrow = (key: 'store' | 'marketplace', allowed: readonly string[]): ScopedInput | undefined => {
    if (allowed.length === 0) return undefined;
    const asked = out[key];
    const list = allowed.join(', ');
    if (typeof asked === 'string' && asked !== '') {
      return allowed.some((a) => a.toUpperCase() === asked.toUpperCase()) ? undefined : { refused: { value: asked, what: key, allowed: list }, outside: true };
    }
    if (!fills) return undefined;
    if (!keys.has(key) || allowed.length > 1) return { refused: { value: name, what: key, allowed: list }, outside: false };
    out[key] = allowed[0];
    return undefined;
  };
  const refused = narrow('store', who.stores) ?? narrow('marketplace', who.marketplaces);
  if (refused) return refused;
  if (who.ownerScope !== null) {
    const asked = out.owner;
    if (typeof asked === 'string' && asked !== '' && asked !== who.ownerScope) return { refused: { value: asked, what: 'owner', allowed: who.ownerScope }, outside: true };
    if (!fills) return { input: out };
    if (!keys.has('owner')) return { refused: { value: name, what: 'owner', allowed: who.ownerScope }, outside: false };
    out.owner = who.ownerScope;
  }
  return { input: out };
}

import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { timingSafeEqual } from 'node:crypto';
import { say, type MessageKey, type MessageParam } from '../domain/messages.ts';
import { hasRight, rights, type Principal } from '../domain/rights.ts';
import type { Database } from '../store/database.ts';
import { createSession, endSession, sessionHours, sessionUser, tokenUser } from '../store/sessions.ts';
import { checkLogin, findUser, principalOf, userCount } from '../store/users.ts';
import { answerLanguage } from './refusals.ts';

/**
 * Who is asking (issue 20). With no users the server listens on loopback only (serve.ts) and everyone who reaches
 * it is the owner; once a user exists every /api route but /api/health and the login needs a session cookie
 * or an API token. The dashboard's files (no data in them) load without one, so its login page can show.
 */
export const sessionCookie = 'asterism_session';
/** The routes that answer without sign-in (the OpenAPI document declares them so). */
export const openRoutes = new Set(['/api/health', '/api/auth/login']);
/** Sign-in attempts per address per minute, before any password is checked. */
const attemptsPerMinute = 20;

export interface AuthOptions {
  /** the server's own token for the CLI of the OS user who started it (`<db>.token`, mode 0600) */
  localToken?: { token: string; user: string };
  /** served over TLS: the cookie gets Secure */
  secure?: boolean;
}

export type AuthVariables = { principal: Principal; via: 'session' | 'token' | 'local' | 'open'; clientAddress: string };

const localOwner = (name: string): Principal => ({ name, role: 'owner', stores: [], marketplaces: [], ownerScope: null, seeCosts: null });

export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}

export function deny(c: Context, status: 401 | 403 | 429, code: string, key: MessageKey, params: Record<string, MessageParam> = {}): Response {
  const texts = say(key, params);
  return c.json({ error: { code, message: texts[answerLanguage(c.req.header('accept-language'))], message_en: texts.en, message_zh: texts.zh } }, status);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Sets `principal` on the context, or answers 401. */
export function authenticate(db: Database, options: AuthOptions): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    c.set('clientAddress', clientAddress(c));
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer !== undefined) {
      if (options.localToken && sameSecret(bearer, options.localToken.token)) {
        c.set('principal', localOwner(options.localToken.user));
        c.set('via', 'local');
        return next();
      }
      const name = await tokenUser(db, bearer);
      const user = name === undefined ? undefined : await findUser(db, name);
      if (!user) return deny(c, 401, 'unauthorized', 'login_required');
      c.set('principal', principalOf(user));
      c.set('via', 'token');
      return next();
    }
    const session = getCookie(c, sessionCookie);
    if (session !== undefined) {
      const name = await sessionUser(db, session);
      const user = name === undefined ? undefined : await findUser(db, name);
      if (user) {
        c.set('principal', principalOf(user));
        c.set('via', 'session');
        return next();
      }
    }
    if ((await userCount(db)) === 0) {
      // no users: only loopback reaches this server (serve refuses any other address)
      c.set('principal', localOwner('local'));
      c.set('via', 'open');
      return next();
    }
    if (openRoutes.has(path) || !path.startsWith('/api/')) return next();
    return deny(c, 401, 'unauthorized', 'login_required');
  };
}

/** Failed and successful sign-in attempts per address, in the last minute (memory only: a restart forgets). */
class Attempts {
  private readonly seen = new Map<string, number[]>();
  allow(address: string, now = Date.now()): boolean {
    const recent = (this.seen.get(address) ?? []).filter((t) => now - t < 60_000);
    recent.push(now);
    this.seen.set(address, recent);
    if (this.seen.size > 10_000) this.seen.clear(); // bounded memory under a flood of addresses
    return recent.length <= attemptsPerMinute;
  }
}

/** `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`. */
export function registerAuthRoutes(app: { post: (path: string, h: (c: Context<{ Variables: AuthVariables }>) => Promise<Response>) => unknown; get: (path: string, h: (c: Context<{ Variables: AuthVariables }>) => Promise<Response> | Response) => unknown }, db: Database, options: AuthOptions): void {
  const attempts = new Attempts();
  app.post('/api/auth/login', async (c) => {
    if (!attempts.allow(c.get('clientAddress'))) return deny(c, 429, 'too_many_requests', 'login_throttled');
    let body: { name?: unknown; password?: unknown };
    try {
      body = (await c.req.json()) as typeof body;
    } catch {
      body = {};
    }
    const name = typeof body.name === 'string' ? body.name : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const check = await checkLogin(db, name, password);
    if (!check.ok) {
      return check.reason === 'locked' ? deny(c, 401, 'locked_out', 'login_locked', { until: check.until?.slice(0, 19) ?? '' }) : deny(c, 401, 'unauthorized', 'login_wrong');
    }
    const session = await createSession(db, check.user.name);
    setCookie(c, sessionCookie, session.id, { httpOnly: true, sameSite: 'Strict', secure: options.secure === true, path: '/', maxAge: sessionHours * 3600 });
    return c.json({ user: { name: check.user.name, role: check.user.role } }, 200);
  });
  app.post('/api/auth/logout', async (c) => {
    const session = getCookie(c, sessionCookie);
    if (session !== undefined) await endSession(db, session);
    deleteCookie(c, sessionCookie, { path: '/', secure: options.secure === true });
    return c.json({ ok: true }, 200);
  });
  app.get('/api/auth/me', (c) => {
    const p = c.get('principal');
    const granted = rights.filter((r) => hasRight(p, r));
    return c.json({ user: { name: p.name, role: p.role, stores: p.stores, marketplaces: p.marketplaces, owner_scope: p.ownerScope, rights: granted }, via: c.get('via') }, 200);
  });
}

import type { OpenAPIHono } from '@hono/zod-openapi';
import { openRoutes, sessionCookie } from './auth.ts';
import { requestHeader } from './own-pages.ts';

type Operation = { parameters?: unknown[]; responses?: Record<string, unknown>; operationId?: string; summary?: string; security?: Record<string, string[]>[] };
const reading = new Set(['get', 'head', 'options']);

/**
 * How a client signs in to a server with users (issue 20): the session cookie the login sets, or a bearer token
 * (an API token, or the server's own token for the CLI of the OS user who started it).
 */
const securitySchemes = {
  sessionCookie: { type: 'apiKey', in: 'cookie', name: sessionCookie, description: 'the session POST /api/auth/login sets (HttpOnly; Secure over TLS)' },
  apiToken: { type: 'http', scheme: 'bearer', description: 'an API token (`asterism users token`), or the server\'s own `<database>.token` for the CLI of the OS user who started it' },
} as const;
const signedIn: Record<string, string[]>[] = [{ sessionCookie: [] }, { apiToken: [] }];
const unauthorized = { description: 'not signed in (no valid session cookie or bearer token) while the server has users', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

/** GET /api/openapi.json: the routes as declared, plus what the trust middleware asks of every
 * state-changing one (the header) and how it refuses, and, once the server has users, the sign-in every
 * route but the open ones needs (`hasUsers`: absent for a server that checks no sign-in itself). */
export function registerOpenApiDoc(app: OpenAPIHono, hasUsers?: () => Promise<boolean>): void {
  const config = {
    openapi: '3.1.0',
    info: {
      title: 'Asterism API', version: '0.1.0',
      description: 'Asterism (联星): the operations cockpit for Amazon sellers. Every request must be addressed to the server\'s own address '
        + '(or a name given with --allowed-host): others answer 421. A request that changes data (POST, PUT, PATCH, DELETE) needs the header '
        + `${requestHeader.name}: ${requestHeader.value} and, when it carries an Origin, the server's own: others answer 403. Error messages `
        + 'follow Accept-Language (zh or en).',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    // the server that serves this document: clients resolve paths against it
    servers: [{ url: '/', description: 'this Asterism server' }],
  };
  app.get('/api/openapi.json', async (c) => {
    const users = (await hasUsers?.()) === true;
    const doc = app.getOpenAPI31Document({
      ...config,
      // with users, a session or a token; with none, no sign-in (the server then listens on loopback only), a token still accepted
      security: users ? signedIn : [{}, ...signedIn],
    });
    doc.components = { ...doc.components, securitySchemes: securitySchemes as NonNullable<typeof doc.components>['securitySchemes'] };
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
        if (typeof op !== 'object') continue;
        // a route registered without one still gets a stable id a generated client can name a method by
        op.operationId ??= operationIdFrom(method, path);
        op.responses = { ...op.responses, 421: misdirected };
        if (users && openRoutes.has(path)) op.security = [{}];
        else if (users) op.responses = { ...op.responses, 401: unauthorized };
        if (reading.has(method)) continue;
        op.parameters = [...(op.parameters ?? []), {
          name: requestHeader.name, in: 'header', required: true, schema: { type: 'string', enum: [requestHeader.value] },
          description: 'proves the request comes from the dashboard or the CLI: a page of another site cannot send it',
        }];
        op.responses = {
          ...op.responses,
          403: { description: 'without the header, from another site\'s page, or (by-path import) a file outside --import-dir', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        };
      }
    }
    return c.json(doc);
  });
}

/** Every route refuses a request addressed to a name that is not the server's (the trust middleware). */
const misdirected = {
  description: 'the request\'s Host is not one of this server\'s names (see --allowed-host)',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

/** `get /api/kpi/targets` → `getKpiTargets`; `{id}` → `ById` */
function operationIdFrom(method: string, path: string): string {
  const words = path.replace(/^\/api\//, '').split(/[/_-]/).filter(Boolean).map((w) => (w.startsWith('{') ? `by ${w.slice(1, -1)}` : w));
  return [method, ...words.flatMap((w) => w.split(' '))].map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

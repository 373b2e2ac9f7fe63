import type { MiddlewareHandler } from 'hono';
import type { AllowedHosts } from './allowed-hosts.ts';
import { Refusal, refusalAnswer } from './refusals.ts';

/** The header every state change needs: a page of another site cannot set it without a CORS preflight,
 * and the server answers none (it sends no Access-Control-* headers). */
export const requestHeader = { name: 'X-Asterism-Request', value: '1' } as const;

const reading = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The server trusts only its own pages: a request addressed to a name it does not serve is refused
 * (DNS rebinding), and a request that changes data must come from no page or one of its own (Origin)
 * and carry `X-Asterism-Request: 1` (a cross-site form or `no-cors` fetch cannot).
 */
export function ownPagesOnly(hosts: AllowedHosts): MiddlewareHandler {
  return async (c, next) => {
    const hostHeader = c.req.header('host');
    const urlHost = new URL(c.req.url).host;
    if (!hosts.allowsAuthority(hostHeader ?? urlHost) || !hosts.allowsAuthority(urlHost)) {
      return refusalAnswer(c, new Refusal('foreign_host', { host: (hostHeader ?? urlHost).slice(0, 200) }));
    }
    if (reading.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && !ownOrigin(hosts, origin)) return refusalAnswer(c, new Refusal('foreign_origin', { origin: origin.slice(0, 200) }));
    if (c.req.header(requestHeader.name) !== requestHeader.value) return refusalAnswer(c, new Refusal('missing_request_header'));
    return next();
  };
}

function ownOrigin(hosts: AllowedHosts, origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (a sandboxed page, a file) and anything unreadable
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (`${url.protocol}//${url.host}` !== origin.toLowerCase().replace(/\/$/, '')) return false;
  return hosts.allowsAuthority(url.host, url.protocol === 'https:' ? '443' : '80');
}

import { say } from '../domain/messages.ts';
import { AsterismError } from '../domain/errors.ts';
import { networkInterfaces } from 'node:os';

/** A `Host` (or an Origin's host) split into name and port; undefined when it is not a plain host[:port]
 * (user info, a path or spaces would let `new URL` read another host out of it). */
export function parseAuthority(authority: string, defaultPort = '80'): { name: string; port: string } | undefined {
  if (!/^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/.test(authority)) return undefined;
  try {
    const url = new URL(`http://${authority}`);
    return { name: url.hostname, port: url.port || (/:\d+$/.test(authority) ? '80' : defaultPort) };
  } catch {
    return undefined;
  }
}

const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];
const isLoopback = (name: string) => name === 'localhost' || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name);
const isWildcard = (name: string) => name === '0.0.0.0' || name === '[::]';

/**
 * The names the server answers to (DNS rebinding sends a foreign name to a loopback address): the address
 * it listens on, the loopback spellings of a loopback bind (every interface's address for 0.0.0.0/::), and
 * the names given with `--allowed-host` (any port unless the name carries one). Before `serveAt` (a server
 * not yet listening) nothing passes; `inProcess()` (tests calling `app.request`) passes loopback names only.
 */
export class AllowedHosts {
  private readonly served = new Set<string>();
  private readonly names = new Set<string>();
  private readonly namesWithPort = new Set<string>();

  constructor(allowed: readonly string[] = [], private readonly anyLoopbackPort = false) {
    for (const entry of allowed) {
      const parsed = parseAuthority(entry.trim());
      if (!parsed) throw new AsterismError('bad_request', say('not_a_host', { value: entry }));
      if (/:\d+$/.test(entry.trim())) this.namesWithPort.add(`${parsed.name}:${parsed.port}`);
      else this.names.add(parsed.name);
    }
  }

  static inProcess(): AllowedHosts {
    return new AllowedHosts([], true);
  }

  /** Called once the server listens: `host` as given to --host, `port` as bound. */
  serveAt(host: string, port: number): void {
    const name = parseAuthority(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host)?.name ?? host.toLowerCase();
    const names = new Set([name]);
    if (isLoopback(name) || isWildcard(name)) loopbackNames.forEach((n) => names.add(n));
    if (isWildcard(name)) {
      for (const a of Object.values(networkInterfaces()).flat()) if (a) names.add(a.family === 'IPv6' ? `[${a.address.split('%')[0]}]` : a.address);
    }
    for (const n of names) this.served.add(`${n}:${port}`);
  }

  allows(name: string, port: string): boolean {
    return this.served.has(`${name}:${port}`) || this.names.has(name) || this.namesWithPort.has(`${name}:${port}`)
      || (this.anyLoopbackPort && isLoopback(name));
  }

  allowsAuthority(authority: string | undefined, defaultPort = '80'): boolean {
    const parsed = authority === undefined ? undefined : parseAuthority(authority, defaultPort);
    return parsed !== undefined && this.allows(parsed.name, parsed.port);
  }
}

import { AsterismError } from '../../domain/errors.ts';
import { say } from '../../domain/messages.ts';

/**
 * Login with Amazon: a refresh token exchanged for an access token that lasts about an hour
 * (https://developer-docs.amazon.com/sp-api/docs/connecting-to-the-selling-partner-api#step-1-request-a-login-with-amazon-access-token).
 * The token is refreshed a minute before it expires, and on demand after a 401.
 */
export interface LwaCredentials {
  api: 'sp' | 'ads';
  store: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

const earlyMs = 60_000;

export class LwaToken {
  private token: { value: string; expires: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly credentials: LwaCredentials, private readonly fetchImpl: typeof fetch = fetch) {}

  async get(): Promise<string> {
    if (this.token && this.token.expires - earlyMs > Date.now()) return this.token.value;
    return this.refresh();
  }

  /** A new access token now (after a 401); concurrent callers share one exchange. */
  refresh(): Promise<string> {
    this.pending ??= this.exchange().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async exchange(): Promise<string> {
    const c = this.credentials;
    const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: c.refreshToken, client_id: c.clientId, client_secret: c.clientSecret });
    let response: Response;
    let lastError: unknown;
    for (let attempt = 0; ; attempt++) {
      try {
        response = await this.fetchImpl(c.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body });
        if (response.status < 500 || attempt >= 2) break;
      } catch (e) {
        lastError = e;
        if (attempt >= 2) throw new AsterismError('server_unreachable', say('sync_network_error', { operation: 'LWA token', host: new URL(c.tokenUrl).host, reason: String((lastError as Error).message ?? lastError) }));
      }
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
    const json = (await response.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown };
    if (response.ok && typeof json.access_token === 'string') {
      const seconds = typeof json.expires_in === 'number' ? json.expires_in : 3600;
      this.token = { value: json.access_token, expires: Date.now() + seconds * 1000 };
      return json.access_token;
    }
    // invalid_grant (a revoked or wrong refresh token), invalid_client (a wrong client id or secret): the seller must act
    const reason = [json.error, json.error_description].filter((v) => typeof v === 'string').join(': ') || `HTTP ${response.status}`;
    throw new AsterismError('bad_request', say('sync_bad_refresh_token', { api: c.api === 'sp' ? 'SP-API' : 'Ads API', store: c.store, reason }), { auth: true });
  }
}

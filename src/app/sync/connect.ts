import { AsterismError } from '../../domain/errors.ts';
import { marketplaceByCode, marketplaceByAmazonId } from '../../domain/marketplaces.ts';
import { say } from '../../domain/messages.ts';
import { credentials, listConnections, saveConnection, type AmazonApi, type Connection } from '../../store/amazon-connections.ts';
import type { Database } from '../../store/database.ts';
import { ApiClient, timing } from './api-client.ts';
import { endpoints, regionOf, regions, type Region } from './endpoints.ts';
import { LwaToken } from './lwa.ts';

export interface ConnectInput {
  store: string;
  region: string;
  marketplace?: readonly string[] | undefined;
  refresh_token: string;
  client_id: string;
  client_secret: string;
  /** ads only */
  profile?: string | undefined;
  /** save without asking Amazon whether the token works (offline set-up) */
  no_check?: boolean | undefined;
}

export interface AdsProfile {
  profileId: string;
  countryCode: string | null;
  accountName: string | null;
  type: string | null;
}

/**
 * `asterism connect amazon|ads`: checks the values, asks Login with Amazon whether the refresh token works (a token
 * Amazon refuses is not saved), then saves the connection with its secrets sealed. The answer never carries a secret.
 */
export async function connectStore(db: Database, api: AmazonApi, input: ConnectInput, env: NodeJS.ProcessEnv = process.env): Promise<{ connection: Connection; profiles?: AdsProfile[] }> {
  const store = required(input.store, '--store');
  const region = regionOrFail(input.region);
  const clientId = required(input.client_id, '--client-id');
  const clientSecret = required(input.client_secret, '--client-secret');
  const refreshToken = required(input.refresh_token, '--refresh-token');
  let marketplaces = (input.marketplace ?? []).map((code) => {
    const m = marketplaceByCode(code.trim());
    if (!m) throw new AsterismError('bad_marketplace', say('bad_marketplace_option', { value: code }));
    if (regionOf(m) !== region) throw new AsterismError('bad_marketplace', say('sync_marketplace_region', { marketplace: m.code, region, expected: regionOf(m) }));
    return m.code;
  });
  if (api === 'sp' && marketplaces.length === 0) throw new AsterismError('bad_request', say('sync_missing_value', { what: '--marketplace' }));
  const where = endpoints(region, env);
  const token = new LwaToken({ api, store, tokenUrl: api === 'sp' ? where.lwaSp : where.lwaAds, clientId, clientSecret, refreshToken });
  let profiles: AdsProfile[] | undefined;
  let profileId = input.profile?.trim() || undefined;
  if (!input.no_check) {
    await token.get();
    if (api === 'ads') {
      profiles = await adsProfiles(new ApiClient('ads', where.ads, token, timing(env), { 'Amazon-Advertising-API-ClientId': clientId }));
      const chosen = profileId ? profiles.find((p) => p.profileId === profileId) : profiles.length === 1 ? profiles[0] : undefined;
      if (!chosen) {
        throw new AsterismError('bad_request', say('sync_no_ads_profile', {
          profile: profileId ?? '(none given: --profile ID)', known: profiles.map((p) => `${p.profileId} (${p.countryCode ?? '?'} ${p.accountName ?? ''})`.trim()).join(', ') || '—',
        }));
      }
      profileId = chosen.profileId;
      const code = chosen.countryCode === 'GB' ? 'UK' : chosen.countryCode;
      if (marketplaces.length === 0 && code && marketplaceByCode(code)) marketplaces = [code];
    }
  }
  const connection = await saveConnection(db, { api, store, region, marketplaces, clientId, clientSecret, refreshToken, profileId });
  return profiles ? { connection, profiles } : { connection };
}

/** `asterism connect list`: each connection and whether Amazon takes its token now. */
export async function connectionsChecked(db: Database, env: NodeJS.ProcessEnv = process.env): Promise<{ connections: (Connection & { token_ok: boolean; token_error: string | null })[] }> {
  const out = [];
  for (const c of await listConnections(db)) {
    let error: string | null = null;
    try {
      const secret = await credentials(db, c.api, c.store);
      if (!secret) throw new Error('gone');
      const where = endpoints(c.region as Region, env);
      await new LwaToken({ api: c.api, store: c.store, tokenUrl: c.api === 'sp' ? where.lwaSp : where.lwaAds, clientId: secret.client_id, clientSecret: secret.clientSecret, refreshToken: secret.refreshToken }).get();
    } catch (e) {
      error = e instanceof AsterismError ? e.message : String((e as Error).message ?? e);
    }
    out.push({ ...c, token_ok: error === null, token_error: error });
  }
  return { connections: out };
}

/** GET /v2/profiles (https://advertising.amazon.com/API/docs/en-us/reference/2/profiles) */
export async function adsProfiles(client: ApiClient): Promise<AdsProfile[]> {
  const answer = await client.call('adsProfiles', 'GET', '/v2/profiles');
  const list = Array.isArray(answer.json) ? answer.json as Record<string, unknown>[] : [];
  return list.map((p) => {
    const info = (typeof p.accountInfo === 'object' && p.accountInfo !== null ? p.accountInfo : {}) as Record<string, unknown>;
    const country = typeof p.countryCode === 'string' ? p.countryCode : (typeof info.marketplaceStringId === 'string' ? marketplaceByAmazonId(info.marketplaceStringId)?.code ?? null : null);
    return { profileId: String(p.profileId), countryCode: country, accountName: typeof info.name === 'string' ? info.name : null, type: typeof info.type === 'string' ? info.type : null };
  });
}

function required(value: string | undefined, what: string): string {
  const v = value?.trim();
  if (!v) throw new AsterismError('bad_request', say('sync_missing_value', { what }));
  return v;
}

function regionOrFail(value: string): Region {
  const r = value?.trim().toLowerCase();
  if (!(regions as readonly string[]).includes(r)) throw new AsterismError('bad_request', say('sync_bad_region', { value: String(value) }));
  return r as Region;
}

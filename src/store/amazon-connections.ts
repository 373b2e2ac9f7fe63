import type { Database } from './database.ts';
import { secretBox } from './secrets.ts';

/**
 * Stores connected to Amazon's APIs. The refresh token and client secret are sealed (secrets.ts), each bound to its
 * row and field, and only `credentials` opens them: what is listed, printed or answered never carries them.
 */
export type AmazonApi = 'sp' | 'ads';

export interface ConnectionInput {
  api: AmazonApi;
  store: string;
  region: string;
  marketplaces: readonly string[];
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  profileId?: string | undefined;
}

/** what may be shown: no secret */
export interface Connection {
  api: AmazonApi;
  store: string;
  region: string;
  marketplaces: string[];
  client_id: string;
  profile_id: string | null;
  updated_at: string;
}

export interface Credentials extends Connection {
  clientSecret: string;
  refreshToken: string;
}

const context = (api: AmazonApi, store: string, field: string): string => `connection:${api}:${store}:${field}`;

export async function saveConnection(db: Database, c: ConnectionInput): Promise<Connection> {
  const box = secretBox(db.path);
  await db.transaction(async () => {
    await db.run('INSERT INTO stores (name) VALUES ($1) ON CONFLICT DO NOTHING', [c.store]);
    await db.run(`INSERT OR REPLACE INTO amazon_connections (api, store, region, marketplaces, client_id, client_secret_sealed, refresh_token_sealed, profile_id, updated_at)
      VALUES ($1, $2, $3, CAST(json($4::VARCHAR) AS VARCHAR[]), $5, $6, $7, $8, current_timestamp)`, [
      c.api, c.store, c.region, JSON.stringify(c.marketplaces), c.clientId,
      box.seal(c.clientSecret, context(c.api, c.store, 'client_secret')), box.seal(c.refreshToken, context(c.api, c.store, 'refresh_token')),
      c.profileId ?? null,
    ]);
  });
  const saved = (await listConnections(db)).find((x) => x.api === c.api && x.store === c.store);
  if (!saved) throw new Error('the connection was not saved');
  return saved;
}

const columns = 'api, store, region, marketplaces, client_id, profile_id, CAST(updated_at AS VARCHAR) AS updated_at';

export async function listConnections(db: Database, api?: AmazonApi): Promise<Connection[]> {
  const rows = await db.all(`SELECT ${columns} FROM amazon_connections ${api ? 'WHERE api = $1' : ''} ORDER BY api DESC, store`, api ? [api] : []);
  return rows.map(shown);
}

/** The connection with its secrets opened: only for calling Amazon. */
export async function credentials(db: Database, api: AmazonApi, store: string): Promise<Credentials | undefined> {
  const [row] = await db.all(`SELECT ${columns}, client_secret_sealed, refresh_token_sealed FROM amazon_connections WHERE api = $1 AND store = $2`, [api, store]);
  if (!row) return undefined;
  const box = secretBox(db.path);
  return {
    ...shown(row),
    clientSecret: box.open(String(row.client_secret_sealed), context(api, store, 'client_secret')),
    refreshToken: box.open(String(row.refresh_token_sealed), context(api, store, 'refresh_token')),
  };
}

export async function removeConnection(db: Database, api: AmazonApi, store: string): Promise<boolean> {
  return (await db.run('DELETE FROM amazon_connections WHERE api = $1 AND store = $2', [api, store])) > 0;
}

function shown(r: Record<string, unknown>): Connection {
  return {
    api: r.api === 'ads' ? 'ads' : 'sp', store: String(r.store), region: String(r.region),
    marketplaces: Array.isArray(r.marketplaces) ? r.marketplaces.map(String) : [], client_id: String(r.client_id),
    profile_id: r.profile_id == null ? null : String(r.profile_id), updated_at: String(r.updated_at),
  };
}

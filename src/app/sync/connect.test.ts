import { afterEach, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { Database } from '../../store/database.ts';
import { storeJp, storeUs, syncWorld, type SyncWorld } from '../../../test/fakes/sync-setup.ts';
import { connectionsChecked, connectStore } from './connect.ts';
import { runOperation } from '../operations.ts';

let world: SyncWorld | undefined;
let db: Database | undefined;
afterEach(async () => {
  db?.close();
  db = undefined;
  await world?.close();
  world = undefined;
});

const us = { store: storeUs.store, region: 'na', marketplace: ['US'], refresh_token: storeUs.refreshToken, client_id: storeUs.clientId, client_secret: storeUs.clientSecret };

describe('connecting a store', () => {
  test('secrets are sealed in the database file and never answered, listed or printed', async () => {
    world = await syncWorld();
    db = await Database.open(world.db);
    const answer = await connectStore(db, 'sp', us, world.env);
    expect(answer.connection).toMatchObject({ api: 'sp', store: storeUs.store, region: 'na', marketplaces: ['US'], client_id: storeUs.clientId });
    const everything = JSON.stringify([answer, await connectionsChecked(db, world.env), await db.all('SELECT * FROM amazon_connections')]);
    expect(everything).not.toContain(storeUs.refreshToken);
    expect(everything).not.toContain(storeUs.clientSecret);
    db.close();
    db = undefined;
    // not in the file either (DuckDB writes strings as they are: a clear token would be found)
    expect(readFileSync(world.db).includes(Buffer.from('us-refresh'))).toBe(false);
    expect(readFileSync(world.db).includes(Buffer.from(storeUs.clientId))).toBe(true);
  });

  test('`connect list` says whether each token works now', async () => {
    world = await syncWorld();
    db = await Database.open(world.db);
    await connectStore(db, 'sp', us, world.env);
    await connectStore(db, 'sp', { ...us, store: storeJp.store, region: 'fe', marketplace: ['JP'], refresh_token: storeJp.refreshToken, client_id: storeJp.clientId, client_secret: storeJp.clientSecret }, world.env);
    world.fake.options.stores[1] = { ...storeJp, refreshToken: 'Atzr|revoked' };
    const { connections } = await connectionsChecked(db, world.env);
    expect(connections.map((c) => [c.store, c.token_ok])).toEqual([[storeJp.store, false], [storeUs.store, true]]);
    expect(connections[0]?.token_error).toContain('invalid_grant');
  });

  test('a refused token, a marketplace of another region, a missing value: refused, nothing saved', async () => {
    world = await syncWorld();
    db = await Database.open(world.db);
    await expect(connectStore(db, 'sp', { ...us, refresh_token: 'Atzr|wrong' }, world.env)).rejects.toThrow(/Amazon refused the refresh token of SP-API connection "acme-us"/);
    await expect(connectStore(db, 'sp', { ...us, marketplace: ['JP'] }, world.env)).rejects.toThrow(/JP is served by the fe region, not na/);
    await expect(connectStore(db, 'sp', { ...us, marketplace: [] }, world.env)).rejects.toThrow(/--marketplace is required/);
    await expect(connectStore(db, 'sp', { ...us, region: 'asia' }, world.env)).rejects.toThrow(/not na, eu or fe/);
    expect(await db.all('SELECT * FROM amazon_connections')).toEqual([]);
  });

  test('Ads API: the profile is chosen from /v2/profiles; an unknown one is refused with the list', async () => {
    world = await syncWorld({ stores: [{ ...storeUs, profiles: [{ profileId: '111', countryCode: 'US', name: 'Acme US' }, { profileId: '222', countryCode: 'CA', name: 'Acme CA' }] }] });
    db = await Database.open(world.db);
    const ads = { ...us, marketplace: [] };
    await expect(connectStore(db, 'ads', ads, world.env)).rejects.toThrow(/no profile \(none given: --profile ID\).*111 \(US Acme US\), 222 \(CA Acme CA\)/);
    const { connection } = await connectStore(db, 'ads', { ...ads, profile: '111' }, world.env);
    expect(connection).toMatchObject({ api: 'ads', profile_id: '111', marketplaces: ['US'] });
  });

  test('a validation error never quotes a secret back', async () => {
    db = await Database.open(':memory:');
    const error = await runOperation(db, 'connect_amazon', { ...us, store: 7, refresh_token: { token: 'Atzr|leak' } }).then(() => new Error('accepted'), (e: unknown) => e as Error);
    expect(String(error.message)).toMatch(/store/);
    expect(String(error.message)).not.toContain('leak');
  });
});

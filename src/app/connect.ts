import { readServerFile } from '../store/server-file.ts';
import type { AsterismApi } from './asterism-api.ts';
import { LocalAsterism } from './local.ts';
import { RemoteAsterism } from './remote.ts';

/** Opens the database file, or goes through the server that holds it (found by its server file). */
export async function connect(dbPath: string): Promise<AsterismApi> {
  const server = readServerFile(dbPath);
  if (server) return new RemoteAsterism(server.url);
  return LocalAsterism.open(dbPath);
}

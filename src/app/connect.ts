import { userInfo } from 'node:os';
import { readLocalToken } from '../store/local-token.ts';
import { readServerFile } from '../store/server-file.ts';
import type { AsterismApi } from './asterism-api.ts';
import { LocalAsterism } from './local.ts';
import { RemoteAsterism } from './remote.ts';

/** Opens the database file, or goes through the server that holds it (found by its server file). */
export async function connect(dbPath: string): Promise<AsterismApi> {
  const server = readServerFile(dbPath);
  // through the server: as the OS user who started it (its 0600 token file), or with $ASTERISM_TOKEN
  if (server) return new RemoteAsterism(server.url, process.env.ASTERISM_TOKEN ?? readLocalToken(dbPath));
  // on the file itself: changes are logged as $ASTERISM_USER or the OS user, from the CLI
  return LocalAsterism.open(dbPath, { user: process.env.ASTERISM_USER ?? userInfo().username, origin: 'cli' });
}

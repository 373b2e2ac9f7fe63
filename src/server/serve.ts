import { serve as serveHttp, type ServerType } from '@hono/node-server';
import { LocalAsterism } from '../app/local.ts';
import { removeServerFile, writeServerFile } from '../store/server-file.ts';
import { fileURLToPath } from 'node:url';
import { createApi } from './app.ts';
import { serveWebApp } from './static.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Opens the database, serves the API, and leaves the server file beside the database so CLI commands
 * on the same file come through this process. */
export async function startServer(options: { dbPath: string; port: number; host: string }): Promise<RunningServer> {
  const asterism = await LocalAsterism.open(options.dbPath);
  const app = createApi(asterism);
  serveWebApp(app, fileURLToPath(new URL('../../web/dist', import.meta.url)));
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serveHttp({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  writeServerFile(asterism.db.path, { pid: process.pid, url });
  return {
    url,
    close: async () => {
      removeServerFile(asterism.db.path);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await asterism.close();
    },
  };
}

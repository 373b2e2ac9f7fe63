import { say } from '../domain/messages.ts';
import { AsterismError } from '../domain/errors.ts';
import { serve as serveHttp, type ServerType } from '@hono/node-server';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { scheduleAlerts } from '../app/alert-schedule.ts';
import { LocalAsterism } from '../app/local.ts';
import { startSyncSchedule } from '../app/sync/schedule.ts';
import { removeServerFile, writeServerFile } from '../store/server-file.ts';
import { removeLocalToken, writeLocalToken } from '../store/local-token.ts';
import { userCount } from '../store/users.ts';
import { createServer as createHttpsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { AllowedHosts } from './allowed-hosts.ts';
import { createApi } from './app.ts';
import { defaultMaxUpload } from './byte-size.ts';
import { serveWebApp } from './static.ts';
import { clearUploadFolder, uploadFolderOf } from './upload-folder.ts';

export interface RunningServer {
  url: string;
  /** how many users could sign in when it started (0: loopback only, no sign-in) */
  users: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  dbPath: string;
  port: number;
  host: string;
  /** `--allowed-host`: more names the server answers to (behind a proxy, on the LAN) */
  allowedHosts?: readonly string[];
  /** `--import-dir`: folders `POST /api/import` may read by path */
  importDirs?: readonly string[];
  /** `--max-upload` in bytes (default 2 GB) */
  maxUpload?: number;
  /** `--tls-cert`/`--tls-key`: PEM files; HTTPS, and the session cookie gets Secure */
  tls?: { cert: string; key: string };
}

/** A loopback address: only this machine reaches it. */
export const isLoopbackHost = (host: string): boolean => host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Opens the database, serves the API, and leaves the server file beside the database so CLI commands
 * on the same file come through this process. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const hosts = new AllowedHosts(options.allowedHosts ?? []);
  const importDirs = await checkedImportDirs(options.importDirs ?? []);
  const asterism = await LocalAsterism.open(options.dbPath);
  // with no user, anyone reaching the address is the owner: only this machine may (issue 20)
  const users = await userCount(asterism.db);
  if (!isLoopbackHost(options.host) && users === 0) {
    await asterism.close();
    throw new AsterismError('bad_request', say('serve_needs_user', { host: options.host }));
  }
  const tls = options.tls ? { cert: readFileSync(options.tls.cert), key: readFileSync(options.tls.key) } : undefined;
  const localToken = { token: writeLocalToken(asterism.db.path), user: `${userInfo().username}@cli` };
  const uploads = uploadFolderOf(asterism.db.path);
  await clearUploadFolder(uploads); // what a crash left; this process now holds the database, so no other server uses it
  const app = createApi(asterism, { hosts, importDirs, uploads: { folder: uploads, maxBytes: options.maxUpload ?? defaultMaxUpload }, auth: { localToken, secure: tls !== undefined } });
  serveWebApp(app, fileURLToPath(new URL('../../web/dist', import.meta.url)));
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = tls
      ? serveHttp({ fetch: app.fetch, port: options.port, hostname: options.host, createServer: createHttpsServer, serverOptions: tls }, () => resolve(s))
      : serveHttp({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  hosts.serveAt(options.host, port);
  const url = `${tls ? 'https' : 'http'}://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  writeServerFile(asterism.db.path, { pid: process.pid, url });
  // connected stores stay current by themselves (issue 18): the sync's schedule runs while the server does
  const syncSchedule = startSyncSchedule(asterism.db);
  // alerts: on a schedule and after each import that brought data (issue 19)
  const alerts = scheduleAlerts(asterism.db);
  asterism.afterImport = () => alerts.imported();
  return {
    url,
    users,
    close: async () => {
      syncSchedule.stop();
      await alerts.stop();
      removeServerFile(asterism.db.path);
      removeLocalToken(asterism.db.path);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await asterism.close();
      await clearUploadFolder(uploads);
    },
  };
}

/** Each --import-dir must be a folder now: a typo would otherwise only show as refused imports later. */
async function checkedImportDirs(dirs: readonly string[]): Promise<string[]> {
  return Promise.all(dirs.map(async (dir) => {
    const full = resolve(dir);
    const info = await stat(full).catch(() => undefined);
    if (!info?.isDirectory()) throw new AsterismError('bad_request', say('not_a_folder', { value: dir }));
    return full;
  }));
}

import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** While `asterism serve` holds a database file, it leaves `<db>.server.json` beside it saying where
 * it listens, so CLI commands on the same file go through its API instead of meeting DuckDB's lock. */
export interface ServerFile {
  pid: number;
  url: string;
}

export const serverFilePath = (dbPath: string): string => `${dbPath}.server.json`;

export function writeServerFile(dbPath: string, info: ServerFile): void {
  writeFileSync(serverFilePath(dbPath), JSON.stringify(info));
}

export function removeServerFile(dbPath: string): void {
  rmSync(serverFilePath(dbPath), { force: true });
}

export function readServerFile(dbPath: string): ServerFile | undefined {
  try {
    const info = JSON.parse(readFileSync(serverFilePath(dbPath), 'utf8')) as Partial<ServerFile>;
    if (typeof info.pid !== 'number' || typeof info.url !== 'string') return undefined;
    return isAlive(info.pid) ? { pid: info.pid, url: info.url } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

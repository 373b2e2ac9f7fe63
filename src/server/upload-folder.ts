import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** Uploads are written to a folder the server owns beside its database (`<db>.uploads/`), one folder per
 * upload, removed once the import ended either way; whatever a crash left there goes at the next start. */
export function uploadFolderOf(dbPath: string | undefined): string {
  return dbPath && isAbsolute(dbPath) ? `${dbPath}.uploads` : join(tmpdir(), `asterism-uploads-${process.pid}`);
}

/** At start: the server is the folder's only user, so anything in it was left by a crash. */
export async function clearUploadFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}

/** A new folder for one upload, and how to remove it. */
export async function uploadFolder(folder: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(join(folder, 'upload-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

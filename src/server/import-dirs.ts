import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { Refusal } from './refusals.ts';

/**
 * Where `POST /api/import` may read: only files under the folders given with `--import-dir`, judged on
 * the real path (symlinks and `..` resolved), so no link leads outside. A missing file, a folder and a
 * path outside answer the same refusal, so nothing tells which files exist out there; inside, anything
 * but a regular file (folder, FIFO, device) is refused after a `stat`, which never opens it. Answers the
 * real path, which the import then reads.
 */
export async function importablePath(path: string, importDirs: readonly string[]): Promise<string> {
  if (importDirs.length === 0) throw new Refusal('import_by_path_off');
  const outside = new Refusal('import_outside', { path: path.slice(0, 500) });
  if (!isAbsolute(path)) throw outside;
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined) throw outside;
  const folders = (await Promise.all(importDirs.map((d) => realpath(d).catch(() => undefined)))).filter((d) => d !== undefined);
  if (!folders.some((folder) => isWithin(folder, real))) throw outside;
  const info = await stat(real).catch(() => undefined);
  if (!info) throw outside;
  if (!info.isFile()) throw new Refusal('import_not_regular', { path: path.slice(0, 500) });
  return real;
}

function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

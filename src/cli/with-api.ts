import type { AsterismApi } from '../app/asterism-api.ts';

/** Opens Asterism (the database, or the server holding it), runs one command's work, closes it. */
export async function withApi(open: () => Promise<AsterismApi>, work: (api: AsterismApi) => Promise<void>): Promise<void> {
  const api = await open();
  try {
    await work(api);
  } finally {
    await api.close();
  }
}

/** Options the user gave, without the ones left out (so optional inputs stay absent). */
export const defined = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

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

/** The keys of `T` whose value is always given. */
type GivenKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

/** The options of `o` the user gave: those that may be missing optional and never undefined, as the operations' inputs type them. */
export type Defined<T> = { [K in GivenKeys<T>]: T[K] } & { [K in Exclude<keyof T, GivenKeys<T>>]?: Exclude<T[K], undefined> };

/** Options the user gave, without the ones left out (so optional inputs stay absent). */
export function defined<T extends object>(o: T): Defined<T> {
  // the one place the CLI's option types meet the operations' inputs: what is left out is absent, the rest as typed
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Defined<T>;
}

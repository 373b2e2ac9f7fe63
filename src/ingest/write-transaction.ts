import type { Problem } from '../domain/errors.ts';
import { addConservation, type Conservation } from '../domain/money-conservation.ts';
import type { Database } from '../store/database.ts';
import { ReplaceRefused } from './replace-earlier.ts';

/** What both write paths (import-files.ts `write`, import-split.ts `writeSplit`) share: one transaction, refusals, money per currency. */

/** A refusal found while writing: the transaction is rolled back, then the problems are answered. */
export class Refused extends Error {
  constructor(readonly problems: Problem[]) {
    super('refused');
  }
}

/** One import's writes in one transaction (the store made known first); a refusal rolls everything back and is answered. */
export async function inWriteTransaction<T>(db: Database, store: string, work: () => Promise<T>): Promise<T | { problems: Problem[]; failed: true }> {
  try {
    return await db.transaction(async () => {
      await db.run('INSERT INTO stores (name) VALUES ($1) ON CONFLICT DO NOTHING', [store]);
      return await work();
    });
  } catch (e) {
    if (e instanceof Refused) return { problems: e.problems, failed: true };
    if (e instanceof ReplaceRefused) return { problems: [e.problem], failed: true };
    throw e;
  }
}

/** A check summed under '?' (lines naming no currency) belongs to the currency their marketplace is in. */
export function withCurrency(conservation: Record<string, Conservation>, currency: string | null | undefined): Record<string, Conservation> {
  const unnamed = conservation['?'];
  if (!unnamed || !currency) return conservation;
  const { '?': _, ...named } = conservation;
  return addConservation(named, { [currency]: unnamed });
}

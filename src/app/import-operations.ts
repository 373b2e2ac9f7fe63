import { z } from 'zod';
import { listImports, undoImport } from '../ingest/index.ts';
import { freshRollup } from '../metrics/rollup-refresh.ts';
import type { Database } from '../store/database.ts';

/**
 * The import history entries of the operations table (app/operations.ts spreads them in):
 * `asterism imports list|undo`, `GET /api/imports`, `POST /api/imports/{id}/undo`.
 */
const listInput = z.object({ store: z.string().optional() });
const undoInput = z.object({ id: z.coerce.number().int().positive() });

export const importOperations = {
  imports_list: {
    method: 'get', path: '/api/imports', input: listInput, summary: 'imports, newest first, with the rows each replaced and whether it was undone / 导入记录',
    run: async (db: Database, i: z.infer<typeof listInput>) => ({ imports: await listImports(db, i.store) }),
  },
  imports_undo: {
    method: 'post', path: '/api/imports/{id}/undo', input: undoInput,
    summary: 'undo an import: its rows out, the rows it replaced back / 撤销导入（移除其数据，恢复被替换的数据）',
    run: async (db: Database, i: z.infer<typeof undoInput>) => {
      const result = await undoImport(db, i.id);
      // rows of earlier imports came back: the ASIN rollup is rebuilt now, not at the next question
      await freshRollup(db);
      return result;
    },
  },
} as const;

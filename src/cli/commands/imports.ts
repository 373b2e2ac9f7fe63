import { say } from '../../domain/messages.ts';
import { AsterismError } from '../../domain/errors.ts';
import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { outputMode, renderTable } from '../output.ts';
import { withApi } from '../with-api.ts';

const columns = ['id', 'file', 'type', 'store', 'marketplace', 'from', 'to', 'rows', 'replaced', 'imported_at', 'undone'];

/** `asterism imports list|undo` (the import history; undo puts back what an import replaced). */
export function importsCommands(program: Command, open: () => Promise<AsterismApi>): void {
  const imports = program.command('imports').description('imported files, newest first, and undoing an import / 导入记录与撤销');
  imports.command('list')
    .description('every import, newest first, with the rows it replaced and whether it was undone / 列出导入记录')
    .option('--store <name>', 'only this store').option('--json', 'print JSON')
    .action((o: { store?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('imports_list', o.store ? { store: o.store } : {});
      if (outputMode(o) === 'json') console.log(JSON.stringify({ imports: answer.imports.map(({ undone_at: _, ...entry }) => entry) }));
      else console.log(renderTable(columns, answer.imports));
    }));
  imports.command('undo')
    .description('undo an import: its rows out, the rows it replaced back (a later import over the same rows is undone first) / 撤销导入')
    .argument('<id>', 'the import id (`asterism imports list`)').option('--json', 'print JSON')
    .action((id: string, o: { json?: boolean }) => withApi(open, async (api) => {
      if (!/^\d+$/.test(id)) throw new AsterismError('bad_request', say('not_an_id', { value: id, what: { en: 'an import id', zh: '导入编号' }, command: 'asterism imports list' }));
      const answer = await api.run('imports_undo', { id: Number(id) });
      if (outputMode(o) === 'json') console.log(JSON.stringify(answer));
      else console.log(`import ${answer.undone} undone: ${answer.removed} rows removed, ${answer.restored} rows restored / 已撤销导入 ${answer.undone}：移除 ${answer.removed} 行，恢复 ${answer.restored} 行`);
    }));
}

import type { Command } from 'commander';
import { Database } from '../../store/database.ts';
import { latestSchemaVersion } from '../../store/migrations.ts';

export function initCommand(program: Command, dbPath: () => string): void {
  program
    .command('init')
    .description('create or migrate the database file / 创建或升级数据库')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const db = await Database.open(dbPath());
      db.close();
      const answer = { db: db.path, schema_version: latestSchemaVersion };
      console.log(o.json ? JSON.stringify(answer) : `database ready: ${db.path} (schema version ${latestSchemaVersion})`);
    });
}

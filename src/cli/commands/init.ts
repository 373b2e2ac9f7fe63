import type { Command } from 'commander';

export function initCommand(program: Command, dbPath: () => string): void {
  program
    .command('init')
    .description('create or migrate the database file / 创建或升级数据库')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const { Database } = await import('../../store/database.ts');
      const { latestSchemaVersion } = await import('../../store/migrations.ts');
      const db = await Database.open(dbPath());
      db.close();
      const answer = { db: db.path, schema_version: latestSchemaVersion };
      console.log(o.json ? JSON.stringify(answer) : `database ready: ${db.path} (schema version ${latestSchemaVersion})`);
    });
}

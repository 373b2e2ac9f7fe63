import { Command, CommanderError } from 'commander';
import { quietWhenPipeCloses } from './closed-pipe.ts';
import { alertsCommands } from './commands/alerts.ts';
import { demoCommand } from './commands/demo.ts';
import { benchmarksCommands, eventsCommands } from './commands/events-cli.ts';
import { funnelCommands } from './commands/funnel.ts';
import { fxCommand } from './commands/fx.ts';
import { importCommand, sourcesCommand } from './commands/import.ts';
import { importsCommands } from './commands/imports.ts';
import { kpiCommands } from './commands/kpi.ts';
import { initCommand } from './commands/init.ts';
import { metricsCommand } from './commands/metrics.ts';
import { profitCommands } from './commands/profit.ts';
import { channelsCommands } from './commands/channels.ts';
import { customersCommands } from './commands/customers.ts';
import { taxCommands } from './commands/tax.ts';
import { priceCommands } from './commands/price.ts';
import { adsCommands } from './commands/ads.ts';
import { queryCommand } from './commands/query.ts';
import { reportCommand } from './commands/report.ts';
import { catalogueCommand, purchasingCommands, restockCommand } from './commands/restock.ts';
import { serveCommand } from './commands/serve.ts';
import { connectCommands, syncCommands } from './commands/sync.ts';
import { templateCommand } from './commands/template.ts';
import { userCommands } from './commands/users.ts';
import { databasePath, extractDbFlag } from './config.ts';
import { addLanguageOption, chooseFromArguments, currentLanguage, errorLine } from './language.ts';
import { usageError } from './usage-errors.ts';

/** `asterism`: every failure is one line on stderr and a non-zero exit, never a stack trace. */
async function main(argv: string[]): Promise<void> {
  const { argv: args, db } = extractDbFlag(argv);
  chooseFromArguments(args);
  const dbPath = () => databasePath(db);
  const program = new Command('asterism')
    .description('Asterism (联星): the operations cockpit for Amazon sellers')
    .option('--db <path>', 'database file (default $ASTERISM_DB or ./asterism.duckdb)')
    // the program's own options (--lang) come before the command; a command's --lang is its own
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `asterism: ${usageError(s, currentLanguage())}` : s) });
  // DuckDB and the layers under the app load when a command opens the database, not for `--help`
  const open = async () => (await import('../app/connect.ts')).connect(dbPath());
  initCommand(program, dbPath);
  importCommand(program, open);
  sourcesCommand(program, open);
  importsCommands(program, open);
  metricsCommand(program, open);
  demoCommand(program, open);
  funnelCommands(program, open);
  eventsCommands(program, open);
  benchmarksCommands(program, open);
  fxCommand(program, open);
  queryCommand(program, open);
  serveCommand(program, dbPath);
  templateCommand(program);
  kpiCommands(program, open);
  reportCommand(program, open);
  profitCommands(program, open);
  channelsCommands(program, open);
  customersCommands(program, open);
  taxCommands(program, open);
  priceCommands(program, open);
  adsCommands(program, open);
  connectCommands(program, open);
  syncCommands(program, open);
  alertsCommands(program, open);
  userCommands(program, open);
  restockCommand(program, open);
  purchasingCommands(program, open);
  catalogueCommand(program, open);
  addLanguageOption(program);
  const overrideExit = (c: Command): void => {
    c.exitOverride();
    c.commands.forEach(overrideExit);
  };
  overrideExit(program);
  await program.parseAsync(args, { from: 'user' });
}

quietWhenPipeCloses(process.stdout, process.stderr);
main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof CommanderError) {
    process.exit(e.exitCode === 0 ? 0 : 2);
  }
  process.stderr.write(`asterism: ${errorLine(e)}\n`);
  process.exit(1);
});

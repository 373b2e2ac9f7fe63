import type { Command } from 'commander';
import { startServer } from '../../server/serve.ts';
import { defaults } from '../config.ts';

export function serveCommand(program: Command, dbPath: () => string): void {
  program
    .command('serve')
    .description('serve the HTTP API (and the dashboard) / 启动服务')
    .option('--port <port>', 'port', String(defaults.port))
    .option('--host <host>', 'address to listen on', defaults.host)
    .action(async (o: { port: string; host: string }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port "${o.port}" is not a port number`);
      const server = await startServer({ dbPath: dbPath(), port, host: o.host });
      console.log(`Asterism is serving ${dbPath()} at ${server.url}  (API: ${server.url}/api/openapi.json)`);
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

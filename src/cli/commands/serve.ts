import { say } from '../../domain/messages.ts';
import { AsterismError } from '../../domain/errors.ts';
import type { Command } from 'commander';
import { formatByteSize, parseByteSize } from '../../server/byte-size.ts';
import { defaults } from '../config.ts';

const repeat = (value: string, previous: string[]) => [...previous, value];

export function serveCommand(program: Command, dbPath: () => string): void {
  program
    .command('serve')
    .description('serve the HTTP API (and the dashboard) / 启动服务')
    .option('--port <port>', 'port', String(defaults.port))
    .option('--host <host>', 'address to listen on', defaults.host)
    .option('--allowed-host <name>', 'another name the server answers to, e.g. behind a proxy (repeatable) / 允许的其他主机名（可重复）', repeat, [])
    .option('--import-dir <dir>', 'a folder POST /api/import may read by path (repeatable; none by default) / 允许按路径导入的文件夹（可重复）', repeat, [])
    .option('--max-upload <size>', 'largest upload one request may send, e.g. 500MB / 单次上传大小上限', '2GB')
    .option('--tls-cert <file>', 'serve HTTPS with this PEM certificate (with --tls-key) / HTTPS 证书')
    .option('--tls-key <file>', 'the private key of --tls-cert / HTTPS 私钥')
    .action(async (o: { port: string; host: string; allowedHost: string[]; importDir: string[]; maxUpload: string; tlsCert?: string; tlsKey?: string }) => {
      if ((o.tlsCert === undefined) !== (o.tlsKey === undefined)) throw new AsterismError('bad_request', say('tls_needs_both'));
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AsterismError('bad_request', say('not_a_port', { value: String(o.port) }));
      const maxUpload = parseByteSize(o.maxUpload);
      if (maxUpload === undefined) throw new AsterismError('bad_request', say('not_a_size', { value: String(o.maxUpload) }));
      const { startServer } = await import('../../server/serve.ts');
      const server = await startServer({ dbPath: dbPath(), port, host: o.host, allowedHosts: o.allowedHost, importDirs: o.importDir, maxUpload,
        ...(o.tlsCert && o.tlsKey ? { tls: { cert: o.tlsCert, key: o.tlsKey } } : {}) });
      console.log(`Asterism is serving ${dbPath()} at ${server.url}  (API: ${server.url}/api/openapi.json)`);
      console.log(o.importDir.length > 0
        ? `  imports by path read only under: ${o.importDir.join(', ')}; uploads up to ${formatByteSize(maxUpload)}`
        : `  imports by path: off (--import-dir DIR to allow a folder); uploads up to ${formatByteSize(maxUpload)}`);
      console.log(server.users > 0
        ? `  ${server.users} user(s): every request but /api/health needs a sign-in or a token; this machine's CLI uses ${dbPath()}.token`
        : '  no users yet: loopback only, everyone who reaches it is the owner (asterism users add … to share it on the network)');
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

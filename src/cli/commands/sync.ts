import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import type { OperationRequest } from '../../app/operations.ts';
import type { SyncRun } from '../../app/sync/sync-run.ts';
import { AsterismError } from '../../domain/errors.ts';
import { SyncBars } from '../sync-progress.ts';
import { currentLanguage } from '../language.ts';
import { outputMode, renderTable } from '../output.ts';
import { defined, withApi } from '../with-api.ts';

const repeat = (value: string, previous: string[]) => [...previous, value];

interface ConnectOptions {
  store: string; region: string; marketplace: string[]; refreshToken?: string; clientId?: string; clientSecret?: string;
  profile?: string; check: boolean; json?: boolean;
}

/**
 * `asterism connect amazon|ads|list` and `asterism sync run|status|schedule` (issue 18). Secrets may come from
 * ASTERISM_LWA_REFRESH_TOKEN / ASTERISM_LWA_CLIENT_SECRET instead of the command line (kept out of shell history).
 */
export function connectCommands(program: Command, open: () => Promise<AsterismApi>): void {
  const connect = program.command('connect').description('connect a store to Amazon\'s APIs, so its reports arrive by themselves / 连接亚马逊 API');
  for (const [name, op] of [['amazon', 'connect_amazon'], ['ads', 'connect_ads']] as const) {
    connect.command(name)
      .description(name === 'amazon' ? 'Selling Partner API (a self-authorised app\'s refresh token from Seller Central) / 卖家 API' : 'Amazon Ads API (profiles listed from /v2/profiles) / 广告 API')
      .requiredOption('--store <name>', 'store name').requiredOption('--region <region>', 'na, eu or fe')
      .option('--marketplace <code>', 'marketplace (repeatable)', repeat, [])
      .option('--refresh-token <token>', 'LWA refresh token (or $ASTERISM_LWA_REFRESH_TOKEN)')
      .option('--client-id <id>', 'LWA client id (or $ASTERISM_LWA_CLIENT_ID)')
      .option('--client-secret <secret>', 'LWA client secret (or $ASTERISM_LWA_CLIENT_SECRET)')
      .option('--no-check', 'save without asking Amazon whether the token works')
      .option('--json', 'print JSON')
      .option('--profile <id>', 'Ads API: the advertising profile (listed when more than one)')
      .action((o: ConnectOptions) => withApi(open, async (api) => {
        const answer = await api.run(op, defined({
          store: o.store, region: o.region, marketplace: o.marketplace, profile: o.profile,
          refresh_token: o.refreshToken ?? process.env.ASTERISM_LWA_REFRESH_TOKEN ?? '', client_id: o.clientId ?? process.env.ASTERISM_LWA_CLIENT_ID ?? '',
          client_secret: o.clientSecret ?? process.env.ASTERISM_LWA_CLIENT_SECRET ?? '', ...(o.check ? {} : { no_check: true }),
        }) as never);
        if (outputMode(o) === 'json') console.log(JSON.stringify(answer));
        else {
          const c = answer.connection;
          console.log(renderTable(['api', 'store', 'region', 'marketplaces', 'client_id', 'profile_id'], [{ ...c, marketplaces: c.marketplaces.join(' ') } as unknown as Record<string, string>]));
        }
      }));
  }
  connect.command('list').description('what is connected, and whether each token works / 已连接的店铺').option('--json', 'print JSON')
    .action((o: { json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('connections_list', {});
      if (outputMode(o) === 'json') console.log(JSON.stringify(answer));
      else {
        const rows = answer.connections.map((c) => ({ ...c, marketplaces: c.marketplaces.join(' '), token_ok: c.token_ok ? 'yes' : 'NO', token_error: c.token_error ?? '' }));
        console.log(renderTable(['api', 'store', 'region', 'marketplaces', 'profile_id', 'token_ok', 'token_error'], rows as unknown as Record<string, string>[]));
      }
    }));
}

/** `sync run` as a job, its progress read every quarter second and drawn per store × report type. */
async function withBars(api: AsterismApi, request: OperationRequest<'sync_job_start'>): Promise<{ runs: SyncRun[] }> {
  let { job } = await api.run('sync_job_start', request);
  const bars = new SyncBars(process.stderr);
  try {
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 250));
      ({ job } = await api.run('sync_job', { id: job.id }));
      bars.update(job.progress);
    }
  } finally {
    bars.stop();
  }
  if (job.error) throw new AsterismError('bad_request', job.error);
  return { runs: job.runs };
}

export function syncCommands(program: Command, open: () => Promise<AsterismApi>): void {
  const sync = program.command('sync').description('pull reports from Amazon and import them / 从亚马逊同步报表');
  sync.command('run').description('sync now: every connected store, or one; all report types, or some; a backfill with --from --to (up to two years)')
    .option('--store <name>').option('--report <type>', 'report type, e.g. GET_SALES_AND_TRAFFIC_REPORT (repeatable)', repeat, [])
    .option('--from <date>').option('--to <date>').option('--json', 'print JSON')
    .action((o: { store?: string; report: string[]; from?: string; to?: string; json?: boolean }) => withApi(open, async (api) => {
      const request = defined({ store: o.store, report: o.report.length ? o.report : undefined, from: o.from, to: o.to }) as never;
      // on a terminal: a job, its progress drawn as bars while it runs; else (JSON, a pipe) the answer when all is done
      const answer = outputMode(o) === 'table' && process.stderr.isTTY ? await withBars(api, request) : await api.run('sync_run', request);
      if (outputMode(o) === 'json') console.log(JSON.stringify(answer));
      else {
        console.log(renderTable(['store', 'marketplace', 'report_type', 'from', 'to', 'status', 'rows'], answer.runs as unknown as Record<string, string>[]));
        for (const r of answer.runs.filter((r) => r.status === 'error')) console.error(`asterism: ${r.store} ${r.marketplace ?? ''} ${r.report_type ?? ''}: ${r.error}`);
      }
      if (answer.runs.some((r) => r.status === 'error')) process.exitCode = 1;
    }));
  sync.command('status').description('covered range, last success and error, next run per store × report type / 同步状态').option('--json', 'print JSON')
    .action((o: { json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('sync_status', {});
      if (outputMode(o) === 'json') console.log(JSON.stringify(answer));
      else {
        // the reason in the language of messages (the JSON keeps both: last_error in English, last_error_zh)
        const zh = currentLanguage() === 'zh';
        const rows = answer.reports.map((r) => ({ ...r, last_error: zh ? r.last_error_zh ?? r.last_error : r.last_error }));
        console.log(renderTable(['store', 'marketplace', 'report_type', 'covered_from', 'covered_to', 'last_success', 'last_error', 'next_run'], rows as unknown as Record<string, string>[]));
      }
    }));
  sync.command('schedule').description('change when a report type is synced by `asterism serve` (cron pattern, UTC) / 设置同步计划')
    .requiredOption('--report <type>').requiredOption('--cron <pattern>', 'e.g. "30 6 * * *"').option('--disable', 'do not sync it on a schedule').option('--json', 'print JSON')
    .action((o: { report: string; cron: string; disable?: boolean; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('sync_schedule_set', { report_type: o.report, cron: o.cron, enabled: !o.disable });
      console.log(outputMode(o) === 'json' ? JSON.stringify(answer) : `${answer.report_type}: ${answer.cron}${answer.enabled ? '' : ' (disabled)'}`);
    }));
}

import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { currentLanguage } from '../language.ts';
import { outputMode, renderTable } from '../output.ts';
import { defined, withApi } from '../with-api.ts';

/** `asterism alerts …`: channels, rules, the run (issue 19's contract), the open alerts, snooze, keywords, the digest. */
function print(json: boolean | undefined, answer: object, columns: string[], rows: object[]): void {
  if (outputMode({ json }) === 'json') console.log(JSON.stringify(answer));
  else console.log(renderTable(columns, rows as Record<string, string>[]));
}

const scopeText = (scope: Record<string, string>) => Object.values(scope).join(' ');
const firstLine = (m: { en: string; zh: string }) => (m[currentLanguage()].split('\n')[0] ?? '').replace(/\*\*/g, '');

export function alertsCommands(program: Command, open: () => Promise<AsterismApi>): void {
  const alerts = program.command('alerts').description('alerts to DingTalk, Feishu, WeCom, Slack, e-mail; daily digests / 告警与运营日报');

  const channels = alerts.command('channels').description('where alerts are sent / 告警渠道');
  channels.command('add')
    .requiredOption('--name <name>').requiredOption('--type <type>', 'dingtalk, feishu, wecom, slack or email')
    .requiredOption('--url <url>', 'the webhook URL; for e-mail smtp://host:port').option('--secret <secret>', 'signing secret (DingTalk, Feishu)')
    .option('--to <address>', 'e-mail recipient').option('--owner <name>', "the products file's owner this channel belongs to")
    .option('--role <role>', 'a role whose alerts go here (operator, ads, supply, manager)').option('--default', 'alerts no owner or role channel takes')
    .option('--lang <lang>', 'zh or en (default zh)').option('--time-zone <tz>', 'IANA time zone (default Asia/Shanghai for zh, UTC for en)')
    .option('--quiet <hours>', 'quiet hours in the time zone, e.g. 22:00-08:00').option('--digest-hour <h>', 'hour of the daily digest (default 9)')
    .option('--json')
    .action((o: Record<string, string | boolean | undefined>) => withApi(open, async (api) => {
      const [quietFrom, quietTo] = typeof o.quiet === 'string' ? o.quiet.split('-') : [];
      const answer = await api.run('alerts_channels_add', defined({
        name: o.name, type: o.type, url: o.url, secret: o.secret, to: o.to, owner: o.owner, role: o.role, default: o.default, lang: o.lang,
        time_zone: o.timeZone, quiet_from: quietFrom, quiet_to: quietTo, digest_hour: o.digestHour,
      }) as never);
      print(o.json === true, answer, channelColumns, [answer.channel]);
    }));
  channels.command('list').option('--json').action((o: { json?: boolean }) => withApi(open, async (api) => {
    const answer = await api.run('alerts_channels_list', {});
    // on a terminal the failure in the user's language; the raw error stays in --json (`error`) and the delivery log
    print(o.json, answer, channelColumns, answer.channels.map((c) => ({ ...c, failing: answer.failing.find((f) => f.channel === c.name)?.message[currentLanguage()] ?? '' })));
  }));
  channels.command('test').argument('<name>').option('--json').action((name: string, o: { json?: boolean }) => withApi(open, async (api) => {
    const answer = await api.run('alerts_channels_test', { name });
    print(o.json, answer, ['channel', 'status', 'error'], [{ ...answer, error: answer.message?.[currentLanguage()] ?? '' }]);
    if (answer.status !== 'delivered') process.exitCode = 1;
  }));
  channels.command('remove').argument('<name>').option('--json').action((name: string, o: { json?: boolean }) => withApi(open, async (api) => {
    const answer = await api.run('alerts_channels_remove', { name });
    print(o.json, answer, ['removed'], [answer]);
  }));

  const rules = alerts.command('rules').description('alert rules on any catalog metric, and the built-in detectors / 告警规则');
  rules.command('add')
    .option('--metric <id>', 'a catalog metric (asterism metrics)').option('--op <op>', 'gt or lt').option('--value <v>', 'threshold: 0.35 or 35%; with --change the change, e.g. -30%')
    .option('--change <kind>', 'wow, mom or yoy: compare with the period before').option('--store <name>').option('--marketplace <code>').option('--asin <asin>')
    .option('--parent-asin <asin>').option('--sku <sku>').option('--product-line <name>').option('--tier <tier>', 'new, mature or clearance')
    .option('--owner <name>').option('--channel <name>', 'send to this channel').option('--detector <id>', 'change a built-in detector (its --value, --channel, or --off)')
    .option('--off', 'turn the --detector off').option('--json')
    .action((o: Record<string, string | boolean | undefined>) => withApi(open, async (api) => {
      const answer = await api.run('alerts_rules_add', defined({
        metric: o.metric, op: o.op, value: o.value, change: o.change, store: o.store, marketplace: o.marketplace, asin: o.asin, owner: o.owner,
        parent_asin: o.parentAsin, sku: o.sku, product_line: o.productLine, tier: o.tier, channel: o.channel, detector: o.detector, off: o.off,
      }) as never);
      print(o.json === true, answer, ruleColumns, [answer.rule]);
    }));
  rules.command('list').option('--json').action((o: { json?: boolean }) => withApi(open, async (api) => {
    const answer = await api.run('alerts_rules_list', {});
    print(o.json, answer, ruleColumns, [
      ...answer.detectors.map((d) => ({ id: '', detector: d.id, metric: d.conditions.map((c) => c.metric).join(' / '), op: d.conditions.map((c) => c.op).join(' / '), value: d.conditions.map((c) => c.value).join(' / '), enabled: !answer.rules.some((r) => r.detector === d.id && !r.enabled) })),
      ...answer.rules,
    ]);
  }));
  rules.command('remove').argument('<id>').option('--json').action((id: string, o: { json?: boolean }) => withApi(open, async (api) => {
    const answer = await api.run('alerts_rules_remove', { id });
    print(o.json, answer, ['removed'], [answer]);
  }));

  alerts.command('run').description('evaluate the rules and send what is new or resolved (for cron) / 运行告警')
    .option('--as-of <date>', 'as if the data ended that day').option('--dry-run', 'say what would be sent, send and store nothing').option('--json')
    .action((o: { asOf?: string; dryRun?: boolean; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('alerts_run', defined({ as_of: o.asOf, dry_run: o.dryRun }) as never);
      print(o.json, answer, runColumns, answer.alerts.map((a) => ({
        ...a, detector: a.detector ?? `rule ${a.rule}`, scope: scopeText(a.scope), message: firstLine(a.message),
        deliveries: a.deliveries.map((d) => `${d.channel}:${d.status}`).join(' '),
      })));
    }));
  alerts.command('list').description('alerts (open by default) and failing channels').option('--state <state>', 'open or resolved').option('--json')
    .action((o: { state?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('alerts_list', defined({ state: o.state ?? 'open' }) as never);
      print(o.json, answer, ['id', 'state', 'severity', 'detector', 'scope', 'owner', 'as_of', 'message'], answer.alerts.map((a) => ({
        ...a, detector: a.detector ?? `rule ${a.rule_id}`, scope: scopeText(a.scope), message: firstLine(a.message),
      })));
    }));
  alerts.command('snooze').argument('<id>').requiredOption('--hours <n>').option('--json').action((id: string, o: { hours: string; json?: boolean }) => withApi(open, async (api) => {
    const answer = await api.run('alerts_snooze', { id, hours: o.hours });
    print(o.json, answer, ['snoozed'], [answer]);
  }));
  alerts.command('ack').description('acknowledge an alert: off the bell, open until it clears').argument('<id>').option('--json')
    .action((id: string, o: { json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('alerts_acknowledge', { id });
      print(o.json, answer, ['acknowledged'], [answer]);
    }));
  alerts.command('keywords').description('add a review watch keyword').argument('<word>').option('--json').action((word: string, o: { json?: boolean }) => withApi(open, async (api) => {
    const answer = await api.run('alerts_keywords_add', { word });
    print(o.json, answer, ['keyword'], answer.keywords.map((k) => ({ keyword: k })));
  }));
  alerts.command('digest').description("send each owner's daily digest (运营日报) to their channels now")
    .option('--owner <name>').option('--as-of <date>').option('--json')
    .action((o: { owner?: string; asOf?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('alerts_digest', defined({ owner: o.owner, as_of: o.asOf }) as never);
      print(o.json, answer, ['channel', 'owner', 'day', 'status'], answer.digests);
    }));
}

const channelColumns = ['name', 'type', 'owner', 'role', 'is_default', 'lang', 'time_zone', 'quiet_hours', 'to', 'has_secret', 'failing'];
const ruleColumns = ['id', 'detector', 'metric', 'op', 'value', 'change', 'store', 'marketplace', 'asin', 'parent_asin', 'sku', 'product_line', 'tier', 'owner', 'channel', 'enabled'];
const runColumns = ['id', 'state', 'severity', 'detector', 'scope', 'owner', 'message', 'deliveries'];

import { z } from 'zod';
import { builtInDetectors, factDetectors } from '../analysis/alert-detectors.ts';
import { tiers } from '../analysis/benchmark-table.ts';
import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import { metricById } from '../metrics/catalog.ts';
import {
  acknowledgeAlert, addChannel, addRule, addWatchKeyword, channelTargets, channelTypes, failingChannels, listAlerts, listChannels, listRules, removeChannel, removeRule,
  snoozeAlert, watchKeywordsAdded, type ChannelType,
} from '../store/alerts.ts';
import type { Database } from '../store/database.ts';
import { channelErrorMessage } from './alert-channel-errors.ts';
import { sendToChannel } from './alert-channels.ts';
import { sendDigests } from './alert-digest.ts';
import { runAlerts } from './alert-run.ts';

/**
 * The alerts entries of the operations table (app/operations.ts spreads them in): channels, rules, the
 * run, the open alerts with the channels that fail, snooze, watch keywords and the daily digest.
 */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');
const hhmm = z.string().regex(/^\d{2}:\d{2}$/, 'expected HH:MM');
/** a number (0.35) or a percentage (35%, −30%) */
const amount = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const text = String(v).trim().replace('−', '-');
  const n = Number(text.replace(/%$/, '')) / (text.endsWith('%') ? 100 : 1);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `"${String(v)}" is not a number (0.35 or 35%) / 不是数字（0.35 或 35%）` });
    return z.NEVER;
  }
  return n;
});

const channelInput = z.object({
  name: z.string().trim().min(1), type: z.enum(channelTypes as [ChannelType, ...ChannelType[]]), url: z.string().url(),
  secret: z.string().optional(), to: z.string().optional(), owner: z.string().optional(), role: z.string().optional(), default: flag.optional(),
  lang: z.enum(['zh', 'en']).optional(), time_zone: z.string().optional(), quiet_from: hhmm.optional(), quiet_to: hhmm.optional(),
  digest_hour: z.coerce.number().int().min(0).max(23).optional(),
}).superRefine((c, ctx) => {
  if (c.type === 'email' && !c.url.startsWith('smtp')) ctx.addIssue({ code: 'custom', path: ['url'], message: 'an e-mail channel\'s --url is smtp://host:port / 邮件渠道的 --url 为 smtp://主机:端口' });
  if (c.type === 'email' && !c.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'an e-mail channel needs --to ADDRESS / 邮件渠道需要 --to 收件地址' });
  if (c.type !== 'email' && !/^https?:/.test(c.url)) ctx.addIssue({ code: 'custom', path: ['url'], message: 'a webhook --url is http(s):// / 机器人渠道的 --url 为 http(s)://' });
  if ((c.quiet_from === undefined) !== (c.quiet_to === undefined)) ctx.addIssue({ code: 'custom', path: ['quiet_to'], message: 'quiet hours need both ends (22:00-08:00) / 免打扰时段需要起止时间（22:00-08:00）' });
  if (c.time_zone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: c.time_zone });
    } catch {
      ctx.addIssue({ code: 'custom', path: ['time_zone'], message: `unknown time zone ${c.time_zone} (e.g. Asia/Shanghai) / 未知时区 ${c.time_zone}（例如 Asia/Shanghai）` });
    }
  }
});
const ruleInput = z.object({
  metric: z.string().optional(), detector: z.string().optional(), op: z.enum(['gt', 'lt']).optional(), value: amount.optional(),
  change: z.enum(['wow', 'mom', 'yoy']).optional(), store: z.string().optional(), marketplace: z.string().optional(), asin: z.string().optional(),
  // the KPI targets' scope shape: parent ASIN, product line, lifecycle tier; and a seller SKU
  parent_asin: z.string().optional(), sku: z.string().optional(), product_line: z.string().optional(), tier: z.enum(tiers).optional(),
  owner: z.string().optional(), channel: z.string().optional(), off: flag.optional(),
}).superRefine((r, ctx) => {
  if (!r.metric && !r.detector) ctx.addIssue({ code: 'custom', path: ['metric'], message: 'a rule names a --metric (or a built-in --detector) / 规则需要 --metric（或内置的 --detector）' });
  if (r.metric && (!r.op || r.value === undefined)) ctx.addIssue({ code: 'custom', path: ['op'], message: 'a metric rule needs --op gt|lt and --value / 指标规则需要 --op gt|lt 和 --value' });
  if (r.metric && !metricById.has(r.metric)) ctx.addIssue({ code: 'custom', path: ['metric'], message: `unknown metric ${r.metric} (asterism metrics lists them) / 未知指标 ${r.metric}（见 asterism metrics）` });
  const known = [...builtInDetectors.map((d) => d.id), ...factDetectors.map((d) => d.id)];
  if (r.detector && !known.includes(r.detector)) {
    ctx.addIssue({ code: 'custom', path: ['detector'], message: `unknown detector ${r.detector}: ${known.join(', ')} / 未知检测项 ${r.detector}` });
  }
});
const runInput = z.object({ as_of: date.optional(), dry_run: flag.optional() });
const idInput = z.object({ id: z.coerce.number().int().positive() });
const nameInput = z.object({ name: z.string().min(1) });
const snoozeInput = z.object({ id: z.coerce.number().int().positive(), hours: z.coerce.number().positive().max(24 * 90) });

/** The channels that fail: the raw error as the channel gave it (`error`), and what it means in both languages (`message`). */
const failing = async (db: Database) => (await failingChannels(db)).map((f) => ({ ...f, message: channelErrorMessage(f.error) }));

export const alertOperations = {
  alerts_channels_add: {
    method: 'post', path: '/api/alerts/channels', input: channelInput, summary: 'add or replace an alert channel (URL and secret stored encrypted, never shown) / 添加告警渠道',
    run: async (db: Database, i: z.infer<typeof channelInput>) => ({
      channel: await addChannel(db, {
        name: i.name, type: i.type, url: i.url, secret: i.secret, to: i.to, owner: i.owner, role: i.role, isDefault: i.default, lang: i.lang,
        timeZone: i.time_zone, quietFrom: i.quiet_from, quietTo: i.quiet_to, digestHour: i.digest_hour,
      }),
    }),
  },
  alerts_channels_list: {
    method: 'get', path: '/api/alerts/channels', input: z.object({}), summary: 'alert channels (without URLs or secrets) / 告警渠道',
    run: async (db: Database) => ({ channels: await listChannels(db), failing: await failing(db) }),
  },
  alerts_channels_remove: {
    method: 'delete', path: '/api/alerts/channels', input: nameInput, summary: 'remove an alert channel / 删除告警渠道',
    run: async (db: Database, i: z.infer<typeof nameInput>) => ({ removed: await removeChannel(db, i.name) }),
  },
  alerts_channels_test: {
    method: 'post', path: '/api/alerts/channels/test', input: nameInput, summary: 'send a test message to a channel / 测试告警渠道',
    run: async (db: Database, i: z.infer<typeof nameInput>) => {
      const [target] = await channelTargets(db, i.name);
      if (!target) throw new AsterismError('not_found', say('alert_channel_unknown', { name: i.name }));
      const text = say('alert_channel_test', { name: i.name })[target.lang];
      try {
        await sendToChannel(target, { title: text, markdown: `**${text}**` });
        return { channel: i.name, status: 'delivered', error: null, message: null };
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        return { channel: i.name, status: 'failed', error, message: channelErrorMessage(error) };
      }
    },
  },
  alerts_rules_add: {
    method: 'post', path: '/api/alerts/rules', input: ruleInput, summary: 'add an alert rule, or change a built-in detector / 添加告警规则',
    run: async (db: Database, i: z.infer<typeof ruleInput>) => ({ rule: await addRule(db, { ...i, enabled: !i.off }) }),
  },
  alerts_rules_list: {
    method: 'get', path: '/api/alerts/rules', input: z.object({}), summary: 'alert rules and the built-in detectors / 告警规则',
    run: async (db: Database) => ({
      rules: await listRules(db),
      detectors: [
        ...builtInDetectors.map((d) => ({ id: d.id, en: d.en, zh: d.zh, conditions: d.conditions, window_days: d.windowDays, minimum: d.minimum ?? null, severity: d.severity, role: d.role })),
        ...factDetectors.map((d) => ({ id: d.id, en: d.en, zh: d.zh, conditions: [], window_days: null, minimum: null, severity: d.severity, role: d.role })),
      ],
      keywords: await watchKeywordsAdded(db),
    }),
  },
  alerts_rules_remove: {
    method: 'delete', path: '/api/alerts/rules', input: idInput, summary: 'remove an alert rule / 删除告警规则',
    run: async (db: Database, i: z.infer<typeof idInput>) => ({ removed: await removeRule(db, i.id) }),
  },
  alerts_keywords_add: {
    method: 'post', path: '/api/alerts/keywords', input: z.object({ word: z.string().trim().min(1) }), summary: 'add a review watch keyword / 添加差评关注词',
    run: async (db: Database, i: { word: string }) => {
      await addWatchKeyword(db, i.word);
      return { keywords: await watchKeywordsAdded(db) };
    },
  },
  alerts_run: {
    method: 'post', path: '/api/alerts/run', input: runInput, summary: 'evaluate the alert rules and send what is new or resolved / 运行告警',
    run: async (db: Database, i: z.infer<typeof runInput>) => runAlerts(db, { asOf: i.as_of, dryRun: i.dry_run }),
  },
  alerts_list: {
    method: 'get', path: '/api/alerts', input: z.object({ state: z.enum(['open', 'resolved']).optional() }), summary: 'alerts (the bell) and failing channels / 告警',
    run: async (db: Database, i: { state?: 'open' | 'resolved' | undefined }) => ({ alerts: await listAlerts(db, { state: i.state }), failing: await failing(db) }),
  },
  alerts_snooze: {
    method: 'post', path: '/api/alerts/snooze', input: snoozeInput, summary: 'snooze an alert for some hours / 暂停提醒',
    run: async (db: Database, i: z.infer<typeof snoozeInput>) => ({ snoozed: await snoozeAlert(db, i.id, new Date(Date.now() + i.hours * 3_600_000)) }),
  },
  alerts_acknowledge: {
    method: 'post', path: '/api/alerts/acknowledge', input: idInput, summary: 'acknowledge an alert: it leaves the bell, and stays open until it clears / 确认告警',
    run: async (db: Database, i: z.infer<typeof idInput>) => ({ acknowledged: await acknowledgeAlert(db, i.id, new Date()) }),
  },
  alerts_digest: {
    method: 'post', path: '/api/alerts/digest', input: z.object({ as_of: date.optional(), owner: z.string().optional() }),
    summary: "send each owner's daily digest (运营日报) to their channels now / 发送运营日报",
    run: async (db: Database, i: { as_of?: string | undefined; owner?: string | undefined }) => ({ digests: await sendDigests(db, { asOf: i.as_of, owner: i.owner, force: true }) }),
  },
} as const;

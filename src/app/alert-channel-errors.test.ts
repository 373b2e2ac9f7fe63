import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addChannel, addDelivery, undelivered } from '../store/alerts.ts';
import { channelErrorMessage } from './alert-channel-errors.ts';
import { deliverPending } from './alert-deliver.ts';
import { LocalAsterism } from './local.ts';

/**
 * A channel's error shown in one language: a receiver on 127.0.0.1 answers 503, 403, or 200 with a
 * vendor error code (DingTalk answers errcode ≠ 0 for a message its security settings refuse); a port
 * nobody listens on is unreachable. The raw error stays in the delivery log; the API adds its meaning.
 */
let server: Server;
let base: string;
let closedPort: number;
let asterism: LocalAsterism;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/busy') res.writeHead(503).end('busy');
      else if (req.url === '/forbidden') res.writeHead(403).end('no');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":310000,"errmsg":"sign not match"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // a port that was listened on and is closed again: nothing answers there
  const spare = createServer();
  await new Promise<void>((r) => spare.listen(0, '127.0.0.1', r));
  closedPort = (spare.address() as AddressInfo).port;
  await new Promise<void>((r) => spare.close(() => r()));
  asterism = await LocalAsterism.open(join(mkdtempSync(join(tmpdir(), 'asterism-channel-errors-')), 'a.duckdb'));
});
afterAll(async () => {
  await asterism.close();
  await new Promise<void>((r) => server.close(() => r()));
});

it('each failing channel: the raw error in the log, its meaning in English and Chinese from the catalog', async () => {
  const db = asterism.db;
  const body = { en: '**Test**', zh: '**测试**' };
  for (const [name, url] of [['busy', `${base}/busy`], ['forbidden', `${base}/forbidden`], ['sign', `${base}/sign`], ['gone', `http://127.0.0.1:${closedPort}/x`]] as const) {
    await addChannel(db, { name, type: 'dingtalk', url });
    await addDelivery(db, { alert_id: 1, channel: name, kind: 'open', body });
  }
  await deliverPending(db, { backoffMs: 1, retries: 0 });
  const raw = Object.fromEntries((await undelivered(db)).map((d) => [d.channel, d.last_error]));
  expect(raw.busy).toBe('HTTP 503');
  expect(raw.forbidden).toBe('HTTP 403: no');
  expect(raw.sign).toBe('refused: {"errcode":310000,"errmsg":"sign not match"}');
  expect(raw.gone).toMatch(/^unreachable: /);

  const { failing } = await asterism.run('alerts_list', { state: 'open' });
  const shown = Object.fromEntries(failing.map((f) => [f.channel, f]));
  expect(shown.busy).toMatchObject({ error: 'HTTP 503', message: { en: "the channel's server failed (HTTP 503): messages are sent again later", zh: '渠道服务器出错（HTTP 503）：消息稍后重发' } });
  expect(shown.forbidden?.message.zh).toBe('渠道拒收消息（HTTP 403）：请检查 Webhook 地址；该消息不会重发');
  expect(shown.sign?.message.en).toBe("the channel refused the message (error code 310000): check its secret, keywords and IP allow-list in the robot's security settings");
  expect(shown.gone?.message.zh).toBe('无法连接该渠道（其地址没有响应）：请检查 URL 和本机网络');
  // no Chinese message carries the English the channel answered
  for (const f of failing) expect(f.message.zh).not.toMatch(/sign not match|busy|HTTP 403: no/);
});

it('an error of a shape not known is still said in both languages', () => {
  expect(channelErrorMessage('something odd')).toEqual({ en: 'the message could not be sent (the details are kept in the delivery log)', zh: '消息发送失败（详情见投递记录）' });
  expect(channelErrorMessage('SMTP: 550 mailbox unavailable').zh).toBe('邮件服务器未接收该邮件：请检查 smtp:// 地址和发件人');
});

import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addChannel, addDelivery, listChannels, undelivered, type ChannelInput } from '../store/alerts.ts';
import { Database } from '../store/database.ts';
import { deliverPending, quietUntil } from './alert-deliver.ts';

/**
 * Sending, against receivers started here on 127.0.0.1 (nothing reaches the internet): the DingTalk and
 * Feishu signatures checked the way their documentation computes them, retries, a failing channel beside
 * a working one, quiet hours, e-mail through smtp-server, and URLs and secrets never shown back.
 */
interface Received { path: string; query: URLSearchParams; body: Record<string, unknown> }

let server: Server;
let base: string;
let received: Received[];
/** answers per path, in order; then 200 {"errcode":0} */
let script: Map<string, number[]>;

const read = (req: IncomingMessage): Promise<string> => new Promise((resolve) => {
  let b = '';
  req.on('data', (c: Buffer) => (b += c.toString('utf8')));
  req.on('end', () => resolve(b));
});

beforeAll(async () => {
  server = createServer((req, res) => {
    void read(req).then((text) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const status = script.get(url.pathname)?.shift() ?? 200;
      if (status === 200) received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(text) as Record<string, unknown> });
      res.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"errcode":0,"errmsg":"ok"}' : '{"error":"busy"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let db: Database;
beforeEach(async () => {
  received = [];
  script = new Map();
  db = await Database.open(join(mkdtempSync(join(tmpdir(), 'asterism-alerts-')), 'alerts.duckdb'));
});
afterEach(() => db.close());

const channel = (c: Partial<ChannelInput> & { name: string }) => addChannel(db, { type: 'dingtalk', url: `${base}/${c.name}`, ...c });
const body = { en: '**[Critical] Buy Box lost**\n\n- Buy Box % 40.4%', zh: '**[严重] 购物车获得率下降**\n\n- 购物车获得率 40.4%' };
const fast = { backoffMs: 1 };

describe('signed webhooks', () => {
  it('DingTalk: timestamp in ms and sign = urlencode(base64(HmacSHA256(secret, timestamp + "\\n" + secret))), markdown body', async () => {
    await channel({ name: 'ding', secret: 'SEC0123456789abcdef' });
    await addDelivery(db, { alert_id: 1, channel: 'ding', kind: 'open', body });
    await deliverPending(db, fast);
    expect(received).toHaveLength(1);
    const [r] = received;
    // https://open.dingtalk.com/document/robots/customize-robot-security-settings: the Python sample there,
    // hmac.new(secret, f"{timestamp}\n{secret}", sha256) then base64 then quote_plus; URLSearchParams undoes the quoting
    const timestamp = r!.query.get('timestamp')!;
    expect(timestamp).toMatch(/^\d{13}$/);
    const expected = createHmac('sha256', Buffer.from('SEC0123456789abcdef', 'utf8')).update(Buffer.from(`${timestamp}\nSEC0123456789abcdef`, 'utf8')).digest('base64');
    expect(r!.query.get('sign')).toBe(expected);
    expect(r!.body).toEqual({ msgtype: 'markdown', markdown: { title: '[严重] 购物车获得率下降', text: body.zh } });
  });

  it('Feishu: timestamp in seconds and sign = base64(HmacSHA256(key = timestamp + "\\n" + secret, empty message)) in the body', async () => {
    await channel({ name: 'lark', type: 'feishu', secret: 'feishu-secret', lang: 'en' });
    await addDelivery(db, { alert_id: 1, channel: 'lark', kind: 'open', body });
    await deliverPending(db, fast);
    const b = received[0]!.body;
    // https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot: the key is the string to sign, the data empty
    expect(String(b.timestamp)).toMatch(/^\d{10}$/);
    expect(b.sign).toBe(createHmac('sha256', `${String(b.timestamp)}\nfeishu-secret`).digest('base64'));
    expect(b.msg_type).toBe('post');
    expect(JSON.stringify(b.content)).toContain('Buy Box % 40.4%');
  });

  it('WeCom markdown and Slack text, each in its channel language', async () => {
    await channel({ name: 'wecom', type: 'wecom' });
    await channel({ name: 'slack', type: 'slack', lang: 'en' });
    await addDelivery(db, { alert_id: 1, channel: 'wecom', kind: 'open', body });
    await addDelivery(db, { alert_id: 1, channel: 'slack', kind: 'open', body });
    await deliverPending(db, fast);
    expect(received.find((r) => r.path === '/wecom')?.body).toEqual({ msgtype: 'markdown', markdown: { content: body.zh } });
    expect(received.find((r) => r.path === '/slack')?.body).toEqual({ text: '*[Critical] Buy Box lost*\n\n- Buy Box % 40.4%' });
  });
});

describe('retries, failures and quiet hours', () => {
  it('a receiver answering 500 three times, then 200, gets the message once', async () => {
    await channel({ name: 'flaky' });
    script.set('/flaky', [500, 500, 500]);
    await addDelivery(db, { alert_id: 1, channel: 'flaky', kind: 'open', body });
    await deliverPending(db, fast);
    expect(received).toHaveLength(1);
    expect(script.get('/flaky')).toEqual([]);
    expect(await undelivered(db)).toEqual([]);
    // and a second pass sends nothing again
    await deliverPending(db, fast);
    expect(received).toHaveLength(1);
  });

  it('a channel still failing is kept for a later run, and does not hold up another channel', async () => {
    await channel({ name: 'down' });
    await channel({ name: 'up' });
    script.set('/down', [503, 503, 503, 503]);
    await addDelivery(db, { alert_id: 1, channel: 'down', kind: 'open', body });
    await addDelivery(db, { alert_id: 1, channel: 'up', kind: 'open', body });
    const now = new Date('2026-11-24T02:00:00Z');
    await deliverPending(db, { ...fast, now });
    expect(received.map((r) => r.path)).toEqual(['/up']);
    const [kept] = await undelivered(db);
    expect(kept).toMatchObject({ channel: 'down', status: 'failed', attempts: 4, last_error: 'HTTP 503' });
    // not before its next attempt (5 minutes later) ...
    await deliverPending(db, { ...fast, now: new Date('2026-11-24T02:01:00Z') });
    expect(received).toHaveLength(1);
    // ... then delivered once the channel answers
    await deliverPending(db, { ...fast, now: new Date('2026-11-24T02:06:00Z') });
    expect(received.map((r) => r.path)).toEqual(['/up', '/down']);
  });

  it('quiet hours hold a message until morning in the channel time zone (Beijing time by default for zh)', async () => {
    await channel({ name: 'night', quietFrom: '22:00', quietTo: '08:00' });
    await addDelivery(db, { alert_id: 1, channel: 'night', kind: 'open', body });
    // 15:00 UTC is 23:00 in Beijing (UTC+8): held until 08:00 Beijing = 00:00 UTC
    await deliverPending(db, { ...fast, now: new Date('2026-11-23T15:00:00Z') });
    expect(received).toHaveLength(0);
    expect((await undelivered(db))[0]).toMatchObject({ status: 'held', next_attempt_at: '2026-11-24T00:00:00Z' });
    await deliverPending(db, { ...fast, now: new Date('2026-11-23T23:59:00Z') });
    expect(received).toHaveLength(0);
    await deliverPending(db, { ...fast, now: new Date('2026-11-24T00:30:00Z') });
    expect(received).toHaveLength(1);
  });

  it('quiet hours in another time zone and within one day', () => {
    const ny = { quiet_hours: '12:00-13:00', time_zone: 'America/New_York' };
    // 17:30 UTC is 12:30 in New York (EST, UTC−5): quiet until 13:00 EST = 18:00 UTC
    expect(quietUntil(ny, new Date('2026-11-23T17:30:00Z'))?.toISOString()).toBe('2026-11-23T18:00:00.000Z');
    expect(quietUntil(ny, new Date('2026-11-23T18:00:00Z'))).toBeNull();
  });
});

describe('e-mail over SMTP', () => {
  it('sends through a local smtp-server to the --to address, with the title as subject', async () => {
    const mails: { to: string[]; data: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'],
      onRcptTo(address, _s, cb) { cb(); void address; },
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const port = (smtp.server.address() as AddressInfo).port;
    try {
      await addChannel(db, { name: 'mail', type: 'email', url: `smtp://127.0.0.1:${port}`, to: 'lina@example.com', lang: 'en' });
      await addDelivery(db, { alert_id: 1, channel: 'mail', kind: 'open', body });
      await deliverPending(db, fast);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toEqual(['lina@example.com']);
      expect(mails[0]!.data).toContain('Subject: [Critical] Buy Box lost');
      expect(mails[0]!.data).toContain('Buy Box % 40.4%');
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  });
});

describe('channels at rest', () => {
  it('stores the URL and secret sealed and never lists them', async () => {
    await channel({ name: 'ding', url: `${base}/robot/send?access_token=tok-123`, secret: 'SECxyz' });
    const listed = JSON.stringify(await listChannels(db));
    expect(listed).not.toContain('tok-123');
    expect(listed).not.toContain('SECxyz');
    const raw = JSON.stringify(await db.all('SELECT * FROM alert_channels'));
    expect(raw).not.toContain('tok-123');
    expect(raw).not.toContain('SECxyz');
  });
});

import { createHmac } from 'node:crypto';
import type { ChannelTarget } from '../store/alerts.ts';

/**
 * Sending one message to one channel, as each vendor documents its incoming webhook:
 * - DingTalk custom robot, signed: `timestamp` (ms) and `sign` = urlencode(base64(HmacSHA256(key = secret,
 *   message = timestamp + "\n" + secret))) as query parameters; markdown body
 *   (https://open.dingtalk.com/document/robots/customize-robot-security-settings,
 *   https://open.dingtalk.com/document/orgapp/custom-robots-send-group-messages).
 * - Feishu / Lark custom bot, signed: `timestamp` (seconds) and `sign` = base64(HmacSHA256(key = timestamp +
 *   "\n" + secret, message = empty)) in the JSON body; a `post` rich-text message
 *   (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot).
 * - WeCom group robot: markdown body (https://developer.work.weixin.qq.com/document/path/91770).
 * - Slack incoming webhook: `text` in mrkdwn (https://api.slack.com/messaging/webhooks).
 * - e-mail over SMTP with nodemailer (https://nodemailer.com/smtp/), `--url smtp://host:port`.
 * The vendors answer HTTP 200 with an error code in the body for a refused message (errcode / code ≠ 0).
 */
export interface OutgoingMessage {
  title: string;
  markdown: string;
}

export class DeliveryError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
  }
}

export function dingtalkSign(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

export function feishuSign(timestamp: string, secret: string): string {
  return createHmac('sha256', `${timestamp}\n${secret}`).update('', 'utf8').digest('base64');
}

export async function sendToChannel(channel: ChannelTarget, message: OutgoingMessage, now: Date = new Date()): Promise<void> {
  if (channel.type === 'email') return sendMail(channel, message);
  let url = channel.url;
  let body: unknown;
  switch (channel.type) {
    case 'dingtalk': {
      if (channel.secret) {
        const timestamp = String(now.getTime());
        const sign = encodeURIComponent(dingtalkSign(timestamp, channel.secret));
        url += `${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${sign}`;
      }
      body = { msgtype: 'markdown', markdown: { title: message.title, text: message.markdown } };
      break;
    }
    case 'feishu': {
      const content = { zh_cn: { title: message.title, content: message.markdown.split('\n').filter((l) => l.trim()).map((l) => [{ tag: 'text', text: l }]) } };
      const signed = channel.secret ? (() => {
        const timestamp = String(Math.floor(now.getTime() / 1000));
        return { timestamp, sign: feishuSign(timestamp, channel.secret) };
      })() : {};
      body = { ...signed, msg_type: 'post', content: { post: content } };
      break;
    }
    case 'wecom':
      body = { msgtype: 'markdown', markdown: { content: message.markdown } };
      break;
    case 'slack':
      body = { text: message.markdown.replace(/\*\*(.+?)\*\*/g, '*$1*').replace(/\[(.+?)\]\((.+?)\)/g, '<$2|$1>') };
      break;
  }
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
  } catch (e) {
    throw new DeliveryError(`unreachable: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`, true);
  }
  const text = await response.text();
  if (response.status >= 500 || response.status === 429) throw new DeliveryError(`HTTP ${response.status}`, true);
  if (!response.ok) throw new DeliveryError(`HTTP ${response.status}: ${text.slice(0, 200)}`, false);
  const code = vendorCode(text);
  if (code !== null && code !== 0) throw new DeliveryError(`refused: ${text.slice(0, 200)}`, false);
}

function vendorCode(text: string): number | null {
  try {
    const parsed = JSON.parse(text) as { errcode?: unknown; code?: unknown; StatusCode?: unknown };
    const code = parsed.errcode ?? parsed.code ?? null;
    return typeof code === 'number' ? code : null;
  } catch {
    return null;
  }
}

async function sendMail(channel: ChannelTarget, message: OutgoingMessage): Promise<void> {
  if (!channel.to) throw new DeliveryError('no --to address', false);
  // loaded with the first e-mail, not with every command that opens the database
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport(channel.url);
  try {
    await transport.sendMail({
      from: process.env.ASTERISM_MAIL_FROM ?? 'Asterism <asterism@localhost>', to: channel.to, subject: message.title,
      text: message.markdown,
    });
  } catch (e) {
    const code = (e as { responseCode?: number }).responseCode;
    // 4xx is temporary (try again), 5xx permanent; no code: the server was not reached
    throw new DeliveryError(`SMTP: ${(e as Error).message}`, code === undefined || code < 500);
  } finally {
    transport.close();
  }
}

import { say, type MessageKey, type Texts } from '../domain/messages.ts';

/**
 * A channel's error as the user reads it, in their language: the raw error (what the vendor or the
 * network answered, kept as is in alert_deliveries.last_error and in the API's `error`) is matched here
 * against the shapes app/alert-channels.ts and app/alert-deliver.ts give it, first match wins.
 */
const shapes: readonly { pattern: RegExp; key: MessageKey; params?: (m: RegExpMatchArray) => Record<string, string> }[] = [
  { pattern: /^unreachable: /, key: 'alert_channel_unreachable' },
  { pattern: /^HTTP (429)\b/, key: 'alert_channel_busy', params: (m) => ({ status: m[1]! }) },
  { pattern: /^HTTP (5\d\d)\b/, key: 'alert_channel_server_error', params: (m) => ({ status: m[1]! }) },
  { pattern: /^HTTP (4\d\d)\b/, key: 'alert_channel_refused_http', params: (m) => ({ status: m[1]! }) },
  { pattern: /^refused: .*?"(?:errcode|code)"\s*:\s*(-?\d+)/, key: 'alert_channel_refused_code', params: (m) => ({ code: m[1]! }) },
  { pattern: /^refused: /, key: 'alert_channel_refused', params: () => ({}) },
  { pattern: /^no --to address/, key: 'alert_channel_no_address' },
  { pattern: /^SMTP: /, key: 'alert_channel_smtp' },
  { pattern: /^channel .* no longer exists$/, key: 'alert_channel_gone' },
];

export function channelErrorMessage(raw: string): Texts {
  for (const s of shapes) {
    const m = raw.match(s.pattern);
    if (m) return say(s.key, s.params?.(m) ?? {});
  }
  return say('alert_channel_failed_other');
}

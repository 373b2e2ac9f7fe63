import type { Lang, Texts } from '../domain/messages.ts';
import type { AlertRecord } from '../store/alerts.ts';
import type { Finding } from './alert-evaluate.ts';

/**
 * An alert's message in Markdown, in both languages (each channel sends its own): the title and scope,
 * the numbers and evidence, the actions from the diagnosis rules, and the dashboard link.
 */
const severityText: Record<string, Texts> = {
  critical: { en: 'Critical', zh: '严重' }, warning: { en: 'Warning', zh: '警告' }, info: { en: 'Info', zh: '提示' },
};

const scopeNames: Record<string, Texts> = {
  store: { en: 'Store', zh: '店铺' }, marketplace: { en: 'Marketplace', zh: '站点' }, asin: { en: 'ASIN', zh: 'ASIN' },
};

function scopeLine(scope: Record<string, string>, owner: string | null, lang: Lang): string {
  const parts = Object.entries(scope).map(([k, v]) => `${scopeNames[k]?.[lang] ?? k} ${v}`);
  if (owner) parts.push(`${lang === 'zh' ? '负责人' : 'Owner'} ${owner}`);
  return parts.join(' · ');
}

export function findingMessage(f: Finding): Texts {
  const one = (lang: Lang): string => {
    const lines = [
      `**[${severityText[f.severity]?.[lang] ?? f.severity}] ${f.title[lang]}**`, '',
      scopeLine(f.scope, f.owner, lang), '',
      ...f.evidence.map((e) => `- ${e[lang]}`),
    ];
    const actions = f.actions[lang];
    if (actions.length) lines.push('', lang === 'zh' ? '建议：' : 'What to try:', ...actions.map((a, i) => `${i + 1}. ${a}`));
    lines.push('', `[${lang === 'zh' ? '在联星中查看' : 'Open in Asterism'}](${f.link})`);
    return lines.join('\n');
  };
  return { en: one('en'), zh: one('zh') };
}

export function resolvedMessage(a: AlertRecord, asOf: string): Texts {
  const title = { en: a.message.en.split('\n')[0]!.replace(/^\*\*\[[^\]]*\] /, '').replace(/\*\*$/, ''), zh: a.message.zh.split('\n')[0]!.replace(/^\*\*\[[^\]]*\] /, '').replace(/\*\*$/, '') };
  const one = (lang: Lang) => [
    `**[${lang === 'zh' ? '已恢复' : 'Resolved'}] ${title[lang]}**`, '',
    scopeLine(a.scope, a.owner, lang), '',
    lang === 'zh' ? `截至 ${asOf} 的数据已不再触发此告警（${a.as_of} 起）。` : `The data as of ${asOf} no longer raises this alert (open since ${a.as_of}).`,
    ...(a.link ? ['', `[${lang === 'zh' ? '在联星中查看' : 'Open in Asterism'}](${a.link})`] : []),
  ].join('\n');
  return { en: one('en'), zh: one('zh') };
}

/** The first line without its Markdown: a chat message's title, an e-mail's subject. */
export const titleOf = (markdown: string): string => (markdown.split('\n')[0] ?? '').replace(/\*\*/g, '').slice(0, 120);

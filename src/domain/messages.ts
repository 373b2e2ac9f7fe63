/**
 * The one message catalog: every import problem and every user-facing error, in English and Chinese,
 * as templates with named parameters (`{line}`). A parameter may itself be a pair of texts (a report's
 * name, what a value should look like): each language takes its own.
 */
export type Lang = 'en' | 'zh';
export interface Texts {
  en: string;
  zh: string;
}
export type MessageParam = string | number | Texts;

export const messages = {
  // reading a file
  unknown_report: {
    en: 'not a report Asterism knows: no header line among the first {depth} lines matches one (line {line} reads "{value}"); known reports: {known}',
    zh: '不是联星认识的报表：前 {depth} 行中没有一行是已知报表的表头（第 {line} 行为“{value}”）；已知报表：{known}',
  },
  unknown_report_closest: {
    en: 'not a report Asterism knows: no header line among the first {depth} lines matches one; line {line} looks closest to {report} ({shared} of its columns) but lacks {lacking}, and has columns it does not read: {unknown}',
    zh: '不是联星认识的报表：前 {depth} 行中没有一行是已知报表的表头；第 {line} 行最接近{report}（有其中 {shared} 列），但缺少 {lacking}，并有它不读取的列：{unknown}',
  },
  unknown_json: { en: 'a JSON document Asterism does not know; known reports: {known}', zh: '联星不认识这个 JSON 文档；已知报表：{known}' },
  bad_json: { en: 'not valid JSON: {reason}', zh: '不是有效的 JSON：{reason}' },
  unreadable: { en: 'cannot read {file}: {reason}', zh: '无法读取 {file}：{reason}' },
  corrupt_file: {
    en: '{file} is damaged and cannot be opened ({reason}): nothing was imported from it; download it again',
    zh: '{file} 已损坏，无法打开（{reason}）：未导入任何内容；请重新下载',
  },
  missing_column: {
    en: '{report}: required column {column} is missing from the header on line {line}',
    zh: '{report}：第 {line} 行的表头缺少必需的列 {column}',
  },
  empty_column: {
    en: '{report}: column "{column}" (header on line {line}) is empty on all {rows} rows, but the report always fills it: the file looks damaged or edited; download it again',
    zh: '{report}：列“{column}”（表头在第 {line} 行）在全部 {rows} 行中都是空的，而该报表总会填写此列：文件似乎已损坏或被改动；请重新下载',
  },
  empty_column_warning: {
    en: '{report}: column "{column}" (header on line {line}) is empty on all {rows} rows: its values are unknown, not 0',
    zh: '{report}：列“{column}”（表头在第 {line} 行）在全部 {rows} 行中都是空的：这些值按未知处理，而不是 0',
  },
  absent_column_warning: {
    en: '{report}: the file has no column {column}: its values are unknown, not 0',
    zh: '{report}：文件没有 {column} 列：这些值按未知处理，而不是 0',
  },
  truncated: {
    en: 'the file ends in the middle of line {line} ({cells} of {columns} columns): it looks cut off; download it again',
    zh: '文件在第 {line} 行中间结束（{columns} 列中只有 {cells} 列）：似乎被截断了；请重新下载',
  },
  truncated_large: {
    en: 'the file ends in the middle of its last line: it looks cut off; download it again',
    zh: '文件在最后一行中间结束：似乎被截断了；请重新下载',
  },
  line_too_long: {
    en: 'line {line} is {length} bytes long ("{value}"): no report line is that long; the file looks damaged',
    zh: '第 {line} 行长达 {length} 字节（“{value}”）：报表中不会有这么长的行；文件似乎已损坏',
  },
  // values
  bad_value: { en: 'line {line}, column "{column}": "{value}" is not {expected}', zh: '第 {line} 行，列“{column}”：“{value}”不是{expected}' },
  bad_json_value: { en: '{path}: {value} is not {expected}', zh: '{path}：{value}不是{expected}' },
  bad_value_bulk: {
    en: 'line {line}, column "{column}": "{value}" is not {expected}; nothing was written',
    zh: '第 {line} 行，列“{column}”：“{value}”不是{expected}；未写入任何内容',
  },
  odd_identifier: {
    en: 'line {line}, column "{column}": "{value}" does not look like {expected} (kept as given; later rows are not checked again)',
    zh: '第 {line} 行，列“{column}”：“{value}”看起来不像{expected}（按原样保留；之后的行不再逐一提示）',
  },
  value_required: { en: 'line {line}, column "{column}": a value is required here', zh: '第 {line} 行，列“{column}”：此处必须有值' },
  formula_value: {
    en: 'line {line}, column "{column}": "{value}" is a spreadsheet formula, not {expected}',
    zh: '第 {line} 行，列“{column}”：“{value}”是电子表格公式，不是{expected}',
  },
  value_too_long: {
    en: 'line {line}, column "{column}": the value is {length} characters long ("{value}"); {expected} has at most {max}',
    zh: '第 {line} 行，列“{column}”：值长达 {length} 个字符（“{value}”）；{expected}最多 {max} 个字符',
  },
  control_characters: {
    en: 'line {line}, column "{column}": "{value}" holds control characters, which {expected} never has',
    zh: '第 {line} 行，列“{column}”：“{value}”含有控制字符，{expected}不会含有控制字符',
  },
  // importing
  import_failed: { en: 'nothing was written: {reason}', zh: '未写入任何内容：{reason}' },
  needs_marketplace: {
    en: '{report} do not name their marketplace and their times are turned into its local days: give --marketplace, e.g. --marketplace US',
    zh: '{report}不注明站点，而时间要换算成站点当地日期：请给出 --marketplace，例如 --marketplace US',
  },
  unsupported_report: { en: '{report} is recognised but not imported: {reason}', zh: '已识别为{report}，但不导入：{reason}' },
  no_period: { en: '{report}: the file gives no dates', zh: '{report}：文件中没有日期' },
  needs_period: {
    en: '{report} has no dates inside: give --from and --to (the date range chosen in Seller Central when it was downloaded)',
    zh: '{report}文件内没有日期：请给出 --from 和 --to（下载时在卖家后台选择的日期范围）',
  },
  could_not_import: { en: 'the file could not be imported', zh: '文件无法导入' },
  more_problems: { en: '{first} (and {count} more problems)', zh: '{first}（另有 {count} 个问题）' },
  more_problem: { en: '{first} (and 1 more problem)', zh: '{first}（另有 1 个问题）' },
  // the file's marketplace
  unknown_marketplace_id: { en: 'marketplace id {id} is not one Asterism knows', zh: '联星不认识站点编号 {id}' },
  several_currencies: {
    en: "the file's amounts are in several currencies ({currencies}): split it per marketplace",
    zh: '文件中的金额有多种币种（{currencies}）：请按站点拆分',
  },
  several_marketplaces: {
    en: 'the file names several marketplaces ({marketplaces}): import one marketplace per file',
    zh: '文件中出现多个站点（{marketplaces}）：每个文件只导入一个站点',
  },
  marketplace_conflict: {
    en: 'the file is for {file_marketplace} ({why}) but --marketplace says {given}',
    zh: '文件属于 {file_marketplace}（{why}），但 --marketplace 指定的是 {given}',
  },
  marketplace_unknown_currency_shared: {
    en: 'cannot tell which marketplace this file is for (amounts in {currency} are used by several marketplaces): give --marketplace, e.g. --marketplace US',
    zh: '无法判断文件属于哪个站点（{currency} 金额被多个站点使用）：请给出 --marketplace，例如 --marketplace US',
  },
  marketplace_unknown: {
    en: 'cannot tell which marketplace this file is for (it names no marketplace id, sales channel or single-marketplace currency ($ alone is several)): give --marketplace, e.g. --marketplace US',
    zh: '无法判断文件属于哪个站点（文件中没有站点编号、销售渠道或只属于一个站点的币种（仅 $ 对应多个站点））：请给出 --marketplace，例如 --marketplace US',
  },
  // errors of the command line and the API
  bad_marketplace_option: {
    en: 'unknown marketplace "{value}": use a code such as US, CA, UK, DE, JP',
    zh: '未知站点“{value}”：请使用 US、CA、UK、DE、JP 等代码',
  },
  bad_date_option: {
    en: '{what} "{value}" is not a date: expected YYYY-MM-DD, e.g. 2026-09-30',
    zh: '{what}“{value}”不是日期：应为 YYYY-MM-DD，例如 2026-09-30',
  },
  from_to_together: { en: '--from and --to go together: give both or neither', zh: '--from 和 --to 须一起给出：两个都给或都不给' },
  from_after_to: { en: '--from {from} is after --to {to}', zh: '--from {from} 晚于 --to {to}' },
  bad_lang: { en: '{what} "{value}" is not zh or en', zh: '{what}“{value}”不是 zh 或 en' },
  database_locked: {
    en: 'database {path} is in use by another process{pid}: stop it, or run `asterism serve` on this file and the CLI will go through it',
    zh: '数据库 {path} 正被另一个进程使用{pid}：请停止该进程，或对此文件运行 `asterism serve`，命令行会通过它访问',
  },
  database_open_failed: { en: 'cannot open database {path}: {reason}', zh: '无法打开数据库 {path}：{reason}' },
  server_unreachable: {
    en: 'the server at {url} holding this database does not answer ({reason})',
    zh: '持有此数据库的服务器 {url} 没有响应（{reason}）',
  },
  no_metric: { en: 'name at least one metric (--metric ID); `asterism metrics` lists them', zh: '请至少指定一个指标（--metric ID）；`asterism metrics` 会列出全部指标' },
  unknown_metric: { en: 'unknown metric "{value}"{hint}; `asterism metrics` lists them', zh: '未知指标“{value}”{hint}；`asterism metrics` 会列出全部指标' },
  unknown_dimension: { en: 'unknown dimension "{value}"{hint}: expected one of {known}', zh: '未知维度“{value}”{hint}：应为以下之一：{known}' },
  bad_currency_option: { en: 'currency "{value}" is not an ISO code such as USD, CNY, EUR', zh: '币种“{value}”不是 ISO 代码（如 USD、CNY、EUR）' },
  no_upload_files: { en: 'no files: send them as multipart form field "files"', zh: '没有文件：请以 multipart 表单字段 "files" 发送' },
  no_import_job: { en: 'no import job "{id}"', zh: '没有导入任务“{id}”' },
  internal_error: { en: 'internal error', zh: '内部错误' },
} as const satisfies Record<string, Texts>;

export type MessageKey = keyof typeof messages;

/** Both texts of a message, its parameters filled in. */
export function say(key: MessageKey, params: Readonly<Record<string, MessageParam>> = {}): Texts {
  const template = messages[key];
  return { en: fill(template.en, params, 'en'), zh: fill(template.zh, params, 'zh') };
}

function fill(template: string, params: Readonly<Record<string, MessageParam>>, lang: Lang): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

/** The same text in both languages (a file name, a reason only known in English). */
export const both = (text: string): Texts => ({ en: text, zh: text });

/** A cell's value as a message shows it: cut to about 60 characters, control characters made visible. */
export function shownValue(value: string, max = 60): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  // eslint-disable-next-line no-control-regex
  return cut.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `zh`, `zh-CN`, `zh_CN.UTF-8` → zh; `en…` → en; anything else → undefined. */
export function langOf(text: string | undefined): Lang | undefined {
  const t = text?.trim().toLowerCase();
  if (!t) return undefined;
  if (t.startsWith('zh')) return 'zh';
  if (t.startsWith('en')) return 'en';
  return undefined;
}

/** The language an HTTP client asks for (Accept-Language, by weight); English when it names neither. */
export function langOfAcceptLanguage(header: string | undefined): Lang {
  if (!header) return 'en';
  const ranked = header.split(',').map((part, order) => {
    const [tag, ...rest] = part.trim().split(';');
    const q = rest.map((r) => /^\s*q=([\d.]+)\s*$/.exec(r)?.[1]).find((v) => v !== undefined);
    return { lang: langOf(tag), q: q === undefined ? 1 : Number(q), order };
  });
  const best = ranked.filter((r) => r.lang && r.q > 0).sort((a, b) => b.q - a.q || a.order - b.order)[0];
  return best?.lang ?? 'en';
}

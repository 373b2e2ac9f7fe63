import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Why the server will not do what was asked (foreign Host or page, by-path reads, upload size), in both
 * languages, as one table; the message never quotes a file's contents. */
type Vars = Record<string, string>;
interface RefusalText {
  status: ContentfulStatusCode;
  code: string;
  en: (v: Vars) => string;
  zh: (v: Vars) => string;
}

export const refusals = {
  foreign_host: {
    status: 421, code: 'misdirected_request',
    en: (v) => `this server answers only to its own address, not to "${v.host}"; to reach it by another name, start it with --allowed-host NAME`,
    zh: (v) => `本服务只响应自己的地址，不响应"${v.host}"；如需用其他名称访问，请以 --allowed-host 名称 启动`,
  },
  foreign_origin: {
    status: 403, code: 'forbidden',
    en: (v) => `refused: the request comes from a page of another site (${v.origin}); only Asterism's own pages may change data`,
    zh: (v) => `已拒绝：请求来自其他网站的页面（${v.origin}）；只有 Asterism 自己的页面可以修改数据`,
  },
  missing_request_header: {
    status: 403, code: 'forbidden',
    en: () => 'refused: a request that changes data must carry the header "X-Asterism-Request: 1" (the dashboard and the CLI send it)',
    zh: () => '已拒绝：修改数据的请求必须带请求头"X-Asterism-Request: 1"（仪表盘和命令行会自动带上）',
  },
  import_by_path_off: {
    status: 403, code: 'forbidden',
    en: () => 'importing by server path is off: start the server with --import-dir DIR to allow a folder, or upload the files (POST /api/upload, or the dashboard\'s Data page)',
    zh: () => '未开启按服务器路径导入：请以 --import-dir 目录 启动服务以允许某个文件夹，或改为上传文件（POST /api/upload，或仪表盘的“数据”页）',
  },
  import_outside: {
    status: 403, code: 'forbidden',
    en: (v) => `"${v.path}": not a file this server may read; by path it reads only existing files under the folders given with --import-dir (or upload the file instead)`,
    zh: (v) => `"${v.path}"：不是本服务可读取的文件；按路径导入只读取 --import-dir 指定文件夹下已存在的文件（也可以改为上传）`,
  },
  import_not_regular: {
    status: 403, code: 'forbidden',
    en: (v) => `"${v.path}": not a regular file (a folder, pipe or device); give a report file`,
    zh: (v) => `"${v.path}"：不是普通文件（而是文件夹、管道或设备）；请指定报表文件`,
  },
  upload_too_large: {
    status: 413, code: 'upload_too_large',
    en: (v) => `the upload is larger than this server accepts (${v.limit}); nothing was kept. Split the files into several uploads, or start the server with a larger --max-upload`,
    zh: (v) => `上传内容超过本服务允许的大小（${v.limit}）；未保存任何内容。请分几次上传，或以更大的 --max-upload 启动服务`,
  },
  upload_not_multipart: {
    status: 400, code: 'bad_request',
    en: () => 'send the files as multipart/form-data, in the form field "files"',
    zh: () => '请以 multipart/form-data 发送文件，表单字段名为"files"',
  },
  upload_no_files: {
    status: 400, code: 'bad_request',
    en: () => 'no files: send them as multipart form field "files"',
    zh: () => '没有文件：请在表单字段"files"中发送',
  },
  upload_too_many_parts: {
    status: 413, code: 'upload_too_large',
    en: () => 'more than 1,000 files or 100 fields in one upload; nothing was kept. Send them in several uploads',
    zh: () => '单次上传超过 1,000 个文件或 100 个字段；未保存任何内容。请分几次上传',
  },
  upload_broken: {
    status: 400, code: 'bad_request',
    en: () => 'the upload ended before its last file was complete; nothing was kept',
    zh: () => '上传在最后一个文件传完之前中断；未保存任何内容',
  },
} satisfies Record<string, RefusalText>;

export type RefusalKey = keyof typeof refusals;

/** Thrown where the request is refused; the app's error handler answers it in the caller's language. */
export class Refusal extends Error {
  constructor(readonly key: RefusalKey, readonly vars: Vars = {}) {
    super(refusals[key].en(vars));
    this.name = 'Refusal';
  }
}

/** zh when the caller's most wanted language is Chinese (Accept-Language), else en. */
export function answerLanguage(acceptLanguage: string | undefined): 'zh' | 'en' {
  const wanted = (acceptLanguage ?? '').split(',').map((part, i) => {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
    return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
  }).filter((w) => w.q > 0 && (w.tag.startsWith('zh') || w.tag.startsWith('en')));
  wanted.sort((a, b) => b.q - a.q || a.i - b.i);
  return wanted[0]?.tag.startsWith('zh') ? 'zh' : 'en';
}

export function refusalAnswer(c: Context, refusal: Refusal): Response {
  const text = refusals[refusal.key];
  const message = text[answerLanguage(c.req.header('accept-language'))](refusal.vars);
  return c.json({ error: { code: text.code, message } }, text.status);
}

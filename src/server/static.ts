import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Hono } from 'hono';

/**
 * The built dashboard (web/dist) at `/`: files as they are, any other page path answered with
 * index.html so the browser app routes it (SPA fallback); `/api/…` is never touched. Looked up on
 * each request, so `npm run build` while the server runs takes effect without a restart.
 */
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.map': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

export const notBuiltPage = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Asterism 联星</title></head><body style="font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;line-height:1.6">
<h1>Asterism 联星</h1>
<p>服务已启动，但仪表盘还没有构建。请在项目目录运行 <code>npm run build</code>，然后刷新本页（无需重启服务）。
接口照常可用：<a href="/api/openapi.json">/api/openapi.json</a>。</p>
<p lang="en">The server is running, but the dashboard has not been built. Run <code>npm run build</code> in the project
folder, then reload this page (no restart needed). The API works as usual: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body></html>`;

/** A file inside `root` for a URL path, or null (missing, a folder, or outside `root` after `..`). */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const path = resolve(root, `.${decoded}`);
  if (path !== root && !path.startsWith(root + sep)) return null;
  return existsSync(path) && statSync(path).isFile() ? path : null;
}

export function serveWebApp(app: Pick<Hono, 'get'>, distDir: string): void {
  const root = resolve(distDir);
  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/')) return next();
    const index = join(root, 'index.html');
    if (!existsSync(index)) return c.html(notBuiltPage, 503);
    const file = path === '/' ? null : fileFor(root, path);
    if (file) {
      // Built assets carry a content hash in their names: cache them for good; everything else revalidates.
      const immutable = path.startsWith('/assets/');
      return c.body(readFileSync(file), 200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    // A missing asset is a 404, not the app; a page path gets the app.
    if (path.startsWith('/assets/') || extname(path)) return c.notFound();
    return c.html(readFileSync(index, 'utf8'), 200, { 'cache-control': 'no-cache' });
  });
}

import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { proxiedImage } from '../app/image-proxy.ts';
import { errorBody } from './schemas.ts';

const route = createRoute({
  method: 'get', path: '/api/image', operationId: 'getProductImage', summary: 'a product image from Amazon\'s image hosts, through the server / 商品图片（经服务器获取）',
  description: 'Fetches an image URL of the listings report (Amazon\'s image hosts only, at most 2 MB) once and keeps it beside the database, so the dashboard loads no third-party image.',
  request: { query: z.object({ src: z.string().min(1) }) },
  responses: {
    200: { content: { 'image/jpeg': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } }, description: 'the image (JPEG, PNG, GIF or WebP)' },
    400: { content: { 'application/json': { schema: errorBody } }, description: 'not an image URL of Amazon\'s image hosts: nothing fetched' },
    502: { content: { 'application/json': { schema: errorBody } }, description: 'the image host did not give an image of at most 2 MB' },
  },
});

/** GET /api/image?src=URL: the image proxy (src/app/image-proxy.ts), its cache in `cacheDir`. */
export function registerImageProxy(app: OpenAPIHono, cacheDir: string): void {
  app.openapi(route, async (c) => {
    const image = await proxiedImage(cacheDir, c.req.valid('query').src);
    return c.body(new Uint8Array(image.bytes), 200, { 'content-type': image.type, 'cache-control': 'private, max-age=86400' });
  });
}

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';

/**
 * Product images through the server (issue 20): the dashboard's strict CSP loads no third-party image, so the
 * listings report's image URLs are fetched here, from Amazon's image hosts only (no request to any other host:
 * no SSRF through a crafted URL), no redirect followed, at most `maxImageBytes`, and kept on disk beside the
 * database so each image is fetched once.
 */
export const imageHosts: readonly string[] = [
  // the host of the image URLs Amazon's APIs return (https://webservices.amazon.com/paapi5/documentation/images.html),
  // and of the listings reports' image-url (sebiten/movie-app next.config.js allows it for the same URLs)
  'm.media-amazon.com',
  // Amazon's older image hosts, North America and Europe (singhJasvinder101/bargane_hub client/next.config.mjs)
  'images-na.ssl-images-amazon.com',
  'images-eu.ssl-images-amazon.com',
];
/** an image path on those hosts: /images/I/<id>.jpg and the like */
const imagePath = /^\/images\/[A-Za-z0-9._,%+\-/]+$/;
export const imageTypes: readonly string[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
export const maxImageBytes = 2 * 1024 * 1024;
const fetchSeconds = 10;

export interface ProxiedImage {
  bytes: Uint8Array;
  type: string;
}

/** The image URL if it is one of Amazon's image hosts' (https, no port, no user, an /images/ path); else undefined. */
export function allowedImage(src: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return undefined;
  }
  const ok = url.protocol === 'https:' && url.port === '' && url.username === '' && url.password === ''
    && imageHosts.includes(url.hostname.toLowerCase()) && imagePath.test(url.pathname);
  return ok ? url : undefined;
}

/**
 * Where an allowed image is fetched from: the image host itself, or, with ASTERISM_IMAGE_ENDPOINT set (a test's
 * server on 127.0.0.1, a company's caching proxy), that base with the image's path: never a host the URL names.
 */
function fetchUrl(url: URL, endpoint = process.env.ASTERISM_IMAGE_ENDPOINT): string {
  return endpoint ? `${endpoint.replace(/\/+$/, '')}${url.pathname}` : url.href;
}

const typeOf = (header: string | null): string | undefined => {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return imageTypes.includes(type) ? type : undefined;
};

async function download(url: URL, src: string): Promise<ProxiedImage> {
  const refuse = (reason: { en: string; zh: string }) => new AsterismError('server_unreachable', say('image_not_fetched', { src, reason }));
  let res: Response;
  try {
    res = await fetch(fetchUrl(url), { redirect: 'manual', signal: AbortSignal.timeout(fetchSeconds * 1000) });
  } catch (e) {
    throw refuse({ en: (e as Error).message, zh: (e as Error).message });
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    throw refuse(say('image_status', { status: res.status }));
  }
  const type = typeOf(res.headers.get('content-type'));
  if (!type) {
    await res.body?.cancel();
    throw refuse(say('image_not_image', { type: res.headers.get('content-type') ?? '' }));
  }
  const tooLarge = () => refuse(say('image_too_large', { max: `${maxImageBytes / 1024 / 1024} MB` }));
  if (Number(res.headers.get('content-length') ?? 0) > maxImageBytes) {
    await res.body?.cancel();
    throw tooLarge();
  }
  // read up to the bound: a host that sends more than it announced is cut off
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  for (let read = await reader?.read(); reader && read && !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxImageBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(read.value);
  }
  return { bytes: Buffer.concat(parts), type };
}

/** An allowed image, from the cache folder or fetched once into it; a disallowed URL is refused before any request. */
export async function proxiedImage(cacheDir: string, src: string): Promise<ProxiedImage> {
  const url = allowedImage(src);
  if (!url) throw new AsterismError('bad_request', say('image_host_not_allowed', { src, hosts: imageHosts.join(', ') }));
  const key = createHash('sha256').update(url.href).digest('hex');
  const [file, typeFile] = [join(cacheDir, key), join(cacheDir, `${key}.type`)];
  try {
    const [bytes, type] = await Promise.all([readFile(file), readFile(typeFile, 'utf8')]);
    if (typeOf(type)) return { bytes, type };
  } catch {
    // not cached yet
  }
  const image = await download(url, src);
  await mkdir(cacheDir, { recursive: true, mode: 0o700 });
  // written whole, then renamed: a reader never sees half an image
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, image.bytes);
  await writeFile(typeFile, image.type);
  await rename(tmp, file);
  return image;
}
